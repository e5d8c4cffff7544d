import numpy as np
for t in [np.int8, np.uint32, np.float32, np.complex128, np.bool_]:
    v = t(1)
    print(t.__name__, type(v) is t, isinstance(v, t), np.dtype(t), v.dtype == np.dtype(t))
print(np.int_ is np.int64, np.float_ is np.float64, np.intc is np.int32, np.double is np.float64)
print(issubclass(np.int8, np.integer), issubclass(np.float32, np.number), issubclass(np.bool_, np.number))
