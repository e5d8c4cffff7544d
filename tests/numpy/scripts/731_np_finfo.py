import numpy as np
for t in [np.float16, np.float32, np.float64, float, 'f4', np.dtype('float64'), np.complex64, np.complex128]:
    f = np.finfo(t)
    print(repr(f))
    for k in ['eps', 'max', 'min', 'tiny', 'smallest_normal', 'resolution', 'bits', 'dtype', 'precision', 'epsneg']:
        v = getattr(f, k)
        print(k, repr(v), v)
for t in [np.float16, np.float32, np.float64]:
    print(np.finfo(t))
print(np.finfo(np.ones(2, dtype=np.float32).dtype).eps)
print(type(np.finfo(np.float32).eps).__name__, type(np.finfo(float)).__name__)
print(np.finfo(np.float32).eps == np.float32(2) ** -23)
for bad in [int, np.int32, 'i4', np.bool_, bool, np.uint8]:
    try:
        np.finfo(bad)
    except Exception as e:
        print(type(e).__name__, e)
