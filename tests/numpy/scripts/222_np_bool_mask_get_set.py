import numpy as np
a = np.arange(10)
m = a % 3 == 0
print(m, a[m])
s = a[m]
s[0] = 100
print(a[:3])
a[m] = -1
print(a)
a[a < 0] = np.array([10, 20, 30, 40])
print(a)
m2 = np.arange(12).reshape(3, 4)
print(m2[m2 > 5], m2[[True, False, True]])
