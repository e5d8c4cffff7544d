import numpy as np
a = np.array([1.0, 1.0 + 1e-9, np.nan, np.inf])
b = np.array([1.0, 1.0, np.nan, np.inf])
print(np.isclose(a, b), np.isclose(a, b, equal_nan=True))
print(np.allclose(a[:2], b[:2]), np.allclose(a, b), np.allclose(a, b, equal_nan=True))
print(np.isclose(1.0, 1.1, rtol=0.2), np.isclose(0.0, 1e-9), np.isclose(0.0, 1e-7))
print(np.array_equal(a, b), np.array_equal(a, b, equal_nan=True))
