import numpy as np
print(np.arange(5) ** 2, 2 ** np.arange(5), np.arange(4.0) ** -1)
try:
    np.arange(3) ** -1
except ValueError as e:
    print(type(e).__name__, e)
print(np.power(np.int8(2), np.int8(7)), np.array([2], dtype=np.int8) ** 8)
print(np.float64(2) ** 0.5, np.int64(2) ** 3, type(np.int64(2) ** 3).__name__)
