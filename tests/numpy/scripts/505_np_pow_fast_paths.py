# ndarray ** scalar: NumPy's fast paths (square, sqrt, reciprocal, positive,
# ones_like) and what they do to dtypes, signs of zeros and 0-d results
import numpy as np


def show(f):
    try:
        r = f()
        print(repr(r), type(r).__name__, getattr(r, 'strides', None))
    except Exception as e:
        print('!', type(e).__name__, e)


def ipow(a, e):
    a **= e
    return a


show(lambda: np.array([-0.0, 4.0, 2.25]) ** 0.5)
show(lambda: np.array(7, np.uint8) ** 2)
show(lambda: np.array(7, np.uint8) ** 2.0)
show(lambda: np.array([200, 3], np.uint8) ** 2)
show(lambda: np.ones(2, bool) ** 2)
show(lambda: np.ones(2, bool) ** 2.0)
show(lambda: np.ones(2, bool) ** 1)
show(lambda: np.arange(3, dtype=np.int8) ** 2.0)
show(lambda: np.arange(3, dtype=np.int8) ** np.float32(2.0))
show(lambda: np.arange(3, dtype=np.int8) ** np.array(2))
show(lambda: np.arange(3, dtype=np.int8) ** True)
show(lambda: np.arange(3.0) ** True)
show(lambda: np.arange(3.0) ** np.True_)
show(lambda: np.arange(3.0, dtype='f4') ** 0)
show(lambda: np.array([np.nan, 1], '>f4') ** 0)
show(lambda: np.array([np.nan, -0.0], '>f4') ** 1)
show(lambda: np.arange(3, dtype='f2') ** -1)
show(lambda: np.array([0j, 1 + 1j, 3 - 4j, -0.0 - 2j]) ** -1)
show(lambda: np.array([0j, 1 + 1j, 3 - 4j, 1e-30 + 3j], 'c8') ** -1)
show(lambda: np.array([1 + 2j, -0.0 - 3j]) ** 2)
show(lambda: np.array([1 + 2j]) ** 0.5)
show(lambda: np.arange(6.0).reshape(2, 3).T ** 2)
show(lambda: np.arange(6).reshape(2, 3).T ** 2.0)
show(lambda: np.arange(6.0).reshape(2, 3)[:, ::-1] ** 0)
show(lambda: np.ones((3, 2), 'c16').T ** -1)
show(lambda: np.array(3.0) ** 2)
show(lambda: np.array(-0.0) ** 0.5)
show(lambda: np.float64(-0.0) ** 0.5)
show(lambda: np.arange(3) ** -1)
show(lambda: np.arange(3.0) ** 2.5)
show(lambda: ipow(np.arange(3), 2.0))
show(lambda: ipow(np.arange(3), 0.5))
show(lambda: ipow(np.ones(2, bool), 2))
show(lambda: ipow(np.arange(3.0), 0.5))
show(lambda: ipow(np.arange(3, dtype='>f4'), -1))
a = np.array([0j]) / (0.5 - 1j)
a **= 2
print(a)
a = np.array([1 + 2j, -0.0 - 3j, 1e200 + 1e200j], '>c16')
a **= 2
print(a, a.dtype)
a = np.zeros(3)
a.flags.writeable = False
for e in [2, -1, 0, 0.5]:
    show(lambda: ipow(a, e))
