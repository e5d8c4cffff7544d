import numpy as np
a = np.arange(24).reshape(2, 3, 4)
print(a[..., 0].shape, a[0, ...].shape, a[:, np.newaxis].shape, a[None].shape)
print(a[..., None, 1].shape, a[1, ..., 2])
print(np.arange(3)[:, None] * np.arange(3))
print(a[..., ::2].strides, a[np.newaxis, ..., np.newaxis].strides)
