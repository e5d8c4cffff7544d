# np.digitize (increasing/decreasing bins, right=) and np.isin / np.in1d
import numpy as np

bins = np.array([1, 2, 3])
x = np.array([0.5, 1, 2.5, 3, 10])
print(np.digitize(x, bins), np.digitize(x, bins, right=True), repr(np.digitize(2.5, bins)))
print(np.digitize(x, bins[::-1]), np.digitize(x, bins[::-1], right=True), np.digitize([1, 2], [5]))
print(np.isin([1, 2, np.nan], [2, np.nan]))
m = np.arange(12).reshape(3, 4)
print(np.isin(m, [1, 5, 7]), np.isin(m, [1, 5], invert=True).sum())
print(np.in1d(m, [3, 4]), np.isin(np.array([1.0, 2.5]), np.array([1, 2])), np.isin(3, [1, 2, 3]))
print(m[np.isin(m % 4, [0, 3])])
for bad in [lambda: np.digitize([1], [1, 3, 2]), lambda: np.digitize([1j], [1, 2])]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
