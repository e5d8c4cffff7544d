import numpy as np
a = np.arange(10)
v = a[2:7]
v += 10
print(a)
v *= 2
print(a)
a[::3] -= 1
print(a)
m = np.arange(9).reshape(3, 3)
m.T[0] += 100
print(m)
