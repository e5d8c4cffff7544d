import numpy as np
a = np.arange(24).reshape(2, 3, 4)
cases = [a, a[:, :, :2], a[0], a[:, 1], a[::-1], a.T, a[:1]]
for c in cases:
    r = c.ravel()
    print(c.shape, np.shares_memory(r, a), r[:5])
