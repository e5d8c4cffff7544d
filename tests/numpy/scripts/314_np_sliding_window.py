import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
a = np.arange(8)
w = sliding_window_view(a, 3)
print(w.shape, w.strides, w.flags.writeable, w[:2])
print(w.sum(axis=1), w.mean(axis=-1))
m = np.arange(16).reshape(4, 4)
w2 = sliding_window_view(m, (2, 2))
print(w2.shape, w2[1, 1])
