import numpy as np
a = np.frombuffer(b'\x01\x00\x02\x00', dtype='i2')
print(a, a.dtype, a.flags.writeable, a.flags.owndata)
try:
    a.flags.writeable = True
except ValueError as e:
    print("ValueError:", e)
b = np.frombuffer(bytes(range(16)), dtype=np.uint32, count=2, offset=4)
print(b, b.flags.aligned)
try:
    np.frombuffer(b'abc', dtype='i2')
except ValueError as e:
    print("ValueError:", e)
print(np.frombuffer(np.arange(3, dtype='<i4').tobytes(), dtype='<i4'))
