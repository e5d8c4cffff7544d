import numpy as np
a = np.arange(12)
b = a[2:10]
c = b[::2]
d = c.reshape(2, 2)
print(b.base is a, c.base is a, d.base is a)
print(a.base is None, np.shares_memory(a, d))
e = d.copy()
print(e.base is None, np.shares_memory(a, e))
d[0, 0] = 100
print(a)
