import numpy as np
print(np.arange(5, dtype=np.int8).cumsum().dtype, np.arange(5, dtype=np.uint16).cumsum().dtype, np.ones(3, dtype=np.float32).cumsum().dtype)
print(np.array([100, 100, 100], dtype=np.int8).cumsum(dtype=np.int8), np.arange(4).cumsum(dtype=np.float64))
print(np.arange(6).reshape(2, 3).cumsum(axis=-1), np.cumsum([[1, 2], [3, 4]], axis=0))
