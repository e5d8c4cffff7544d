import numpy as np
from numpy.lib.stride_tricks import as_strided
a = np.arange(10, dtype=np.int64)
w = as_strided(a, shape=(8, 3), strides=(8, 8))
print(w[:3], np.shares_memory(a, w))
r = as_strided(a, shape=(3,), strides=(0,))
print(r)
a[0] = 100
print(w[0], r)
