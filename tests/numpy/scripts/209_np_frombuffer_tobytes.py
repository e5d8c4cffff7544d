import numpy as np
buf = b'\x01\x00\x02\x00\x03\x00\x04\x00'
a = np.frombuffer(buf, dtype=np.int16)
print(a, a.flags.writeable, a.dtype)
print(np.frombuffer(buf, dtype=np.uint8, count=3, offset=2))
print(np.frombuffer(buf, dtype='>u2'))
b = np.arange(4, dtype=np.uint16)
print(b.tobytes())
print(b.reshape(2, 2).T.tobytes())
print(np.frombuffer(b.tobytes(), dtype=np.uint16))
