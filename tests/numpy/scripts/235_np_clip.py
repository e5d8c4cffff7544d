import numpy as np
a = np.arange(-3, 4)
print(np.clip(a, -1, 2), a.clip(0, None), a.clip(None, 1))
print(np.clip(a, 0.5, 1.5))
out = np.empty_like(a)
np.clip(a, -2, 2, out=out)
print(out)
print(np.clip(np.array([1.0, np.nan]), 0, 0.5))
