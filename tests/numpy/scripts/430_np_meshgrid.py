# np.meshgrid: xy / ij indexing, sparse grids, evaluating a function on a grid
import numpy as np

X, Y = np.meshgrid([1, 2, 3], [4, 5])
print(X)
print(Y)
I, J = np.meshgrid([1, 2], [3, 4, 5], indexing='ij')
print(I, J)
sx, sy = np.meshgrid(np.arange(3), np.arange(2), sparse=True)
print(sx, sy, (sx + sy).shape)
print([g.shape for g in np.meshgrid(np.arange(2), np.arange(3), np.arange(4))])
print([g.shape for g in np.meshgrid(np.arange(2), np.arange(3), np.arange(4), indexing='ij')])
xs = np.linspace(-1, 1, 5)
gx, gy = np.meshgrid(xs, xs)
z = gx ** 2 + gy ** 2
print(z, z.argmin(), np.unravel_index(z.argmin(), z.shape), divmod(int(z.argmin()), 5))
print(np.meshgrid([1, 2]), np.meshgrid(), X.flags['C_CONTIGUOUS'], X.base is None)
try:
    np.meshgrid([1], [2], indexing='xyz')
except ValueError as e:
    print("ValueError", e)
