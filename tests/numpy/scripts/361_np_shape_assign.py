import numpy as np
a = np.arange(6)
a.shape = (2, 3)
print(a)
a.shape = (3, -1)
print(a.shape)
b = a.T
try:
    b.shape = (6,)
except AttributeError as e:
    print(type(e).__name__, e)
print(b.reshape(6))
