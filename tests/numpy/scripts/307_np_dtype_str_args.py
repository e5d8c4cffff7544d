import numpy as np
for s in ['int8', 'i2', '<u4', '>i8', 'float16', 'f8', '<c8', 'b1', 'bool', 'uint64', 'double', 'float']:
    a = np.zeros(2, dtype=s)
    print(s, a.dtype, a.dtype.str, a.itemsize)
print(np.zeros(1, dtype=int).dtype, np.zeros(1, dtype=float).dtype, np.zeros(1, dtype=complex).dtype, np.zeros(1, dtype=bool).dtype)
