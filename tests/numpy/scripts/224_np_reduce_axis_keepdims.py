import numpy as np
a = np.arange(24).reshape(2, 3, 4)
print(a.sum(), a.sum(axis=0).shape, a.sum(axis=1))
print(a.sum(axis=-1, keepdims=True).shape)
print(a.max(axis=(0, 2)), a.min(axis=1, keepdims=True).shape)
print(a.prod(axis=0)[0], a.mean(axis=2))
print(np.sum(a, axis=(1, 2)))
