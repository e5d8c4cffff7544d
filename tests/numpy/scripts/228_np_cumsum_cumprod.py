import numpy as np
a = np.arange(1, 7).reshape(2, 3)
print(a.cumsum(), a.cumsum(axis=0), a.cumsum(axis=1))
print(a.cumprod(), np.cumprod(a, axis=1))
print(np.cumsum(np.array([1, 2], dtype=np.int8)).dtype)
print(np.array([True, True, False]).cumsum())
