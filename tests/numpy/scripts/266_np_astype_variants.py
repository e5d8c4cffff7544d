import numpy as np
a = np.array([1.7, -1.7, 2.5, 300.0])
print(a.astype(np.int32), a.astype(np.uint8), a.astype(bool))
i = np.arange(3)
print(i.astype(i.dtype) is i, i.astype(i.dtype, copy=False) is i)
print(np.array([0, 1, 2]).astype(np.float16), np.array(['1', '2']).astype(np.int64) if False else np.array([1, 2]))
try:
    np.arange(3.0).astype(np.int64, casting='safe')
except TypeError as e:
    print(type(e).__name__, e)
