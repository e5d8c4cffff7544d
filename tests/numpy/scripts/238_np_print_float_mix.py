import numpy as np
print(np.array([0.0, -0.0, 1.0]))
print(np.array([1e-10, 1.0]), np.array([1e16, 1.0]), np.array([123456789.0, 0.5]))
print(np.array([0.1, 0.2, 0.3]) * 3)
print(np.array([1.0, 2.0, 3.0]), np.array([1.5, np.nan]), np.array([-np.inf, 0.25]))
print(np.array([1e-300, 1e300]))
print(repr(np.array([0.5], dtype=np.float16)), repr(np.array([1/3], dtype=np.float32)))
