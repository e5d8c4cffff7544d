import numpy as np
a = np.arange(1, 25, dtype=np.int64)
print(a.prod())
b = np.arange(1, 10, dtype=np.int8)
print(b.prod(), b.prod().dtype, b.prod(dtype=np.int8))
print(np.arange(1, 6).cumprod(), np.prod([]), np.prod(np.array([2.5, 4])))
