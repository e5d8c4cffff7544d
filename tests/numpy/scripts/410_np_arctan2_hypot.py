# arctan2 and hypot: quadrants, broadcasting, scalars, dtypes
import numpy as np

y = np.array([1.0, 1.0, -1.0, -1.0, 0.0, 0.0])
x = np.array([1.0, -1.0, -1.0, 1.0, -1.0, 1.0])
print(np.arctan2(y, x))
print(np.degrees(np.arctan2(y, x)))
print(np.arctan2(np.array([[1.0], [2.0]]), np.array([1.0, 2.0, 3.0])))
print(np.hypot(3, 4), np.hypot(np.array([3, 5, 8]), np.array([4, 12, 15])))
print(np.hypot(np.array([3, 5], dtype=np.int8), 4), np.hypot(np.array([3, 5], dtype=np.int8), 4).dtype)
print(np.hypot(np.float32(3), 4).dtype, np.arctan2(1, 1), type(np.arctan2(1, 1)).__name__)
print(np.hypot(np.inf, np.nan), np.arctan2(0.0, -0.0), np.arctan2(-0.0, -0.0))
out = np.zeros(3)
r = np.hypot(np.array([6.0, 8.0, 0.0]), 8.0, out=out)
print(r is out, out)
try:
    np.arctan2(np.array([1j]), 1)
except TypeError as e:
    print("TypeError", e)
