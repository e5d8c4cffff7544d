import numpy as np
a = np.arange(12)
a.reshape(5)
