# Distances on a grid built with meshgrid and with broadcasting (same answer)
import numpy as np

xs = np.arange(4)
ys = np.arange(3)
X, Y = np.meshgrid(xs, ys)
d1 = np.hypot(X - 1.5, Y - 1.0)
d2 = np.hypot(xs[None, :] - 1.5, ys[:, None] - 1.0)
print(np.round(d1, 4))
print(np.array_equal(d1, d2), d1.shape)
ang = np.degrees(np.arctan2(Y - 1.0, X - 1.5))
print(np.round(ang, 2))
near = np.argwhere(d1 < 1.0)
print(near, d1[tuple(near.T)].round(4))
