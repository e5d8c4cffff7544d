import numpy as np
a = np.arange(60, dtype=np.int32).reshape(3, 4, 5)
print(a.strides, a[:, ::2, ::-1].strides, a.transpose(2, 0, 1).strides, a[1].strides, a[:, 1].strides)
print(a.reshape(12, 5).strides, a.ravel().strides, a[..., 0].strides)
f = np.asfortranarray(a)
print(f.strides, f.flags['F_CONTIGUOUS'], f.T.flags['C_CONTIGUOUS'])
