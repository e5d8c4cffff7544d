import numpy as np
u = np.array([0, 1, 2, 255], dtype=np.uint8)
b = u.view(bool)
print(b, b.dtype, np.shares_memory(u, b))
t = np.array([True, False]).view(np.int8)
print(t, t.sum())
f = np.array([-0.0, 0.0]).view(np.int64)
print(f, (f != 0).tolist())
