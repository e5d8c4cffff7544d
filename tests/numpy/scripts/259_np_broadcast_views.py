import numpy as np
a = np.arange(3)
b = np.broadcast_to(a, (4, 3))
print(b.strides, b.flags.writeable, np.shares_memory(a, b))
try:
    b[0, 0] = 1
except ValueError as e:
    print(type(e).__name__, e)
c = np.broadcast_to(np.arange(3)[:, None], (3, 2))
print(c.strides, c.shape, c.base is not None)
print(np.arange(3)[:, None] + np.arange(2))
