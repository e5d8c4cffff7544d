import numpy as np
a = np.array([127, -128], dtype=np.int8)
print(a + np.int8(1), a - np.int8(1))
u = np.array([250], dtype=np.uint8)
print(u + np.uint8(10), u * np.uint8(2))
i = np.array([2**62], dtype=np.int64)
print(i * 4)
print(np.array([200], dtype=np.uint8).astype(np.int8))
print(np.array([-1]).astype(np.uint16))
