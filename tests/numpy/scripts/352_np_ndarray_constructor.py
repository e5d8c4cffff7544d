import numpy as np
a = np.ndarray((2, 3), dtype=np.int8)
print(a.shape, a.dtype, a.flags['OWNDATA'], a.strides)
b = np.ndarray(shape=(4,), dtype=np.float32)
b[:] = 1.5
print(b)
c = np.ndarray((2, 2), order='F')
print(c.strides, c.flags['F_CONTIGUOUS'])
