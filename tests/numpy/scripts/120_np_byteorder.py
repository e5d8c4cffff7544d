import numpy as np
b = np.array([1, 256], dtype='<i2')
print(b.byteswap(), b.byteswap().dtype, b.newbyteorder(), b.newbyteorder().dtype, b.newbyteorder().base is b)
print(b.byteswap().view(b.dtype.newbyteorder()), b.astype('>i2').tobytes(), b.tobytes(), b.astype('>i2'))
big = np.zeros(2, '>i4') + 1
print(big.dtype, np.zeros(2, '>i4').dtype, np.dtype('u1').newbyteorder(), np.zeros(2, '>i2').flags.aligned)
c = b.copy()
c.byteswap(inplace=True)
print(c, b)
x = np.array([1.5, -2.25], dtype='>f4')
print(x, x.dtype, x[0], x.astype('<f4'), x.tobytes(), x.view('>u4'))
