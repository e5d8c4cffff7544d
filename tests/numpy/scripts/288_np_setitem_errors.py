import numpy as np
a = np.zeros(3, dtype=np.int64)
try:
    a[0] = 1j
except TypeError as e:
    print(type(e).__name__, e)
try:
    a[5] = 1
except IndexError as e:
    print(type(e).__name__, e)
try:
    a[0, 0] = 1
except IndexError as e:
    print(type(e).__name__, e)
try:
    a['x'] = 1
except IndexError as e:
    print(type(e).__name__, e)
