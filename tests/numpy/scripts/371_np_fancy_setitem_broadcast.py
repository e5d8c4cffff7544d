import numpy as np
a = np.zeros((3, 4), dtype=int)
a[[0, 2]] = [1, 2, 3, 4]
print(a)
a[[0, 1], [1, 2]] = 9
print(a)
a[a == 0] += 7
print(a)
b = np.arange(5)
b[[True, False, True, False, True]] = [10, 20, 30]
print(b)
