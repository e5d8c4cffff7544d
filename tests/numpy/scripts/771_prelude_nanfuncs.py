# nan-functions from nd's prelude: nanargmin/max, nancumsum/prod, nanvar/std,
# nanmedian, nanpercentile, nanquantile (warnings go to stderr, not compared)
import numpy as np

np.random.seed(11)


def bits(x):
    x = np.asarray(x)
    return x.dtype, x.shape, x.tobytes().hex()


def with_nans(shape, dt, frac=0.3):
    a = np.random.randn(*shape) * 10
    a[np.random.rand(*shape) < frac] = np.nan
    return a.astype(dt)


a = np.array([[np.nan, 3., 1.], [2., np.nan, 2.], [np.inf, -np.inf, np.nan]])
for f in [np.nanargmin, np.nanargmax]:
    print(f(a), f(a, axis=0), f(a, axis=1), f(a, axis=-1, keepdims=True))
    print(f([1, 5, 2]), f(np.arange(6).reshape(2, 3), 0), f(np.array([True, False])))
    print(f(np.array([np.nan, 2 + 1j, 2 - 1j, np.nan])))
    print(type(f(a)).__name__, f(a[:, ::-1].T, axis=1))
    out = np.zeros(3, np.intp)
    print(f(a, axis=1, out=out), out)
    for bad in [np.array([np.nan, np.nan]), np.array([[1., np.nan], [np.nan, np.nan]])]:
        try:
            f(bad, axis=-1)
        except ValueError as e:
            print(type(e).__name__, e)
    try:
        f(np.full((2, 0), 1.0), axis=1)
    except ValueError as e:
        print(type(e).__name__, e)

for dt in ['float64', 'float32', 'float16', 'complex128', 'int16', 'uint8', 'bool']:
    x = with_nans((3, 4), 'float64')
    if dt == 'complex128':
        x = x + 1j * with_nans((3, 4), 'float64')
    x = np.abs(x) if dt in ('uint8', 'bool') else x
    x = np.nan_to_num(x).astype(dt) if dt in ('int16', 'uint8', 'bool') else x.astype(dt)
    print(dt)
    print(np.nancumsum(x), np.nancumsum(x, axis=0).dtype)
    print(np.nancumsum(x, axis=1), np.nancumprod(x[:2, :3] / 4 if dt[0] in 'fc' else x[:2, :3], axis=1))
    print(np.nancumprod(x, axis=0, dtype=np.float64).dtype, np.nancumsum(x, dtype=np.int64).dtype if dt[0] in 'iub' else '')
print(np.nancumsum(5), np.nancumsum([np.nan]), np.nancumprod([[np.nan, 2.], [3., np.nan]]))
print(repr(np.nancumsum(np.array([], np.float32))))
out = np.zeros((2, 2))
print(np.nancumsum([[1., np.nan], [np.nan, 4.]], axis=0, out=out) is out, out)

for dt in ['float64', 'float32', 'float16', 'complex128', 'complex64']:
    for shape in [(7,), (4, 6), (3, 4, 5), (2, 1000)]:
        x = with_nans(shape, dt)
        if dt[0] == 'c':
            x = x + 1j * with_nans(shape, 'float64').astype(dt)
        print(dt, shape)
        print(bits(np.nanvar(x)), bits(np.nanstd(x, ddof=1)))
        for ax in range(len(shape)):
            print(bits(np.nanvar(x, axis=ax)), bits(np.nanstd(x, axis=ax, keepdims=True)))
        if len(shape) == 3:
            print(bits(np.nanvar(x, axis=(0, 2), ddof=2)), bits(np.nanstd(x, axis=(2, 1), keepdims=True)))
        if dt[0] == 'f':
            print(bits(np.nanvar(x, axis=0, dtype=np.float64)), bits(np.nanstd(x[..., ::2], axis=-1)))
            print(bits(np.nanmedian(x)), bits(np.nanmedian(x, axis=-1)), bits(np.nanmedian(x, axis=0)))
            print(bits(np.nanpercentile(x, 30)), bits(np.nanquantile(x, [0.1, 0.5, 0.99], axis=-1)))
            print(bits(np.nanquantile(x, 0.25, axis=0, keepdims=True)), bits(np.nanpercentile(x, [5, 95], axis=0)))

m = np.array([[1., np.nan, 3., 2.], [np.nan, np.nan, np.nan, np.nan], [4., 5., np.nan, 7.]])
print(np.nanvar(m, axis=1), np.nanstd(m, axis=1, ddof=1), np.nanvar(m, axis=0, ddof=2))
print(np.nanvar(m), np.nanstd(m, keepdims=True), type(np.nanvar(m)).__name__)
print(np.nanvar([1, 2, 4]), np.nanstd(np.arange(12).reshape(3, 4), axis=1), np.nanvar(np.array([True, False])))
print(np.nanvar(np.array([np.nan]), ddof=0), np.nanstd([1., np.nan], ddof=1), np.nanvar(np.array([], np.float32)))
print(np.nanvar(np.array([1, 2 + 2j, np.nan])), np.nanstd(np.array([[1j, np.nan], [3, 4 - 1j]]), axis=0))
print(np.nanvar(m, axis=1, dtype=np.float32).dtype, np.nanstd(m.astype(np.float32), axis=0, dtype=np.float64))
out = np.zeros(3)
r = np.nanvar(m, axis=1, out=out)
print(r is out, out)
for kw in [{'dtype': np.int32}, {'out': np.zeros(3, np.int64)}]:
    try:
        np.nanvar(m, axis=1, **kw)
    except TypeError as e:
        print(type(e).__name__, e)

print(np.nanmedian(m), np.nanmedian(m, axis=0), np.nanmedian(m, axis=1), np.nanmedian(m, axis=1, keepdims=True))
print(np.nanmedian([[3, 1, 2], [6, 4, 7]], axis=1), np.nanmedian(np.arange(7, dtype=np.int8)), np.nanmedian(5.0))
print(np.nanmedian(np.array([np.nan, np.nan]), axis=0), np.nanmedian(np.array([[np.nan]]), axis=(0, 1)))
print(repr(np.nanmedian(np.array([], np.float32))), np.nanmedian(np.zeros((0, 3)), axis=0))
print(np.nanmedian(np.arange(24.).reshape(2, 3, 4), axis=(0, 2)), np.nanmedian(np.arange(24.).reshape(2, 3, 4), axis=(2, 0), keepdims=True))
print(repr(np.nanmedian(np.array([[40000., 40000.]], np.float16), axis=1)), repr(np.nanmedian(np.array([1, 2 + 1j, np.nan]))))
print(repr(np.nanmedian(np.array([[1, 3 + 1j, np.nan], [np.nan, 2, 4]]), axis=1)))
out = np.zeros(4)
print(np.nanmedian(m, axis=0, out=out) is out, out)
out = np.zeros((1, 4))
print(np.nanmedian(m, axis=0, out=out, keepdims=True) is out, out)

q = [0, 12.5, 50, 100]
print(np.nanpercentile(m, q), np.nanpercentile(m, 50, axis=1), np.nanpercentile(m, q, axis=0))
print(np.nanquantile(m, 0.3, axis=1, keepdims=True), np.nanquantile(m, [[0.2, 0.4], [0.6, 0.8]], axis=1).shape)
print(np.nanquantile(np.arange(10), 0.35), np.nanquantile(np.arange(10, dtype=np.float32), 0.35).dtype)
print(np.nanpercentile(np.array([[np.nan, 1.], [2., np.nan]], np.float32), 40, axis=0).dtype)
print(np.nanquantile(np.array([np.nan, np.nan], np.float32), [0.5, 0.7]), np.nanquantile([np.nan], 0.5))
print(np.nanpercentile(np.zeros((0, 2)), 50, axis=0), np.nanpercentile(np.arange(24.).reshape(2, 3, 4), 50, axis=(0, 1)))
print(np.nanpercentile(np.arange(24.).reshape(2, 3, 4), [10, 90], axis=(0, 2), keepdims=True).shape)
print(np.nanquantile(a=[1., 2., np.nan, 4.], q=0.5, method='linear'), np.nanpercentile([1., 2., 3.], 50, interpolation='linear'))
out = np.zeros(4)
print(np.nanpercentile(m, 50, axis=0, out=out) is out, out)
for f, qq in [(np.nanpercentile, 101), (np.nanpercentile, [-1, 50]), (np.nanquantile, 1.5), (np.nanquantile, [0.5, np.nan])]:
    try:
        f(m, qq)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    np.nanmedian(m, axis=2)
except np.AxisError as e:
    print(type(e).__name__, e)
try:
    np.nanquantile(m, 0.5, axis=(0, 0))
except ValueError as e:
    print(type(e).__name__, e)

# tuple axes (merged into one trailing axis), the >= 600 long-axis path, odd layouts
x = with_nans((3, 25, 30), 'float64')
print(bits(np.nanmedian(x, axis=(1, 2))), bits(np.nanmedian(x, axis=(2, 0), keepdims=True)), bits(np.nanmedian(x[:, ::2, ::-1], axis=(0, 1))))
print(bits(np.nanquantile(x, [0.3, 0.9], axis=(1, 2))), bits(np.nanpercentile(x, 40, axis=(0, 2), keepdims=True)))
print(bits(np.nanvar(x, axis=(1, 2), ddof=1)), bits(np.nanstd(x.transpose(2, 0, 1), axis=(0, 2))), bits(np.nanstd(x[::2, ::3, 1::4])))
y = with_nans((700, 3), 'float32')
print(bits(np.nanmedian(y, axis=0)), bits(np.nanquantile(y, [0.25, 0.75], axis=0)), bits(np.nanmedian(y.T, axis=1, keepdims=True)))
print(bits(np.nanmedian(np.asfortranarray(x), axis=1)), bits(np.nanargmin(x, axis=1)), bits(np.nanargmax(x[:, ::-1], axis=2)))
