import numpy as np
a = np.arange(20).reshape(4, 5)
print(a[::-2, ::3], a[-1:0:-1, -2], a[3, ::-1], a[::-1][1, 1:3])
print(a[:, -1:-4:-1].strides, a[::-1, ::-1].base is a)
print(a[10:], a[:, 10:].shape, a[-100:2, 4:-100].shape)
