# Truth and reductions of record arrays: nonzero/count_nonzero use NumPy's
# VOID_nonzero (any field nonzero), any/all cast to bool (one-field records
# only), and the arithmetic reductions and argmax/argmin are refused.
import numpy as np

dt = np.dtype([('a', '<i4'), ('b', '<f8')])
a = np.array([(0, 0.0), (0, -0.0), (1, 0.0), (0, np.nan), (0, 2.0)], dtype=dt)
print(np.nonzero(a), np.count_nonzero(a), np.flatnonzero(a))
print(np.nonzero(a.reshape(1, 5)))
print(np.argwhere(a.reshape(5, 1)).tolist())
print(a[np.nonzero(a)])
sub = np.zeros(3, dtype=[('s', '<f4', (2,)), ('n', [('p', '<u1'), ('q', '>f2')])])
sub['s'][0, 1] = -0.0
sub['n']['q'][2] = -0.0
sub['n']['q'][1] = 1.5
print(np.nonzero(sub)[0], np.count_nonzero(sub))
cplx = np.array([(0j, False), (1j, False), (0j, True)], dtype=[('z', '<c8'), ('t', '?')])
print(np.count_nonzero(cplx), np.nonzero(cplx)[0])

one = np.array([(0,), (2,), (0,)], dtype=[('x', '<i4')])
print(np.any(one), np.all(one), np.count_nonzero(one, axis=0), one.any(keepdims=True))
m = np.array([[(0, 1.0), (1, 0.0)], [(0, 0.0), (0, 0.0)]], dtype=dt)
print(np.nonzero(m), np.count_nonzero(m))

calls = [
    ('sum', lambda: np.sum(a)), ('prod', lambda: a.prod()), ('max', lambda: np.max(a)),
    ('min', lambda: a.min(axis=0)), ('mean', lambda: np.mean(a)), ('std', lambda: a.std()),
    ('any', lambda: np.any(a)), ('all', lambda: a.all(axis=0)), ('argmax', lambda: np.argmax(a)),
    ('argmin', lambda: a.argmin()), ('cumsum', lambda: np.cumsum(a)),
    ('count_nonzero axis', lambda: np.count_nonzero(a, axis=0)),
    ('sum axis', lambda: np.sum(a, axis=3)), ('argmax axis', lambda: np.argmax(a, axis=2)),
    ('max empty', lambda: np.max(a[:0])), ('argmin empty', lambda: np.argmin(a[:0])),
]
for name, f in calls:
    try:
        print(name, f())
    except Exception as e:
        print(name, type(e).__name__, e)
