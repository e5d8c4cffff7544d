import numpy as np
a = np.arange(6).reshape(2, 3)
b = np.arange(6).reshape(3, 2)
print(a @ b, np.matmul(a, b), a @ np.array([1, 0, 1]), np.array([1, 2]) @ a, np.arange(3) @ np.arange(3), np.dot(a, b), np.dot(2, 3))
try:
    a @ a
except ValueError as e:
    print("ValueError:", e)
