import numpy as np
a = np.array([[1, 0, 2], [0, 3, 0]])
rows, cols = np.nonzero(a)
print(rows, cols, a[rows, cols], a[a != 0])
print(np.nonzero(np.array([0, 0])), np.nonzero(np.array([False, True]))[0].dtype)
print(np.array_equal(a[np.nonzero(a)], a[a.astype(bool)]))
