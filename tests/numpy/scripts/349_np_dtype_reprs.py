import numpy as np
a = np.zeros(2, dtype='>i2')
print(a.dtype, repr(a.dtype), str(a.dtype), a.dtype.name, a.dtype == np.int16)
print(repr(np.dtype(np.float32)), repr(np.dtype('<c8')), repr(np.dtype('>f8')), repr(np.dtype('?')))
print(np.dtype(np.int8).type, np.int8, np.float64, type(np.dtype('f4')).__name__ if False else 'dtype')
print([str(np.dtype(c)) for c in 'bBhHiIlLqQefdFD?'])
