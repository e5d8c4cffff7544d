import numpy as np
a = np.empty(4, dtype=np.int16)
a.fill(7)
print(a)
v = a[::2]
v.fill(-1)
print(a)
f = np.zeros((2, 2))
f.fill(np.nan)
print(f)
b = np.zeros(3, dtype=np.uint8)
b.fill(257)
print(b)
