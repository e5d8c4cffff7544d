import numpy as np
m = np.arange(9.0).reshape(3, 3)
print(m @ np.eye(3) is m, np.array_equal(m @ np.eye(3), m), m.T @ m)
d = m.copy()
d[np.arange(3), np.arange(3)] = -1
print(d, (m * np.eye(3)).sum(axis=1))
u = m[np.triu_indices(3)] if hasattr(np, 'triu_indices') else m[[0, 0, 0, 1, 1, 2], [0, 1, 2, 1, 2, 2]]
print(u)
