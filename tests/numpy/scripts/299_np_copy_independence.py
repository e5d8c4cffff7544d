import numpy as np
a = np.arange(6).reshape(2, 3)
b = a.copy()
c = np.copy(a)
d = np.array(a)
e = a.astype(a.dtype)
f = a[[0, 1]]
for x in (b, c, d, e, f):
    x[0, 0] = 99
print(a[0, 0], [np.shares_memory(a, x) for x in (b, c, d, e, f)])
g = a[:]
g[0, 0] = 42
print(a[0, 0], g.base is a)
