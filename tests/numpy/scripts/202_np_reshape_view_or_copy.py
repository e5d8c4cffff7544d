import numpy as np
a = np.arange(12).reshape(3, 4)
r1 = a.reshape(4, 3)
print(np.shares_memory(a, r1), r1.base is a.base)
t = a.T
r2 = t.reshape(12)
print(np.shares_memory(a, r2), r2)
s = a[:, ::2]
r3 = s.reshape(6)
print(np.shares_memory(a, r3), r3)
r4 = a[1:].reshape(2, 2, 2)
print(np.shares_memory(a, r4), r4.shape)
