import numpy as np
for s in ['i1', 'u2', '<i4', '>f8', 'f4', 'c16', '?', 'int64', 'float32', 'uint8', 'bool']:
    d = np.dtype(s)
    print(s, d, repr(d), d.str, d.name, d.itemsize, d.kind, d.char)
