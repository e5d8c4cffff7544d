import numpy as np
print(np.array([-1, 10, -100]), np.array([0]), np.array([2**40, 1]), np.array([-2**62]))
print(np.array([[1, -22], [333, 4]]), np.array([255], dtype=np.uint8), repr(np.array([1, 2], dtype=np.uint64)))
print(repr(np.array([1, 2], dtype=np.int16)), repr(np.array([], dtype=np.int32)), repr(np.array([], dtype=np.float64)))
print(repr(np.zeros(3, dtype=np.int64)), repr(np.ones(2, dtype=np.float32)), repr(np.array([True])))
