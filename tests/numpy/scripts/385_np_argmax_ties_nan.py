import numpy as np
print(np.argmax([1, 3, 3]), np.argmin([2, 1, 1]), np.argmax(np.array([np.nan, np.nan])), np.argmin(np.array([1.0, np.nan, 0.0])))
a = np.array([[1, 5, 5], [7, 0, 7]])
print(a.argmax(axis=1), a.argmin(axis=0), np.argmax(a, axis=-1).dtype, a.argmax(axis=None))
print(np.argmax(np.array([True, False, True])), np.argmax(np.array([-np.inf, -1.0])))
