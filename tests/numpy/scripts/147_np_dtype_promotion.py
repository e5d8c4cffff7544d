import numpy as np
types = [np.bool_, np.int8, np.uint8, np.int16, np.uint16, np.int32, np.int64, np.uint64, np.float16, np.float32, np.float64, np.complex64]
for t1 in types:
    row = []
    for t2 in types:
        row.append(np.promote_types(t1, t2).str)
    print(t1.__name__, " ".join(row))
for v in [1, 300, -1, 70000, 1.5, True]:
    print(v, (np.array([1], dtype=np.int8) + v).dtype, (np.array([1], dtype=np.uint8) + v).dtype, (np.array([1.0], dtype=np.float32) + v).dtype)
