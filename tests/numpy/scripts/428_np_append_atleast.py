# np.append (flattening and along an axis) and atleast_1d/2d/3d
import numpy as np

a = np.arange(6).reshape(2, 3)
print(np.append([1, 2], [3, 4]), np.append(a, [7, 8]), np.append(a, [[9, 9, 9]], axis=0))
print(np.append(a, [[1], [2]], axis=1), np.append(np.array([1, 2], dtype=np.int8), 2.5))
print(np.atleast_1d(5), np.atleast_1d([1, 2]), np.atleast_1d(1, [2, 3]))
print(np.atleast_1d(a) is a, np.atleast_2d(a) is a, np.atleast_3d(a).shape)
print(np.atleast_2d(5), np.atleast_2d([1, 2]), np.atleast_2d([1, 2]).base is not None)
print(np.atleast_3d(7).shape, np.atleast_3d([1, 2]).shape, np.atleast_3d(np.ones((2, 2, 2, 2))).shape)
try:
    np.append(a, [1, 2], axis=0)
except ValueError as e:
    print("ValueError", e)
