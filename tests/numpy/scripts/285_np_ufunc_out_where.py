import numpy as np
a = np.arange(5.0)
out = np.zeros(5)
np.multiply(a, 2, out=out)
print(out)
np.add(a, 100, out=out)
print(out)
r = np.negative(a, out=a)
print(r is a, a)
i = np.zeros(3, dtype=np.int32)
try:
    np.add(np.arange(3), 0.5, out=i)
except TypeError as e:
    print(type(e).__name__, e)
