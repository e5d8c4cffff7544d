import numpy as np
a = np.array([1, 5, 3, 8, 2])
mask = (a > 2) & (a < 8)
print(mask, a[mask], ~mask, mask | (a == 1), np.logical_and(a > 1, a < 5), np.logical_or(a < 2, a > 7), np.logical_not(mask))
print(mask.sum(), mask.any(), mask.all(), np.count_nonzero(mask), a[~mask], np.logical_xor(mask, a > 4))
a[a > 4] = 0
print(a)
try:
    if a > 1:
        pass
except ValueError as e:
    print("ValueError:", e)
print(bool(np.array([1])), bool(np.array([0])), 3 in a, 9 in a, len(a[a > 100]))
