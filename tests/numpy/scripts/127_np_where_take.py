import numpy as np
a = np.arange(10)
print(np.where(a > 5), np.where(a > 5, a, -1), np.where(a % 2 == 0, 1.5, 0), np.nonzero(a % 3 == 0))
print(np.take(a, [1, 3, 5]), np.take(a.reshape(2, 5), [0, 4], axis=1), np.compress([True, False, True], a[:3]))
m = np.arange(6).reshape(2, 3)
print(np.nonzero(m > 2), m[np.nonzero(m > 2)], a.take([-1, 0]), (m > 2).nonzero())
try:
    np.take(a, [20])
except IndexError as e:
    print("IndexError:", e)
