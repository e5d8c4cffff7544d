import numpy as np
a = np.arange(10, dtype=np.int32)
b = a[3:]
print(b.ctypes.data - a.ctypes.data, a[::-1].ctypes.data - a.ctypes.data)
c = a.reshape(2, 5)[:, 1]
print(c.ctypes.data - a.ctypes.data, c.strides)
print(a.view(np.int8)[4:].ctypes.data - a.ctypes.data, a.copy().ctypes.data != a.ctypes.data)
