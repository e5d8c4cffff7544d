import numpy as np
buf = bytes(range(24))
a = np.ndarray((2, 3), dtype=np.uint8, buffer=buf, offset=2)
print(a, a.flags.writeable, a.flags.c_contiguous)
b = np.ndarray((3,), dtype='<u2', buffer=buf, offset=1, strides=(4,))
print(b, b.strides)
c = np.ndarray((2, 2), dtype=np.uint8, buffer=buf, order='F')
print(c, c.flags.f_contiguous)
d = np.ndarray(4, dtype='>u4', buffer=buf)
print(d)
for bad in (lambda: np.ndarray((5, 5), dtype=np.uint8, buffer=buf), lambda: np.ndarray((3,), dtype='u4', buffer=buf, offset=16)):
    try:
        bad()
    except TypeError as e:
        print(e)
