import numpy as np
a = np.arange(10) * 2
i = np.int64(3)
print(a[i], a[np.int8(-1)], a[np.uint8(2)], a[i:i + 3])
m = np.arange(9).reshape(3, 3)
print(m[np.int32(1)], m[1, np.int16(2)], type(m[1, 2]).__name__)
try:
    a[1.0]
except IndexError as e:
    print(type(e).__name__, e)
