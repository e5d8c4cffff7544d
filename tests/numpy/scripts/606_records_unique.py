# np.unique of record arrays: sorted by the record order, runs split by the
# field-by-field != (so 0.0 and -0.0 fields match and NaN fields never do).
import numpy as np

dt = np.dtype([('k', '<i4'), ('x', '<f8')])
a = np.array([(2, 1.0), (1, 0.0), (2, 1.0), (1, -0.0), (0, np.nan), (0, np.nan), (1, 0.0), (3, 2.5)], dtype=dt)
u = np.unique(a)
print(u, u.dtype)
u, idx, inv, cnt = np.unique(a, return_index=True, return_inverse=True, return_counts=True)
print(u)
print(idx, inv, cnt)
print(np.array_equal(u[inv], a), np.all(u[inv] == a))
print(np.unique(a, return_counts=True)[1])

# records with sub-array and big-endian fields
st = np.dtype([('tag', '>u2'), ('v', '<i2', (2,))])
s = np.array([(1, [1, 2]), (1, [1, 2]), (0, [5, 5]), (1, [0, 9]), (0, [5, 5])], dtype=st)
us, ii = np.unique(s, return_inverse=True)
print(us, ii)
print(np.unique(s[:0]), np.unique(s[:0]).dtype)
grid = np.array([[(1, 1.0), (0, 0.0)], [(1, 1.0), (0, 0.0)]], dtype=dt)
print(np.unique(grid))
print(np.unique(grid, return_index=True)[1])
