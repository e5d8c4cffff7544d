import numpy as np
a = np.zeros((4, 4), dtype=int)
v1 = a[1:3]
v2 = v1[:, 1:3]
v3 = v2.T
v3[0, 1] = 5
v2[0, 0] += 1
print(a)
print(v3.base is a, v2.flags['C_CONTIGUOUS'], v3.flags['F_CONTIGUOUS'])
