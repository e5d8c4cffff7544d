import numpy as np
h = np.array([0.1, 1.0, 65504, 1e-5, 70000], dtype=np.float16)
print(h, h.dtype, h.itemsize)
print(h.astype(np.float32))
print(np.float16(0.1), repr(np.float16(3.14159)), np.float16(2) / np.float16(3))
print(h.view(np.uint16))
