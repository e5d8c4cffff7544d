import numpy as np
a = np.array([[0, 3, 0], [4, 0, 5]])
print(np.nonzero(a))
print(a.nonzero()[1])
print(np.where(a > 2))
print(np.where(a > 2, a, -1))
print(np.where([True, False], 1.5, 2))
