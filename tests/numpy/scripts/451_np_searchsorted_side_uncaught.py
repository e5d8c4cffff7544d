# An uncaught ValueError from searchsorted's side argument
import numpy as np
s = np.array([1, 3, 5])
print(np.searchsorted(s, 4))
print(np.searchsorted(s, 4, side="middle"))
