# median, percentile and quantile over a tuple of axes (NumPy's _ureduce:
# the kept axes move to the front, the reduced ones merge into the last),
# with keepdims, NaN, and the axis errors.
import numpy as np
def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r), getattr(r, 'dtype', ''))
    except Exception as e:
        print(type(e).__name__, e)
a = np.arange(24.).reshape(2, 3, 4); a[0, 1, 2] = np.nan
b = np.arange(60).reshape(3, 4, 5) % 7
np.random.seed(5)
c = np.random.random((4, 3, 5, 2))
for axis in [(0, 2), (2, 0), (0, 1, 2), (1,), (-1, 0), (), [0, 1], (1, 2)]:
    show(lambda: np.median(b, axis=axis))
    show(lambda: np.median(b, axis=axis, keepdims=True).shape)
    show(lambda: np.percentile(b, 30, axis=axis))
    show(lambda: np.quantile(b, [0.25, 0.5], axis=axis, keepdims=True).shape)
for axis in [(0, 2), (1, 3), (0, 1, 2, 3), (3, 1, 0), (2,)]:
    show(lambda: np.median(c, axis=axis))
    show(lambda: np.percentile(c, [10, 90], axis=axis))
show(lambda: np.median(b, axis=(2, 0), keepdims=True))
show(lambda: np.median(a, axis=(1, 2)))
show(lambda: np.median(a, axis=(0, 2), keepdims=True))
show(lambda: np.quantile(a, [0.5], axis=(0, 1)))
show(lambda: np.percentile(b, [30, 60], axis=(0, 2), keepdims=True))
show(lambda: np.median(np.array(3.0), axis=()))
show(lambda: np.median(b.astype('f4'), axis=(0, 1)))
show(lambda: np.median(np.arange(12).reshape(3, 4).T, axis=(0, 1)))
for fn in [lambda: np.median(b, axis=(0, 0)), lambda: np.median(b, axis=(0, 3)), lambda: np.median(b, axis=(0, -4)),
           lambda: np.percentile(b, 50, axis=(0, 5)), lambda: np.quantile(b, 0.5, axis=(1, 1)),
           lambda: np.median(b, axis=(0, 1.5)), lambda: np.median(b, axis=1.5), lambda: np.median(b, axis=np.float64(1)),
           lambda: np.median(b, axis=(0, 'a')), lambda: np.median(b, axis=(0, None)), lambda: np.percentile(b, 50, axis=(0, True))]:
    show(fn)
