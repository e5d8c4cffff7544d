import numpy as np
vals = [np.int8(-5), np.uint16(7), np.int64(3), np.float32(0.1), np.float64(0.1), np.float16(1.5), np.bool_(True), np.complex64(1j)]
for v in vals:
    print(type(v).__name__, v, repr(v), v.dtype, v.itemsize)
