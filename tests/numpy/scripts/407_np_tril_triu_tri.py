# np.tri, np.tril, np.triu
import numpy as np

print(np.tri(3))
print(np.tri(2, 4, k=1, dtype=int))
print(np.tri(3, k=-1, dtype=bool))
m = np.arange(1, 13).reshape(3, 4)
print(np.tril(m))
print(np.triu(m))
print(np.tril(m, 1))
print(np.triu(m, -1))
print(np.triu(m, 2).dtype, np.tril(m.astype(np.float32)).dtype)
print(np.triu([1, 2, 3]))
s = np.arange(16).reshape(4, 4)
print(np.tril(s) + np.triu(s, 1) - s)
b = np.arange(8).reshape(2, 2, 2)
print(np.tril(b))
print(np.tri(0).shape, np.tril(np.zeros((0, 3))).shape)
