import numpy as np
a = np.array([1, 256, 65535, -1], dtype=np.int32)
print(a.view(np.uint8))
print(a.view(np.int16))
print(a.view(np.uint32))
b = a.view(np.int16)
print(b.shape, b.strides, b.base is a)
b[0] = 7
print(a)
