import numpy as np
a = np.arange(6)
v = a[1:4]
v += 100
print(a)
v *= 2
print(a)
a[::2] -= 1
print(a)
b = np.zeros(4, dtype=np.float32)
b += 1.5
print(b, b.dtype)
c = np.arange(4)
try:
    c += 1.5
except TypeError as e:
    print(type(e).__name__, e)
print(c)
z = np.arange(6)
z[1:] += z[:-1]
print(z)
m = np.arange(9).reshape(3, 3)
m += m.T
print(m)
r = np.arange(5)
r[[0, 0, 1]] += 1
print(r)
x = np.ones(3)
x /= 4
x **= 2
print(x)
