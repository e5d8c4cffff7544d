import numpy as np
u = np.array([0, 100, 255], dtype=np.uint8)
print(np.clip(u, 10, 200), np.clip(u, 10, 200).dtype)
i = np.array([-5, 5], dtype=np.int8)
print(np.clip(i, -1, 1).dtype, i.clip(-1.5, 1.5), np.clip(np.arange(5), 3, 1))
f = np.array([1.5, -2.5], dtype=np.float32)
print(np.clip(f, -1, 1), np.clip(f, -1, 1).dtype)
