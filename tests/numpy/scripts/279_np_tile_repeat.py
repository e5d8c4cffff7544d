import numpy as np
a = np.array([[1, 2], [3, 4]])
print(np.tile(a, 2), np.tile(a, (2, 1)).shape, np.tile(np.arange(2), 3))
print(np.repeat(a, 2), np.repeat(a, 2, axis=0), np.repeat(a, [1, 2], axis=1))
print(a.repeat(3)[:5])
print(np.roll(np.arange(5), 2), np.roll(a, 1, axis=1), np.roll(a, -1))
