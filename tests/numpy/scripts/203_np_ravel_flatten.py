import numpy as np
a = np.arange(6).reshape(2, 3)
r = a.ravel()
f = a.flatten()
print(np.shares_memory(a, r), np.shares_memory(a, f))
print(np.shares_memory(a.T, a.T.ravel()), a.T.ravel())
print(a.ravel(order='F'), a.flatten('F'))
r[0] = 50
f[1] = 60
print(a)
