# ufunc.outer (a reshaped to a.shape + (1,) * b.ndim against b) and ufunc.at
# (unbuffered in place: repeated indices apply again), with their errors.
import numpy as np
def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r), getattr(r, 'dtype', ''))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: np.add.outer([1, 2], [3, 4, 5]))
show(lambda: np.add.outer(1, 2))
show(lambda: np.add.outer(np.array(1), np.array(2.5)))
show(lambda: np.multiply.outer(np.ones((2, 3)), np.ones((4,))).shape)
show(lambda: np.equal.outer([1, 2], [2, 1]))
show(lambda: np.add.outer([1, 2], np.array([1, 2], 'i1')))
show(lambda: np.add.outer(np.array([1, 2], 'i1'), 1))
show(lambda: np.subtract.outer(np.arange(3.), [[1, 2]]))
show(lambda: np.arctan2.outer([1., 2.], [3., 4.]))
show(lambda: np.greater.outer([1, 2], [2]))
show(lambda: np.maximum.outer([[1, 5]], [2, 3, 4]))
show(lambda: np.add.outer([1, 2], [1, 2], out=np.zeros((2, 2))))
show(lambda: np.logical_xor.outer([True, False], [[True], [False]]))
for fn in [lambda: np.add.outer(), lambda: np.add.outer(1), lambda: np.add.outer(1, 2, 3),
           lambda: np.sqrt.outer([1], [2])]:
    show(fn)
print('at')
a = np.zeros(5, int); print(np.add.at(a, [0, 0, 1, 4, 4, 4], 1), a)
a = np.zeros(5, int); np.add.at(a, [0, 0, 1], [1, 2, 3]); print(a)
a = np.zeros(5, int); np.add.at(a, [0, 0, 1], 1.5); print(a)
a = np.zeros(5, 'i1'); np.add.at(a, [0, 0, 1], 1000); print(a)
a = np.zeros(5, 'i1'); np.add.at(a, [0, 0, 1], np.array([1000, 1, 1])); print(a)
a = np.ones((3, 4)); np.multiply.at(a, (slice(None), [0, 0]), 2); print(a)
a = np.arange(6.); np.negative.at(a, [0, 1, 1]); print(a)
a = np.arange(6.); np.add.at(a, a > 2, 1); print(a)
a = np.arange(6.); np.add.at(a, 2, 1); print(a)
a = np.arange(6.); np.add.at(a, slice(1, 4), 1); print(a)
a = np.arange(6.); np.add.at(a, ([1, 1],), 1); print(a)
a = np.arange(6); np.maximum.at(a, [1, 1, 5], [7, 3, 2]); print(a)
a = np.arange(6); np.divide.at(a, [1], 2); print(a)
a = np.arange(6.).reshape(2, 3); np.add.at(a, [0, 0], [[1, 2, 3], [10, 20, 30]]); print(a)
a = np.arange(6.).reshape(2, 3); np.add.at(a, (0, [0, 0, 2]), [1, 2, 3]); print(a)
a = np.arange(6.).reshape(2, 3); np.add.at(a, ([0, 1, 1], [0, 0, 0]), 1); print(a)
a = np.arange(6.).reshape(2, 3); np.add.at(a, [[0, 1], [1, 1]], 1); print(a)
a = np.arange(6, dtype='f4'); np.add.at(a, [0, 0], 0.1); print(a, a.dtype)
a = np.arange(6, dtype='f4'); np.add.at(a, [0, 0], np.array([0.1, 0.1])); print(a, a.dtype)
a = np.arange(6); np.fmax.at(a, [0, 0], [3, 9]); print(a)
a = np.arange(6.); np.sqrt.at(a, [4, 4]); print(a)
a = np.array([True, False]); np.logical_xor.at(a, [0, 0, 1], True); print(a)
a = np.array(5.); np.add.at(a, (), 1); print(a)
a = np.arange(10.)[::2]; np.subtract.at(a, [-1, 0, -1], 1); print(a)
a = np.arange(6.)
for fn in [lambda: np.add.at(a, [0, 1, 1]), lambda: np.add.at(a, [0, 9], 1), lambda: np.add.at(a, [0, 1], [1, 2, 3]),
           lambda: np.add.at(a, 2, [1]), lambda: np.add.at(a.tolist(), [1], 1), lambda: np.add.at(),
           lambda: np.add.at(a), lambda: np.add.at(a, [0], 1, 2), lambda: np.add.at(a, indices=[0], b=1)]:
    show(fn)
print(a)
