import numpy as np


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


dts = [np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32, np.int64, np.uint64,
       np.float16, np.float32, np.float64, np.complex64, np.complex128, np.bool_]
vals = np.array([0.1, -2.5, 1 / 3, 7, 123.456, -0.001, 1e-5, 0, 2.5e3, 99, -17.75, 0.3])
odd = np.array([1e10, -3.25, 1e-12, 5, np.nan, np.inf, -np.inf, 0.5])
opts = [dict(), dict(separator=', '), dict(separator=',', prefix='array('), dict(precision=3, floatmode='fixed'),
        dict(floatmode='unique'), dict(floatmode='maxprec_equal', precision=4), dict(sign='+'),
        dict(sign=' ', floatmode='fixed', precision=2), dict(suppress_small=True),
        dict(max_line_width=30, separator='; ', prefix='  ', suffix='))'), dict(threshold=5, edgeitems=1),
        dict(threshold=4, edgeitems=2, separator=', ', max_line_width=20), dict(precision=0, floatmode='fixed'),
        dict(precision=1, floatmode='maxprec_equal', suppress_small=True)]
for dt in dts:
    with np.errstate(all='ignore'):
        v = vals.astype(dt) if dt != np.bool_ else vals > 0.2
        w = odd.astype(dt) if np.dtype(dt).kind in 'fc' else v[:8]
        if np.dtype(dt).kind == 'c':
            v = v + (vals[::-1] * 1j).astype(dt)
    print(dt.__name__)
    for o in opts:
        show(lambda: np.array2string(v, **o))
        show(lambda: np.array2string(v.reshape(2, 3, 2)[:, ::-1], **o))
        show(lambda: np.array2string(w, **o))
        show(lambda: np.array2string(v[4], **o))
    show(lambda: np.array2string(v.reshape(3, 4), separator=', ', prefix='x = ', suffix=';'))
    show(lambda: np.array2string(v.reshape(12, 1, 1), threshold=4, edgeitems=1, separator=','))

# larger arrays: wrapping and summarising
np.random.seed(3)
x = np.random.randn(200) * np.array([10.0 ** int(k) for k in np.random.randint(-6, 6, 200)])
for dt in [np.float16, np.float32, np.float64, np.complex64, np.int16]:
    with np.errstate(all='ignore'):
        a = (x * 100).astype(dt) if np.dtype(dt).kind in 'iu' else x.astype(dt)
        if np.dtype(dt).kind == 'c':
            a = a + 1j * x[::-1].astype(dt)
    for shp in [(200,), (10, 20), (2, 5, 4, 5)]:
        b = a.reshape(shp)
        for o in [dict(separator=', ', prefix='array(', suffix=')', threshold=100), dict(floatmode='fixed', precision=3, threshold=100),
                  dict(floatmode='unique', threshold=50, edgeitems=2), dict(floatmode='maxprec_equal', suppress_small=True, threshold=100),
                  dict(max_line_width=200, threshold=3000, precision=2, sign='+'), dict(edgeitems=0, threshold=10),
                  dict(max_line_width=5, threshold=10), dict(max_line_width=-3, threshold=10, separator=' , ')]:
            show(lambda: np.array2string(b, **o))
    show(lambda: np.array2string(a[:7], floatmode='unique', suppress_small=True, max_line_width=100))

# special values, odd options
print(np.array2string(np.array([1e-320, 1.0]), floatmode='unique'))
print(np.array2string(np.array([1e-320, 1.0]), floatmode='fixed', suppress_small=True, precision=5))
print(np.array2string(np.array([1e300, 1.0]), floatmode='fixed', precision=5))
print(np.array2string(np.array([1e100, 1.0]), floatmode='fixed', precision=0))
print(np.array2string(np.array([0.125, 0.375, 2.5, 0.5]), precision=2, floatmode='fixed'))
print(np.array2string(np.array([0.1, 0.3, 1 / 3], np.float16), floatmode='fixed'))
print(np.array2string(np.array([0.1, 0.3, 1 / 3], np.float32), floatmode='maxprec_equal'))
print(np.array2string(np.array([1 / 3, 3]), floatmode='fixed', precision=20))
print(np.array2string(np.array([np.nan, np.nan]), floatmode='fixed', sign=' '))
print(np.array2string(np.array([np.inf]), floatmode='fixed', sign='+'))
print(np.array2string(np.array([-np.inf, 1]), floatmode='maxprec_equal', sign=' '))
print(np.array2string(np.array([-0.001, 1]), precision=2, floatmode='fixed'))
print(np.array2string(np.array([[1, 2], [3, 4]]), separator='\u00e9\u00e9 ', prefix='\u00e9\u00e9', max_line_width=10))
print(np.array2string(np.float32(0.3), floatmode='fixed'), np.array2string(np.int8(-5)), np.array2string(np.bool_(False)))
print(np.array2string(np.array(1.23456789), precision=3), np.array2string(np.array(True)), np.array2string(np.array(3 + 4j)))
print(np.array2string(np.array([1, 2]), separator='\n'))
print(np.array2string(np.arange(6).reshape(2, 3), separator=' ,\t '))
print(np.array2string(np.arange(6.).reshape(2, 3), threshold=np.inf, edgeitems=1))
print(np.array2string(np.arange(6.).reshape(2, 3), threshold=-np.inf, edgeitems=1))
print(np.array2string(np.arange(6.).reshape(2, 3), threshold=2.5, edgeitems=1))
print(np.array2string(np.arange(6.).reshape(2, 3), threshold=True, edgeitems=True, precision=True))
print(np.array2string(np.arange(10.), threshold=5, edgeitems=10), np.array2string(np.arange(10), threshold=5, edgeitems=4))
print(np.array2string(np.arange(10), threshold=5, edgeitems=5), np.array2string(np.arange(30), max_line_width=20.5))
print(np.array2string(np.arange(10), 20, 3, True, ' | ', '=>'))
print(repr(np.array2string(np.array([], float), separator=',')), repr(np.array2string(np.zeros((2, 0)), prefix='a(')))
print(np.array2string(np.arange(24).reshape(2, 3, 4), separator=';', prefix='  '))

# records and raw void (floatmode only for the plain maxprec)
r = np.array([(1, 2.5, True), (3, -4.5, False), (-30, 1e-7, True)], dtype=[('x', 'i4'), ('y', 'f8'), ('z', '?')])
s = np.zeros(3, dtype=[('p', 'f4', (2,)), ('q', 'u1')])
s['p'] = [[1.5, 2], [3, 4.25], [-1, 0]]
for x in [r, s, np.zeros((2, 2), dtype='V3'), r[1], r.reshape(3, 1)]:
    for o in [dict(), dict(separator=', '), dict(prefix='rec(', separator=',', max_line_width=20),
              dict(precision=2, suppress_small=True), dict(threshold=2, edgeitems=1), dict(sign='+')]:
        show(lambda: np.array2string(x, **o))

# array_repr / array_str
for dt in [np.int8, np.uint64, np.float16, np.float32, np.float64, np.complex64, np.bool_]:
    a = (np.arange(24).reshape(2, 3, 4) * 1.37 - 9).astype(dt)
    for o in [dict(), dict(max_line_width=30), dict(precision=2), dict(suppress_small=True, precision=1),
              dict(max_line_width=20, precision=0)]:
        show(lambda: np.array_repr(a, **o))
        show(lambda: np.array_str(a[1], **o))
        show(lambda: np.array_repr(a[1, 2, 3], **o))
        show(lambda: np.array_repr(a[1, 2], **o))
        show(lambda: np.array_str(a[1, 2, 3], **o))
        show(lambda: np.array_repr(a[:, :0], **o))
show(lambda: np.array_repr(np.array(1.23456789), precision=3))
show(lambda: np.array_str(np.array(1.23456789), precision=3))
show(lambda: np.array_repr(np.arange(3000.), 40, 2))
show(lambda: np.array_repr(np.arange(30), 40, 2, True))
show(lambda: np.array_str(np.arange(30), 40, 2, True))
show(lambda: np.array_repr(np.arange(30), max_line_width=10.5))

# NumPy's option errors
for bad in [lambda: np.array2string(np.array([1, 2]), floatmode='foo'), lambda: np.array2string(np.array([1, 2]), sign='x'),
            lambda: np.array2string(np.array([1, 2]), threshold='x'), lambda: np.array2string(np.array([1, 2]), threshold=np.nan),
            lambda: np.array2string(np.array([1, 2]), precision='x'), lambda: np.array2string(np.array([1, 2]), precision=1.5),
            lambda: np.array2string([1, 2]), lambda: np.array2string((1, 2), sign='-'), lambda: np.array_repr([1.5, 2]),
            lambda: np.array_str((1, 2))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
