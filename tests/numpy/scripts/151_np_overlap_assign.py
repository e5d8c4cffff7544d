import numpy as np
z = np.arange(6)
z[1:] = z[:-1]
print(z)
b = np.arange(5)
b[::-1][:] = b
print(b)
c = np.arange(6)
np.add(c[:-1], 1, out=c[1:])
print(c)
d = np.arange(6)
d[::-1] += d
print(d)
