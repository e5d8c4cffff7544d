import numpy as np
print(repr(np.arange(6).reshape(2, 3) * 1.5))
print(repr(np.arange(8).reshape(2, 2, 2).astype(np.int8)))
print([np.arange(2), np.zeros(1)], (np.int8(1), np.float32(2)), {'a': np.array([1.5])})
print(repr([np.float64(1.5), np.int16(2)]), str([np.bool_(True)]))
