import numpy as np
print(repr(np.array([[1, 2], [3, 4]])), np.array([1, 2.0]).dtype, np.array([1, 2j]).dtype)
print(np.array([True, 2]).dtype, np.array([[1], [2]]).shape, np.array(5).shape, np.array(5).ndim)
print(np.array([(1, 2), (3, 4)]), np.array([], dtype=np.int8).shape)
print(np.array([1, 2], ndmin=3).shape, np.array([1.9, 2.1], dtype=int))
try:
    np.array([[1, 2], [3]])
except ValueError as e:
    print(type(e).__name__, str(e)[:60])
