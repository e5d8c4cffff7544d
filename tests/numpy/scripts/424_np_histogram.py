# np.histogram: integer bin counts, ranges, explicit edges, density
import numpy as np

print(np.histogram([1, 2, 2, 3, 3, 3]))
print(np.histogram(np.array([1, 2, 3], dtype=np.float32), bins=4))
print(np.histogram(np.array([1, 2, 2, 3, 3, 3], dtype=np.int8), bins=3, range=(0, 4)))
print(np.histogram([], bins=3), np.histogram([5, 5, 5], bins=2))
print(np.histogram([1, 2, 3], bins=[0, 1.5, 3]), np.histogram([1, 2, 3, 4], bins=[1, 2, 3, 4]))
print(np.histogram([1, 2, 3], bins=2, density=True))
np.random.seed(0)
r = np.random.randn(1000)
h, e = np.histogram(r, bins=7)
print(h, e, h.sum())
h2, e2 = np.histogram(r, bins=5, range=(-1, 1))
print(h2, e2, h2.sum())
counts, edges = np.histogram(np.arange(100) % 7, bins=7)
print(counts, edges)
for bad in [lambda: np.histogram([1, 2], bins=0), lambda: np.histogram([1, 2], bins=[3, 1]),
            lambda: np.histogram([1, np.nan]), lambda: np.histogram([1, 2], range=(2, 1)),
            lambda: np.histogram([1], range=(0, np.inf)), lambda: np.histogram([1], bins=2.5)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
