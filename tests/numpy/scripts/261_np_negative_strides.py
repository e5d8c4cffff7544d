import numpy as np
a = np.arange(10)
r = a[::-1]
print(r.strides, r.base is a, r.flags['C_CONTIGUOUS'])
print(a[8:2:-2], a[-3:], a[:-7:-1])
m = np.arange(12).reshape(3, 4)
print(m[::-1, ::-2], m[::-1].strides)
print(np.flip(m, axis=1), np.fliplr(m)[0], np.flipud(m)[0])
print(np.shares_memory(np.flip(m), m))
