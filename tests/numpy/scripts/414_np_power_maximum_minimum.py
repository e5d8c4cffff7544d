# power / float_power-like uses, maximum/minimum vs fmax/fmin with NaN
import numpy as np

a = np.array([1, 2, 3, 4])
print(np.power(a, 2), np.power(2, a), np.power(a, 0.5), a ** -1.0)
print(np.power(np.array([2.0, -8.0]), 1 / 3), np.power(np.array([1.5], dtype=np.float32), 2).dtype)
x = np.array([1.0, np.nan, 3.0, np.nan])
y = np.array([np.nan, 2.0, 1.0, np.nan])
print(np.maximum(x, y), np.minimum(x, y))
print(np.fmax(x, y), np.fmin(x, y))
print(np.fmax(np.array([1, 5]), 3), np.fmin(np.int8(3), 5), np.fmax(np.array([True, False]), False))
print(np.maximum(np.arange(5), 2), np.minimum(np.arange(5), np.array([[1], [3]])))
print(np.logaddexp(np.array([1.0, 2.0, -np.inf]), np.array([1.0, 3.0, -np.inf])))
print(np.heaviside(np.array([-1.5, 0.0, 2.0]), 0.5), np.heaviside(np.array([0.0, np.nan]), 1.0))
