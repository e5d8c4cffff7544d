# fmax / fmin ignore NaN where maximum / minimum propagate it; copysign
import numpy as np

a = np.array([1.0, np.nan, -2.0, np.nan, 0.0])
b = np.array([np.nan, 3.0, -1.0, np.nan, -0.0])
print(np.fmax(a, b), np.maximum(a, b))
print(np.fmin(a, b), np.minimum(a, b))
print(np.fmax(np.array([1, 7], dtype=np.uint8), np.array([3, 2], dtype=np.uint8)), np.fmin(np.array([1, 7]), 4.5))
print(np.fmax(np.array([True, False]), np.array([False, False])), np.fmax(2, 3), type(np.fmax(2, 3)).__name__)
print(np.copysign(3, -1), np.copysign(np.array([1, -2, 3], dtype=np.int8), -1.0).dtype, np.copysign(-0.0, 1.0))
print(np.copysign(np.array([1.0, 2.0]), np.array([-np.nan, np.inf])))
out = np.empty(3)
print(np.fmax(np.arange(3.0), 1.0, out=out) is out, out)
try:
    np.fmax(np.arange(3.0), 1.0, out=np.empty(3, dtype=np.int64))
except TypeError as e:
    print(type(e).__name__, e)
