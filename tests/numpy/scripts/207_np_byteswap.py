import numpy as np
a = np.array([1, 2, 256], dtype=np.int16)
print(a.byteswap())
print(a)
b = a.copy()
b.byteswap(inplace=True)
print(b, b.dtype)
c = np.array([1.0], dtype=np.float64).byteswap()
print(c.view(np.uint64))
