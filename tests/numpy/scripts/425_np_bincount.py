# np.bincount: counts, weights, minlength, errors
import numpy as np

print(np.bincount([0, 1, 1, 3]), np.bincount(np.array([2, 2, 2], dtype=np.uint8)))
print(np.bincount([0, 1, 1], weights=[0.5, 1, 2]), np.bincount([1], minlength=4), np.bincount([3], minlength=2))
print(np.bincount(np.array([], dtype=np.int64)), np.bincount(np.array([], dtype=np.int64), minlength=3))
votes = np.array([2, 0, 2, 1, 2, 0])
c = np.bincount(votes)
print(c, c.argmax(), c.dtype)
for bad in [lambda: np.bincount([-1]), lambda: np.bincount(np.array([1.5])), lambda: np.bincount([1], minlength=-1),
            lambda: np.bincount([[1]]), lambda: np.bincount(5), lambda: np.bincount([1, 2], weights=[1])]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
