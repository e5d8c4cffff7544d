import numpy as np
a = np.zeros(4)
idx = np.array([0, 1, 1, 1, 3])
a[idx] += 1
print(a)
a[idx] *= 3
print(a)
b = np.arange(5)
b[[0, 0]] = [5, 6]
print(b)
