import numpy as np
print(np.array([1.0, 1.5, 2.25]), np.array([1/3, 2/3]), np.array([0.1, 100.0]), np.array([1e-4, 1.0]))
print(np.array([1e-5, 1.0]), np.array([1e8, 1.0]), np.array([1.5e8, 2.0]), np.array([123456.789]))
print(np.array([9.999999999, 1.0]), np.array([0.00012345]), np.array([5e-324]), np.array([1.7976931348623157e308]))
print(np.array([3.0, -0.0]), np.array([-1.5, 2.0, np.nan]), np.array([np.inf]), np.array([0.5, np.inf, 1e20]))
