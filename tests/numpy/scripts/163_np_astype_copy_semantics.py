import numpy as np
a = np.arange(6, dtype=np.int16).reshape(2, 3)
b = a.astype(np.int32)
b[0, 0] = 100
print(a[0, 0], b.dtype, a.astype(np.int16, copy=False) is a, a.T.astype(np.float32).flags.f_contiguous, a.T.astype(np.float32, order='C').flags.c_contiguous)
c = np.ascontiguousarray(a.T)
print(c.flags.c_contiguous, np.shares_memory(c, a), np.asfortranarray(a).flags.f_contiguous, np.ascontiguousarray(a) is a)
