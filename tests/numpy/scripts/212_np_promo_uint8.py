import numpy as np
u = np.array([0, 1, 255], dtype=np.uint8)
print(u - 1, (u - 1).dtype)
print(u + 1, (u + 1).dtype)
print((u + 256).dtype)
print((u + -1).dtype)
print(u * 2, (u // 2).dtype)
