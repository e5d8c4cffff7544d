import numpy as np
a = np.array([[1, 0, 0], [1, 0, 0], [2, 3, 4], [0, 9, 9]])
print(np.unique(a, axis=0), np.unique(a, axis=1), np.unique(a, axis=-1, return_counts=True))
u, idx, inv, cnt = np.unique(a, axis=0, return_index=True, return_inverse=True, return_counts=True)
print(u, idx, inv, cnt)
f = np.array([[1.5, np.nan], [1.5, np.nan], [0.5, 2.0]])
print(np.unique(f, axis=0), np.unique(f, axis=0, equal_nan=False))
b = np.arange(24).reshape(2, 3, 4) % 3
print(np.unique(b, axis=2), np.unique(b, axis=1, return_inverse=True))
print(np.unique(np.zeros((3, 0)), axis=0).shape, np.unique(np.array([[True, False], [True, False]]), axis=0))
try:
    np.unique(a, axis=2)
except Exception as e:
    print(type(e).__name__, e)
x = np.array([0.0, 1.0, 2.0, 3.0, 4.0, 5.0])
y = np.array([0.0, 0.8, 0.9, 0.1, -0.8, -1.0])
print(np.polyfit(x, y, 3), np.polyfit(x, y, 1, full=True))
print(np.polyfit(x, np.stack([y, 2 * y], axis=1), 2))
print(np.polyfit(x, y, 2, w=np.arange(1, 7)), np.polyfit(x, y, 1, cov=True), np.polyfit(x, y, 1, cov='unscaled'))
print(np.roots([1, -6, 11, -6]), np.roots([1, 0, 1]), np.roots([0, 0, 1, 2, 0]), np.roots([3]), np.poly(np.array([[1, 2], [3, 4]])))
for bad in (lambda: np.polyfit(x, y, -1), lambda: np.polyfit(x[:3], y, 1), lambda: np.roots(np.ones((2, 2)))):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
