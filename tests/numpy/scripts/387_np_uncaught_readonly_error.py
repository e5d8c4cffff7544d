import numpy as np
a = np.frombuffer(b'\x00\x01\x02', dtype=np.uint8)
print(a, a.flags.writeable)
a[0] = 5
