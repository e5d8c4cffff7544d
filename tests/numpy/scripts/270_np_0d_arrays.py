import numpy as np
z = np.array(3.5)
print(z, repr(z), z.shape, z.ndim, z.size, z[()], type(z[()]).__name__)
z[()] = 7
print(z, z.item(), float(z), z + 1, type(z + 1).__name__)
print(np.array(2)[...], repr(np.array(2)[...]))
try:
    z[0]
except IndexError as e:
    print(type(e).__name__, e)
print(np.sum(np.arange(3)).shape, np.arange(3).sum(keepdims=True))
