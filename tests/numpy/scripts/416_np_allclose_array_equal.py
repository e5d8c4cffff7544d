# allclose / isclose tolerances, array_equal and array_equal(equal_nan)
import numpy as np

a = np.array([1.0, 2.0, 3.0])
print(np.allclose(a, a + 1e-9), np.allclose(a, a + 1e-3), np.allclose(a, a + 1e-3, atol=1e-2))
print(np.allclose(a, a * (1 + 1e-6), rtol=1e-5), np.allclose([1e10, 1e-7], [1.00001e10, 1e-8]))
print(np.isclose([1e10, 1e-8], [1.00001e10, 1e-9]), np.isclose([np.nan, 1.0], [np.nan, 1.0]))
print(np.isclose([np.nan, 1.0], [np.nan, 1.0], equal_nan=True), np.allclose([np.nan], [np.nan], equal_nan=True))
print(np.allclose(np.arange(3), [0, 1, 2]), np.allclose(a, 2.0, atol=1.0), type(np.allclose(a, a)).__name__)
print(np.array_equal(a, [1, 2, 3]), np.array_equal(a, a[:2]), np.array_equal([[1, 2]], [1, 2]))
print(np.array_equal([np.nan, 1], [np.nan, 1]), np.array_equal([np.nan, 1], [np.nan, 1], equal_nan=True))
print(np.array_equal(np.arange(4).reshape(2, 2), np.arange(4).reshape(2, 2).T.T), np.array_equal([], []))
try:
    np.allclose(np.zeros(2), np.zeros(3))
except ValueError as e:
    print("ValueError", e)
