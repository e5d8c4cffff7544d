import numpy as np
try:
    np.frombuffer(b'\x01\x02\x03', dtype=np.int16)
except ValueError as e:
    print(type(e).__name__, e)
a = np.frombuffer(b'abcd', dtype=np.uint8)
try:
    a[0] = 1
except ValueError as e:
    print(type(e).__name__, e)
print(a.copy().flags.writeable)
