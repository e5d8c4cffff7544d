import numpy as np
a = np.arange(12).reshape(3, 4)
print(a[[0, 2], range(2)], a[range(3)], a[range(0)], a[:, range(1, 3)], a[((0, 1), 2)], a[(0, 1), (1, 2)])
a[range(2), 0] = -1
print(a)
print(a[(0, 1),])
b = np.arange(5)
print(b[range(1, 4)], b[()], b[(1,)], b[((1, 2),)])
