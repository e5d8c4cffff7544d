import numpy as np
a = np.array([1, 3, 5, 7])
print((a < 5).sum(), (a <= 5).sum(), np.count_nonzero(a < 4))
print(np.sort(np.array([5, 2, 9, 1]))[::-1], np.argsort(-np.array([5, 2, 9, 1])))
counts = np.zeros(4, dtype=int)
for v in np.array([0, 1, 1, 3]):
    counts[v] += 1
print(counts)
