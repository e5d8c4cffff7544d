import numpy as np
a = np.arange(3)
print(a.shape)
print(a.no_such_attribute)
