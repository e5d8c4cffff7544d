import numpy as np
for dt in [np.int8, np.int16, np.float32, np.float64, np.complex128, np.bool_]:
    a = np.zeros((3, 4), dtype=dt)
    v = a[:, ::2]
    print(dt.__name__, a.itemsize, a.nbytes, a.strides, v.nbytes, v.strides, v.size)
