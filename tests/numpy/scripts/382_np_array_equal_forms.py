import numpy as np
a = np.arange(4)
print(np.array_equal(a, [0, 1, 2, 3]), np.array_equal(a, a.reshape(2, 2)), np.array_equal(a, a.astype(float)))
print(np.allclose(a, a + 1e-9), np.allclose([1e10], [1.00001e10]), np.allclose([1e-8], [2e-8]), np.allclose(a, 1, atol=3))
print(np.isclose(np.array([1.0, np.inf, -np.inf]), np.inf), (a == a).all(), np.array_equal([], []))
