import numpy as np
print(np.dtype('i4') == np.int32, np.dtype('f8') == 'float64', np.dtype(int) == np.int64)
print(np.dtype(float), np.dtype(bool), np.dtype(complex))
print(np.dtype('>i4') == np.dtype('<i4'), np.dtype('>i4').newbyteorder() == np.dtype('<i4'))
print(np.dtype('i2').type is np.int16, np.dtype('f4').type.__name__)
print(np.dtype('u1').isnative, np.dtype('>u2').isnative, np.dtype('>u2').byteorder)
