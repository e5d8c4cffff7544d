import numpy as np
a = np.full(10, 0.1)
print(a.sum(), sum(a.tolist()), np.float32(0.1) * 10)
b = np.arange(1, 101, dtype=np.float32) / 7
print(b.sum(), b.mean(), b.dtype)
c = np.ones(1000, dtype=np.float16)
print(c.sum(), c.sum().dtype)
print(np.arange(10.0).mean(), np.array([1e16, 1.0, -1e16]).sum())
