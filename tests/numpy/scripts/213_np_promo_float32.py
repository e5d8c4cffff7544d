import numpy as np
f = np.array([1.5, 2.5], dtype=np.float32)
print((f * 2.5).dtype, f * 2.5)
print((f + 1).dtype, (f + 1e100).dtype)
print((f + np.float64(1.0)).dtype)
print((f + np.array([1.0])).dtype)
print((f + 1j).dtype, f + 1j)
