# np.where with one argument and np.count_nonzero with axes
import numpy as np

m = np.array([[0, 1, 0], [2, 0, 3]])
print(np.where(m))
print(np.where(m > 1))
print(np.where(np.array([True, False, True])))
print(np.where(np.array(1)), np.where(np.array(0)))
print(np.count_nonzero(m), type(np.count_nonzero(m)).__name__)
print(np.count_nonzero(m, axis=0), np.count_nonzero(m, axis=1), np.count_nonzero(m, axis=(0, 1)))
print(np.count_nonzero(m, axis=1, keepdims=True))
print(np.count_nonzero([0.0, -0.0, np.nan, 1e-300]), np.count_nonzero(np.array([], dtype=bool)))
r, c = np.where(m)
print(list(zip(r.tolist(), c.tolist())))
print(np.where(m, m * 10, -1))
