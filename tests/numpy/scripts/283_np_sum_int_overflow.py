import numpy as np
a = np.full(3, 2**62, dtype=np.int64)
print(a.sum())
b = np.array([2**31 - 1, 1], dtype=np.int32)
print(b.sum(), b.sum().dtype, b.sum(dtype=np.int32))
print(np.array([255, 1], dtype=np.uint8).cumsum(), np.array([200, 100], dtype=np.uint8).sum(dtype=np.uint8))
