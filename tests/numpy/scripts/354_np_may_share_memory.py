import numpy as np
a = np.arange(20)
x, y = a[::2], a[1::2]
print(np.may_share_memory(x, y), np.shares_memory(x, y))
print(np.may_share_memory(a[:10], a[10:]), np.shares_memory(a[:11], a[10:]))
print(np.shares_memory(a, a.copy()), np.may_share_memory(a, np.arange(3)))
m = np.zeros((4, 4))
print(np.shares_memory(m[:, 0], m[0, :]), np.shares_memory(m[1:, 0], m[0, 1:]))
