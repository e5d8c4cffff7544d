import numpy as np
a = np.zeros(3, dtype=np.int8)
a[0] = 127
a[1] = -128
a[2] = 3.99
print(a)
b = np.zeros(2, dtype=np.uint8)
b[:] = np.array([300, -1])
print(b)
f = np.zeros(2, dtype=np.float32)
f[0] = 1e40
f[1] = 0.1
print(f, f[1] == 0.1, float(f[1]))
c = np.zeros(2, dtype=bool)
c[0] = 5
print(c)
