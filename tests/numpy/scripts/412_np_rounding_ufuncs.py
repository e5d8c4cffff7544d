# floor, ceil, trunc, rint, round, fix-style rounding toward zero
import numpy as np

x = np.array([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 1.7, -1.7])
print(np.floor(x))
print(np.ceil(x))
print(np.trunc(x))
print(np.rint(x))
print(np.round(x), np.around(x, 1))
print(np.where(x < 0, np.ceil(x), np.floor(x)))
print(np.trunc(np.array([1, 2], dtype=np.int16)).dtype, np.trunc(np.array([1.5], dtype=np.float32)).dtype)
print(np.floor(-0.5), np.ceil(-0.5), np.trunc(-0.5), np.rint(-0.5))
print(np.floor(np.array([np.inf, -np.inf, np.nan])), np.trunc(np.array([1e300, -1e-300])))
print(np.floor(7), type(np.floor(7)).__name__, np.trunc(np.float32(-3.7)))
