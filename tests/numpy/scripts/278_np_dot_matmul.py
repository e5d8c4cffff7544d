import numpy as np
a = np.arange(6).reshape(2, 3)
b = np.arange(6).reshape(3, 2)
print(a @ b, np.dot(a, b), np.matmul(a, b).dtype)
print(np.dot(np.arange(3), np.arange(3)), np.arange(3) @ b, a @ np.arange(3))
try:
    a @ a
except ValueError as e:
    print(type(e).__name__, e)
