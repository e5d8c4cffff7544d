import numpy as np
b = np.array([True, False, True])
print(b + 1, (b + 1).dtype)
print(b + b, (b + b).dtype)
print(b * 1.5)
print(b & np.array([True, True, False]), b | False, ~b)
print(b.sum(), b.sum().dtype, np.count_nonzero(b))
