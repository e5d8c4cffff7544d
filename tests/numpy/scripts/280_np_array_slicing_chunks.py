import numpy as np
a = np.arange(9)
parts = [a[i:i + 3] for i in range(0, 9, 3)]
print(parts, [np.shares_memory(p, a) for p in parts])
m = np.arange(16).reshape(4, 4)
left, right = m[:, :2], m[:, 2:]
print(left, right.base is m, right.flags['C_CONTIGUOUS'])
left[0, 0] = -1
print(m[0])
