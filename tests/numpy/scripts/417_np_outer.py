# np.outer: ravels its inputs, dtype promotion, multiplication table
import numpy as np

print(np.outer([1, 2, 3], [4, 5]))
print(np.outer(np.arange(3, dtype=np.int8), np.ones(2, dtype=np.float32)))
print(np.outer(np.arange(4).reshape(2, 2), [1, 10]))
table = np.outer(np.arange(1, 10), np.arange(1, 10))
print(table[2:5, 2:5], table.sum(), table.dtype)
print(np.outer([True, False], [True, True]), np.outer([1j, 2], [1, 1j]))
print(np.outer([], [1, 2]).shape, np.outer(5, [1, 2]))
x = np.linspace(0, 1, 3)
print(np.outer(x, x))
