import numpy as np
a = np.arange(6)
a[1:] += a[:-1]
print(a)
b = np.arange(6)
b[:-1] += b[1:]
print(b)
c = np.arange(6)
c[1:] = c[:-1]
print(c)
d = np.arange(6)
d[::-1] += d
print(d)
