import numpy as np
a = np.arange(12).reshape(3, 4)
print(np.take(a, [0, 5, 11]))
print(np.take(a, [2, 0], axis=1))
print(a.take([1], axis=0))
print(np.compress([True, False, True], a, axis=0))
print(np.compress([False, True], a, axis=1))
