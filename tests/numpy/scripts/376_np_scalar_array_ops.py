import numpy as np
a = np.arange(4, dtype=np.int16)
print((np.int8(2) * a).dtype, (np.float32(2) * a).dtype, (np.float64(2) * a).dtype, (np.int64(2) + a).dtype)
print((a + np.uint16(1)).dtype, (np.array(2, dtype=np.int32) + a).dtype, (a + np.array([2], dtype=np.int32)).dtype)
print(type(a[0] + a[1]).__name__, type(a[0] * 2.5).__name__, type(a.sum() / 2).__name__)
