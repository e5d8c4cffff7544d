# np.argwhere, np.flatnonzero and the nonzero method
import numpy as np

m = np.arange(12).reshape(3, 4)
print(np.argwhere(m > 6))
print(np.argwhere(m % 5 == 0).shape, np.argwhere(m % 5 == 0).dtype)
print(np.argwhere(np.array([0, 3, 0, 4])))
print(np.argwhere(np.array(5)).shape, np.argwhere(np.array(0)).shape)
print(np.argwhere(np.zeros((2, 2))).shape)
print(np.flatnonzero(m % 3 == 0), np.flatnonzero([0, 1, 0, 2]))
print(m.nonzero())
print(np.nonzero(m > 8))
rows, cols = np.nonzero(m % 4 == 1)
print(rows, cols, m[rows, cols])
b = np.array([[True, False], [False, True]])
print(b.nonzero(), np.transpose(np.nonzero(b)))
t = np.arange(8).reshape(2, 2, 2)
print(np.argwhere(t >= 5))
