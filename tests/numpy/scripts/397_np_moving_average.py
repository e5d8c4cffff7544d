import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
x = np.arange(10, dtype=np.float64) ** 2
w = sliding_window_view(x, 4)
ma = w.mean(axis=1)
c = np.cumsum(np.concatenate([[0.0], x]))
ma2 = (c[4:] - c[:-4]) / 4
print(ma, np.allclose(ma, ma2), np.shares_memory(w, x))
