import numpy as np
a = np.array([[0, 1, 0], [0, 2, 3]])
print(a.any(), a.all(), a.any(axis=0), a.all(axis=1), np.any(a, axis=1, keepdims=True))
print(np.all([]), np.any([]), type(a.any()).__name__)
print(np.count_nonzero(a, axis=0), np.count_nonzero(a))
