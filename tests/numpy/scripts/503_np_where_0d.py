# np.where(cond, x, y) with 0-d operands gives a 0-d array
import numpy as np

a = np.array(1.0)
r = np.where(a > 0, a, a)
print(type(r).__name__, r.shape, repr(r))
print(repr(np.where(True, 1, 2)), repr(np.where(False, 1.5, np.float32(2))))
print(repr(np.where(np.float64(1) > 0, 1.0, 2.0)), repr(np.where([True, False], 1, 2)))
x = np.where(np.array(0), np.array(3, np.int8), np.array(4, np.int8))
print(repr(x), x.dtype, x.flags.owndata, x[()], type(x[()]).__name__)
