import numpy as np
a = np.arange(1, 7).reshape(2, 3)
print(np.maximum(a, 3), np.minimum(a, np.array([2, 5, 1])), np.maximum(a, a.T[:2, :2].sum()))
print(np.maximum(np.int8(5), 300), np.maximum(np.array([1], dtype=np.uint8), -1).dtype)
print(np.add(a, 1), np.subtract(10, a), np.multiply(a, a), np.true_divide(a, 2))
