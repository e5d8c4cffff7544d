import numpy as np
a = np.arange(3).reshape(3, 1)
b = np.arange(4)
print(a + b, (a * b).shape, np.broadcast_to(b, (2, 4)), np.broadcast_to(5, (2, 2)))
c = np.ones((2, 1, 3))
print((c + np.arange(3)).shape, (c * np.ones((4, 1))).shape)
try:
    np.broadcast_to(np.arange(3), (4,))
except ValueError as e:
    print("ValueError:", e)
try:
    np.arange(3) + np.arange(4)
except ValueError as e:
    print("ValueError:", e)
