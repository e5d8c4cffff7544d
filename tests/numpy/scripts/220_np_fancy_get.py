import numpy as np
a = np.arange(10) * 10
idx = [3, 3, 1, -1]
print(a[idx], a[np.array(idx)])
b = a[idx]
print(b.base is None, np.shares_memory(a, b))
m = np.arange(12).reshape(3, 4)
print(m[[0, 2]], m[[0, 2], [1, 3]], m[:, [0, 0]])
print(m[np.array([[0, 1], [2, 0]])].shape)
