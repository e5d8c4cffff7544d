import numpy as np
a = np.array([1, 256], dtype='<u2')
b = a.view(a.dtype.newbyteorder())
print(b, b.dtype, np.shares_memory(a, b))
b[0] = 1
print(a)
c = a.newbyteorder('>')
print(c.dtype, c, a.newbyteorder('=').dtype, a.newbyteorder('S').dtype)
d = np.dtype('>f4')
print(d.newbyteorder(), d.newbyteorder('<').str, np.dtype('<i8').newbyteorder('S'))
