import numpy as np
a = np.array([1, 0, -1])
print(a // 0, a % 0)
f = np.array([1.0, 0.0, -1.0])
print(f / 0, f // 0.0)
print(np.array([1, 2]) / 0)
print(np.array([1, 2], dtype=np.uint8) // np.uint8(0))
