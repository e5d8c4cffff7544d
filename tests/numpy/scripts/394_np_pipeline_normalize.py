import numpy as np
np.random.seed(3)
x = np.random.rand(5, 3)
mu = x.mean(axis=0)
sd = x.std(axis=0)
z = (x - mu) / sd
print(z.mean(axis=0).round(12) + 0.0, z.std(axis=0).round(12))
print(np.shares_memory(x, z), z.dtype, z.shape)
x -= mu
print(np.allclose(x.mean(axis=0), 0))
