import numpy as np
a = np.zeros((3, 4), dtype=int)
a[[0, 2], 1] = 7
a[1, [0, 3]] = [8, 9]
a[a == 0] = -1
print(a)
b = np.arange(10)
b[[1, 1, 2]] = [10, 20, 30]
print(b)
c = np.arange(12).reshape(3, 4)
print(c[[0, 1, 2], [3, 2, 1]], c[[[0], [2]], [1, 3]], c[1:, [0, 2]], c[np.array([True, False, True])])
idx = np.array([2, 0])
print(c[idx], c[:, idx], c[idx, idx])
