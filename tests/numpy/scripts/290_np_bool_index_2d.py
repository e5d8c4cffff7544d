import numpy as np
a = np.arange(12).reshape(3, 4)
rows = np.array([True, False, True])
cols = np.array([False, True, True, False])
print(a[rows], a[:, cols], a[rows][:, cols])
print(a[a % 2 == 0], (a > 100).any(), a[a > 100].shape)
a[:, cols] *= -1
print(a)
print(a[np.array(True)].shape if False else a.shape)
