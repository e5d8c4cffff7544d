import numpy as np
a = np.arange(3, dtype=np.int32)
try:
    a += 1.5
except TypeError as e:
    print(type(e).__name__, e)
b = np.arange(3, dtype=np.float32)
b += np.arange(3)
print(b, b.dtype)
c = np.array([250], dtype=np.uint8)
c += 10
print(c)
d = np.array([1, 2], dtype=np.int8)
d *= 100
print(d)
e = np.ones(2)
e /= 3
print(e)
