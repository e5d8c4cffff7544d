import numpy as np
a = np.arange(20).reshape(4, 5)
print(a[[1, 3], 1:4])
print(a[1:3, [0, 4]])
print(a[[0, 1, 2], [4, 3, 2]])
print(a[np.array([[0], [3]]), np.array([0, 4])])
r = a[[2, 0]][:, [1]]
print(r, r.flags['OWNDATA'])
a[[0, 3], 0] = -1
print(a[:, 0])
