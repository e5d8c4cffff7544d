import numpy as np
a = np.array([100, 100, 100], dtype=np.int8)
print(a.sum(), a.sum().dtype)
print(a.sum(dtype=np.int8), a.sum(dtype=np.float32))
u = np.array([200, 200], dtype=np.uint8)
print(u.sum(), type(u.sum()).__name__)
f = np.array([1, 2, 3], dtype=np.float32)
print(f.sum(), type(f.sum()).__name__, f.mean(), type(f.mean()).__name__)
print(np.array([True, True]).sum(), a.mean(), a.mean().dtype)
