import numpy as np
z = np.arange(20)
print(np.shares_memory(z[::2], z[1::2]), np.may_share_memory(z[::2], z[1::2]), np.shares_memory(z[::3], z[1::2]))
M = np.zeros((4, 4))
print(np.shares_memory(M[:, :2], M[:, 2:]), np.may_share_memory(M[:, :2], M[:, 2:]), np.shares_memory(M[:2, :2], M[2:, 2:]))
print(np.shares_memory(z[5:5], z), np.shares_memory(z, z), z[...] is z, np.shares_memory(z[...], z))
f = z[[1, 2]]
print(f.base, f.flags.owndata, z[z > 2].flags.owndata, np.shares_memory(z, z[z > 2]))
print(z.astype(z.dtype, copy=False) is z, z.astype(z.dtype) is z, np.copy(z).base)
m = np.arange(12).reshape(3, 4)
print(m.T.copy().flags.c_contiguous, np.copy(m.T).flags.f_contiguous, m.copy(order='F').strides)
try:
    np.shares_memory(z[::2], z[1::2], max_work=0)
except Exception as e:
    print(type(e).__name__, e)
print(np.shares_memory(z[::2], z[1::2], max_work=1))
