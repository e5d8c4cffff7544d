import numpy as np
np.random.seed(5)
a = np.arange(10)
v = a[::2]
np.random.shuffle(v)
print(a, v)
m = np.arange(12).reshape(4, 3)
np.random.shuffle(m)
print(m)
p = np.random.permutation(m)
print(np.shares_memory(p, m), p.shape)
