import numpy as np
a = np.arange(4, dtype=np.int16)
v = a[1:3]
v.byteswap(inplace=True)
print(a)
b = np.array([1, 2], dtype=np.float32)
s = b.byteswap()
print(s.dtype, s.view(np.uint32), np.shares_memory(b, s))
c = np.array([1 + 2j], dtype=np.complex64).byteswap().newbyteorder()
print(c, c.dtype)
print(np.array([True]).byteswap(), np.array([7], dtype=np.int8).byteswap())
