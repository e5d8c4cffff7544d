import numpy as np
a = np.arange(24).reshape(2, 3, 4)
print(a.T.shape, a.T.strides, a.transpose(1, 0, 2).shape, a.transpose((2, 0, 1)).strides)
print(np.swapaxes(a, 0, 2).shape, np.moveaxis(a, 0, -1).shape)
print(a.swapaxes(1, 2)[1, 0], a.transpose().base is a)
try:
    a.transpose(0, 1)
except ValueError as e:
    print(type(e).__name__, e)
