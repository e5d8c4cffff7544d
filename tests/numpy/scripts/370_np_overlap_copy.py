import numpy as np
a = np.arange(10)
a[2:] = a[:-2]
print(a)
b = np.arange(10)
b[:-2] = b[2:]
print(b)
c = np.arange(9).reshape(3, 3)
c[:] = c.T
print(c)
d = np.arange(6)
d[::2] = d[::-2]
print(d)
