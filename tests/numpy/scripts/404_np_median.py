# np.median: odd/even sizes, axes, keepdims, NaN, dtypes
import numpy as np

a = np.array([3, 1, 4, 1, 5, 9, 2, 6])
print(np.median(a), np.median(a[:7]), np.median([1, 2, 3]), type(np.median(a)).__name__)
m = np.array([[1.0, 5.0, 3.0], [4.0, np.nan, 6.0], [7.0, 8.0, 0.0]])
print(np.median(m), np.median(m, axis=0), np.median(m, axis=1))
print(np.median(m, axis=1, keepdims=True))
print(np.median(m, keepdims=True))
f = np.array([1, 2, 3, 4], dtype=np.float32)
print(np.median(f), type(np.median(f)).__name__)
print(np.median(np.array([1, 2], dtype=np.int8)), np.median(np.array([True, False, True])))
c = np.arange(24).reshape(2, 3, 4)
print(np.median(c, axis=-1))
print(np.median(c, axis=1))
print(np.median(c, axis=0).shape, np.median(c))
print(np.median(np.array(5.0)), np.median(np.array([7])))
print(np.median(np.array([-0.5, 2.25, 1e10, -1e10])))
try:
    np.median(c, axis=3)
except np.AxisError as e:
    print("AxisError", e)
