import numpy as np
le = np.array([1, 2, 3], dtype='<i4')
be = np.array([1, 2, 3], dtype='>i4')
print(le == be, np.array_equal(le, be), le.tobytes() == be.tobytes())
print((le + be).dtype, (be + be).dtype, be.sum().dtype, be[0], type(be[0]).__name__)
print(be.view('<i4'), be.astype(np.int64), be.copy().dtype, np.zeros_like(be).dtype)
