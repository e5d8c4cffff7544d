# repeat with per-element counts and axes; tile with several rep shapes
import numpy as np

a = np.array([[1, 2], [3, 4]])
print(np.repeat(a, 2), np.repeat(a, [1, 3], axis=0), np.repeat(a, [2, 0], axis=1))
print(a.repeat(3, axis=1), np.repeat(7, 4), np.repeat([1.5, 2.5], [2, 1]))
print(np.tile(a, 2), np.tile(a, (2, 1)), np.tile(a, (2, 1, 1)).shape, np.tile([1, 2, 3], (2, 2)))
print(np.tile(np.array(5), 3), np.tile(a, 0).shape, np.tile([], 3).shape)
for bad in [lambda: np.repeat(a, -1), lambda: np.repeat(a, [1, 2, 3], axis=0)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
