import numpy as np
for name in ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float16', 'float32', 'float64', 'complex64', 'complex128', 'bool']:
    d = np.dtype(name)
    print(name, d, repr(d), d.itemsize, d.name, d.str, d.byteorder, d.kind, d.char)
for spec in ['>u4', '<i2', '>f8', 'i4', 'f', 'd', '?', 'b', 'B', 'h', 'H', 'l', 'q', 'e', 'F', 'D']:
    d = np.dtype(spec)
    print(spec, d, repr(d), d.str, d.byteorder, d.newbyteorder(), d.newbyteorder().str)
print(np.dtype('int16') == np.int16, np.dtype('>i2') == np.dtype('<i2'), np.dtype('f8') == 'float64', np.dtype(float), np.dtype(int), np.dtype(bool))
print(np.int16, np.float64, np.bool_, np.dtype('i2').type, np.float_, np.int_, np.intc, np.uint8 is np.ubyte)
try:
    np.dtype('not_a_type')
except TypeError as e:
    print("TypeError:", e)
