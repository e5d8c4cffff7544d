# np.apply_along_axis, np.apply_over_axes, np.vectorize, np.fromfunction (prelude)
import numpy as np


def show(x):
    print(repr(x), x.dtype, x.shape)


def err(fn):
    try:
        print(fn())
    except Exception as ex:
        print(type(ex).__name__, ex)


def my_func(a):
    return (a[0] + a[-1]) * 0.5


b = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
show(np.apply_along_axis(my_func, 0, b))
show(np.apply_along_axis(my_func, 1, b))
show(np.apply_along_axis(sorted, 1, np.array([[8, 1, 7], [4, 3, 9], [5, 2, 6]])))
show(np.apply_along_axis(np.diag, -1, b))
show(np.apply_along_axis(lambda v: v.sum(), 0, np.arange(24).reshape(2, 3, 4)))
show(np.apply_along_axis(lambda v: v[::-1], 1, np.arange(24).reshape(2, 3, 4)))
show(np.apply_along_axis(lambda v, k: v[:k], 2, np.arange(24).reshape(2, 3, 4), 2))
show(np.apply_along_axis(lambda v, k=0: v.max() + k, 0, b, k=100))
show(np.apply_along_axis(lambda v: v > 4, 1, b))
show(np.apply_along_axis(lambda v: np.float32(v.mean()), 1, b[:, ::2]))
show(np.apply_along_axis(lambda v: [v.min(), v.max()], 0, b))
show(np.apply_along_axis(np.cumsum, 0, np.arange(4, dtype=np.int8)))
r = np.apply_along_axis(lambda v: np.outer(v, v), 1, b[:2])
show(r)
print(r.flags.c_contiguous, r.base is not None)
show(np.apply_along_axis(lambda v: v.sum(), 1, np.zeros((3, 0))))
# later results are cast to the first result's dtype
show(np.apply_along_axis(lambda v: v[0] / 2 if v[0] > 1 else 7, 1, b))
err(lambda: np.apply_along_axis(my_func, 0, np.zeros((0, 3))))
err(lambda: np.apply_along_axis(my_func, 1, np.zeros((0, 3))))
err(lambda: np.apply_along_axis(my_func, 2, b))
err(lambda: np.apply_along_axis(my_func, 0, np.array(5)))
err(lambda: np.apply_along_axis(lambda v: v[:v[0]], 1, b))

# apply_over_axes
a = np.arange(24).reshape(2, 3, 4)
show(np.apply_over_axes(np.sum, a, [0, 2]))
show(np.apply_over_axes(np.sum, a, 1))
show(np.apply_over_axes(np.sum, a, -1))
show(np.apply_over_axes(np.mean, a.astype(np.float32), (0, 1)))
show(np.apply_over_axes(np.max, a, []))
show(np.apply_over_axes(lambda x, ax: np.cumsum(x, ax), a, [2]))
err(lambda: np.apply_over_axes(lambda x, ax: x.sum(), a, [0]))
err(lambda: np.apply_over_axes(np.sum, a, [3]))

# vectorize returns a callable; output types from the first element
def myfunc(p, q):
    return p - q if p > q else p + q


vf = np.vectorize(myfunc)
show(vf([1, 2, 3, 4], 2))
show(vf(np.array([[1, 5], [3, 2]]), [2, 1]))
show(vf(3, 1))
show(vf(np.float32(3), 1))
show(np.vectorize(myfunc, otypes=[float])([1, 2, 3, 4], 2))
show(np.vectorize(myfunc, otypes='i')([1.5, 2, 3.7], 2))
show(np.vectorize(lambda x: x * 1.1)(np.array([1, 2], 'f4')))
show(np.vectorize(lambda x: x > 1)(np.array([0.5, 2, 3])))
show(np.vectorize(lambda x: 1.5 if x else 2)([True, False, True]))
show(np.vectorize(lambda x: x if x > 1 else 1.5)([1, 2, 3]))
show(np.vectorize(lambda x: x // 2)([3, 4.5]))
show(np.vectorize(lambda x: x.imag)(np.array([1 + 2j, 3 - 1j], 'c8')))
show(np.vectorize(abs, otypes=[np.float32])(np.array([-1, 2, -3], np.int8)))
show(np.vectorize(lambda x: x * 2, otypes='d')([]))
show(np.vectorize(lambda x, y: x * y, otypes=[int])(np.zeros((0, 3)), [1, 2, 3]))
show(np.vectorize(lambda x: x + 1)(np.arange(6).reshape(2, 3)[:, ::2]))
lo, hi = np.vectorize(lambda x: (x - 1, x * 2.5))([1, 2, 3])
show(lo)
show(hi)
print(np.vectorize(lambda: 5)())
calls = []


def logged(x):
    calls.append(x)
    return x * 10


show(np.vectorize(logged)([1, 2, 3]))
print(len(calls))
calls.clear() if hasattr(calls, 'clear') else None
del calls[:]
show(np.vectorize(logged, cache=True)([1, 2, 3]))
print(len(calls))


def poly(x, coeffs):
    return sum([c * x ** i for i, c in enumerate(coeffs)])


vp = np.vectorize(poly, excluded=['coeffs'])
show(vp(np.array([0, 1, 2]), coeffs=[1, 2, 3]))
vp1 = np.vectorize(poly, excluded=[1])
show(vp1([0, 1, 2], [1, 0, 1]))
show(np.vectorize(lambda x, y=1: x * y)([1, 2], y=[3, 4]))
show(np.vectorize(lambda x, y=1: x * y)([1, 2], y=3.5))
err(lambda: np.vectorize(lambda x: x)([]))
err(lambda: np.vectorize(lambda x, y: x + y)([1, 2], [1, 2, 3]))
err(lambda: np.vectorize(lambda x, y: x + y)(np.ones((2, 3)), [1, 2, 3, 4]))
err(lambda: np.vectorize(lambda x: x, otypes='x'))
err(lambda: np.vectorize(lambda x: x, otypes=5))
err(lambda: np.vectorize(otypes='d'))

# fromfunction calls the function once on index grids
show(np.fromfunction(lambda i, j: i, (2, 2), dtype=float))
show(np.fromfunction(lambda i, j: i == j, (3, 3), dtype=int))
show(np.fromfunction(lambda i, j: i + j, (3, 3), dtype=int))
show(np.fromfunction(lambda i: i * 2, (4,)))
show(np.fromfunction(lambda i, j, k: i * 100 + j * 10 + k, (2, 2, 3), dtype=np.int16))
show(np.fromfunction(lambda i, j, scale=1: (i - j) * scale, (2, 3), scale=0.5))
show(np.fromfunction(lambda i, j: i + j, (0, 3)))
print(np.fromfunction(lambda *ix: len(ix), (2, 3, 4)), np.fromfunction(lambda: 7, ()))
