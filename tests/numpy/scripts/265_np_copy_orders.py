import numpy as np
a = np.arange(6).reshape(2, 3)
f = a.copy(order='F')
print(f.strides, f.flags['F_CONTIGUOUS'], f.flags['C_CONTIGUOUS'])
print(np.asfortranarray(a).strides, np.ascontiguousarray(a.T).strides)
print(np.array(a, copy=False) is a, np.asarray(a) is a, np.array(a) is a)
print(np.asarray(a, dtype=np.float64) is a)
k = a.T.copy(order='K')
print(k.strides)
