# numpy.linalg.norm (vector and matrix orders without an SVD), matrix_power, LinAlgError (prelude)
import numpy as np
from numpy.linalg import norm
import numpy.linalg as la
np.random.seed(4)
a = np.random.rand(4, 5) - 0.5
v = np.random.rand(7) - 0.5
c = v + 1j * np.random.rand(7)
for x in [v, c, a, np.arange(6), np.arange(6).reshape(2, 3), a.astype('f4'), np.array([], float), a.T]:
    print(repr(norm(x)), repr(la.norm(x, keepdims=True)))
for o in [None, 2, 1, 0, np.inf, -np.inf]:  # general p goes through float power (SVML in NumPy)
    print(o, repr(norm(v, o)), repr(norm(c, o)), norm(a, o, axis=1), norm(a, o, axis=0, keepdims=True))
for o in [None, 'fro', 1, -1, np.inf, -np.inf]:
    print(o, repr(norm(a, o)), norm(np.arange(24.).reshape(2, 3, 4), o, axis=(2, 0)), norm(a, o, axis=(0, 1), keepdims=True))
for f in [lambda: norm(v, 'fro'), lambda: norm(a, 3), lambda: norm(a, axis=(0, 0)),
          lambda: norm(np.zeros((2, 2, 2)), axis=(0, 1, 2)), lambda: norm(a, axis=1.5), lambda: norm(a, axis=(0, 5))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
m = np.array([[1, 1], [1, 0]])
for n in [0, 1, 2, 3, 5, 10]:
    print(n, la.matrix_power(m, n), la.matrix_power(m.astype(float) / 2, n))
print(la.matrix_power(np.arange(8).reshape(2, 2, 2), 3))
for f in [lambda: la.matrix_power(np.arange(3), 2), lambda: la.matrix_power(np.zeros((2, 3)), 2), lambda: la.matrix_power(m, 1.5)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(issubclass(la.LinAlgError, Exception), la.LinAlgError.__name__)
