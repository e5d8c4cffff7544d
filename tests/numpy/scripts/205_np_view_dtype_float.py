import numpy as np
x = np.array([1.0, -2.0, 0.5], dtype=np.float64)
bits = x.view(np.uint64)
print([hex(int(v)) for v in bits >> 32])
f = np.array([1.0, 0.1], dtype=np.float32)
print(f.view(np.int32))
print(np.array([0x3f800000], dtype=np.int32).view(np.float32))
