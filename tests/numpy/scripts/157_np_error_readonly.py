import numpy as np
a = np.arange(3)
a.flags.writeable = False
print(a)
a[0] = 5
