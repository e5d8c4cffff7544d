# isclose of non-finite complex values: NumPy multiplies by ones_like(cond), so inf+0j gains a NaN part
import numpy as np
a = np.array([-np.inf, 1.0, np.inf, np.nan, 2.0], dtype='float32')
c = a.astype('complex64')
print(np.isclose(a, c), np.allclose(a, c))
print(np.isclose(c, a), np.isclose(c, c, equal_nan=True))
print(np.isclose(np.float64(np.inf), np.complex128(np.inf)))
print(np.isclose(np.inf, np.array([np.inf, 1j])))
print(np.isclose(np.array(np.inf+0j), np.inf), np.isclose(3, np.array([3, np.inf])))
print(np.isclose(np.array([[np.inf],[1]]), np.array([np.inf, 2, 1+0j])))
print(np.isclose(np.array([5], dtype='int8'), np.array([np.inf])), np.isclose(np.array(5, dtype='uint8'), np.array([5, np.nan])))
