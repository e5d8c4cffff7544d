import numpy as np
a = np.array([2.5, np.nan, 1.0, 2.5, np.nan])
print(np.unique(a))
b = np.array([True, False, True])
print(np.unique(b), np.unique(np.array([], dtype=np.int8)), np.unique(np.array([-0.0, 0.0])))
u, i, inv, c = np.unique(np.array([5, 3, 5, 1]), return_index=True, return_inverse=True, return_counts=True)
print(u, i, inv, c)
