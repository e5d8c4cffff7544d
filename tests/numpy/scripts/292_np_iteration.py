import numpy as np
m = np.arange(6).reshape(2, 3)
for row in m:
    print(row, type(row).__name__, row.base is not None)
for v in m[0]:
    print(v, type(v).__name__)
print(list(np.arange(3)), [x * 2 for x in np.arange(3.0)], len(m), len(np.zeros((5, 2))))
for i, (x, y) in enumerate(zip(np.arange(2), np.arange(2, 4))):
    print(i, x + y)
print(sum(np.arange(5)), max(np.array([3, 1, 4])), sorted(np.array([3, 1, 2])))
