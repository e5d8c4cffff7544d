import numpy as np
a = np.array([[1, 2], [3, 4]])
b = np.array([[5, 6]])
print(np.concatenate((a, b)), np.concatenate([a, b.T], axis=1), np.concatenate((a, b), axis=None))
print(np.stack([np.arange(3), np.arange(3)]), np.stack([np.arange(2)] * 3, axis=1), np.vstack([np.arange(3), np.ones(3)]), np.hstack([np.arange(2), np.arange(3)]))
print(np.repeat(np.arange(3), 2), np.repeat(a, [1, 2], axis=0), np.tile(np.arange(3), 2), np.tile(a, (2, 1)))
print(np.roll(np.arange(5), 2), np.roll(a, 1, axis=1), np.flip(np.arange(4)), np.fliplr(a), np.flipud(a))
x = np.array([3, 1, 2, 3, 1, 5])
print(np.sort(x), np.argsort(x, kind='stable'), np.unique(x), np.unique(x, return_counts=True), np.sort(a, axis=0))
y = x.copy()
y.sort()
print(y, np.clip(x, 2, 4), x.clip(0, 2), np.isclose(np.array([1.0, 1.1]), 1.0), np.allclose([1.0, 2.0], [1.0, 2.0000001]))
try:
    np.concatenate((a, np.arange(3)))
except ValueError as e:
    print("ValueError:", e)
