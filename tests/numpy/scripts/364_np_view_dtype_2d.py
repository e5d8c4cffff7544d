import numpy as np
a = np.arange(8, dtype=np.int16).reshape(2, 4)
b = a.view(np.int32)
print(b, b.shape, b.strides)
c = a.view(np.int8)
print(c.shape, c[0])
d = a[:, :2].view(np.int32)
print(d, d.shape)
try:
    a[:, ::2].view(np.int32)
except ValueError as e:
    print(type(e).__name__, e)
print(a.view(np.uint16).dtype, a.view('u1').shape)
