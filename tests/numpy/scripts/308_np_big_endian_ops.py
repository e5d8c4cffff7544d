import numpy as np
b = np.array([1, 2, 300], dtype='>i4')
print(b, b + 1, (b + 1).dtype, b * b, b.sum(), b.dtype.byteorder)
print(b.tobytes(), b.astype(np.int32).tobytes())
c = b.astype('<i4')
print(c.dtype, c, np.array_equal(b, c), (b == c).all())
print(np.array([1.5], dtype='>f8').tobytes(), np.array([1.5], dtype='>f8')[0])
