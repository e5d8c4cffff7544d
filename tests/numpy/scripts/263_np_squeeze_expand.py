import numpy as np
a = np.zeros((1, 3, 1, 2))
print(a.squeeze().shape, np.squeeze(a, axis=0).shape, a.squeeze(axis=(0, 2)).shape)
print(np.expand_dims(np.arange(3), 0).shape, np.expand_dims(np.arange(3), -1).shape)
try:
    a.squeeze(axis=1)
except ValueError as e:
    print(type(e).__name__, e)
