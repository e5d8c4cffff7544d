# An uncaught AxisError from np.median
import numpy as np
m = np.arange(6).reshape(2, 3)
print(np.median(m, axis=1))
print(np.median(m, axis=2))
