import numpy as np
for t in [np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32, np.int64, np.uint64, 'i2', int, np.dtype('u4')]:
    i = np.iinfo(t)
    print(repr(i), i.min, i.max, i.bits, repr(i.dtype), i.kind)
print(np.iinfo(np.int8))
print(str(np.iinfo(np.uint64)))
print(np.iinfo(np.arange(3, dtype=np.int16).dtype).max)
print(type(np.iinfo(np.int8).max).__name__, type(np.iinfo(np.int8)).__name__)
for bad in [float, np.float32, 'f8', np.bool_, bool, np.complex64]:
    try:
        np.iinfo(bad)
    except Exception as e:
        print(type(e).__name__, e)
