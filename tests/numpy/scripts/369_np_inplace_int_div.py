import numpy as np
a = np.arange(6)
try:
    a /= 2
except TypeError as e:
    print(type(e).__name__, e)
a //= 2
print(a)
a %= 2
print(a)
b = np.array([1, 2, 3])
b **= 2
print(b)
b <<= 1
print(b, b.dtype)
