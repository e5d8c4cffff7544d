import numpy as np
a = np.arange(16).reshape(4, 4)
sub = a[1:3, 1:3]
sub[:] = 0
print(a)
row = a[0]
row[:] = row[::-1]
print(a[0])
col = a[:, 3]
col *= -1
print(a[:, 3], col.flags['C_CONTIGUOUS'])
