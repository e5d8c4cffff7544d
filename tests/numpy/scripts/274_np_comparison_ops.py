import numpy as np
a = np.array([1, 5, 3])
b = np.array([2, 5, 1])
print(a < b, a <= b, a == b, a != b, a > 2, 3 >= a)
print(np.maximum(a, b), np.minimum(a, 2))
print(np.array_equal(a, a.copy()), (a == b).any(), (a == b).all())
print(np.array([np.nan]) == np.array([np.nan]), np.isnan(np.array([np.nan, 1.0])))
print(np.logical_and(a > 1, b > 1), np.logical_or(a > 4, b < 2), np.logical_not(a > 2), np.logical_xor(a > 1, b > 1))
