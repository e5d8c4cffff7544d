import numpy as np
a = np.array([5, 3, 9, 1, 7, 2])
v = a[::2]
v.sort()
print(a)
m = np.array([[3, 1, 2], [9, 8, 7]])
m.T.sort(axis=0)
print(m)
m[0].sort()
print(m, np.sort(m, axis=None)[::-1])
