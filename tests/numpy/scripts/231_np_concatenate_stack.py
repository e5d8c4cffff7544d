import numpy as np
a = np.arange(4).reshape(2, 2)
b = np.arange(4, 8).reshape(2, 2)
print(np.concatenate([a, b]), np.concatenate((a, b), axis=1))
print(np.concatenate([a, b], axis=None))
print(np.stack([a, b]).shape, np.stack([a, b], axis=-1)[0])
print(np.vstack([a, b]).shape, np.hstack([a, b]).shape)
c = np.concatenate([a, b])
print(np.shares_memory(a, c))
