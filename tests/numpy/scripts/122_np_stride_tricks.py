import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view
x = np.arange(6)
w = sliding_window_view(x, 3)
print(w, w.shape, w.strides, w.flags.writeable)
y = as_strided(x, shape=(4, 3), strides=(8, 8))
print(y, y.flags.writeable)
print(sliding_window_view(np.arange(12).reshape(3, 4), (2, 2)).shape)
z = np.zeros(5)
v = as_strided(z, (3, 3), (8, 8))
print(v.sum(), v[1])
print(np.lib.stride_tricks.as_strided(np.arange(4), (2, 2), (16, 8)))
