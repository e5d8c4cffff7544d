import numpy as np
a = np.zeros((3, 4), dtype=int)
a[1] = 5
a[:, 2] = [7, 8, 9]
a[2, :] = np.arange(4)
print(a)
a[...] = np.arange(4)
print(a)
a[:] = 1.9
print(a, a.dtype)
try:
    a[:, :2] = np.ones((3, 3))
except ValueError as e:
    print(type(e).__name__, e)
