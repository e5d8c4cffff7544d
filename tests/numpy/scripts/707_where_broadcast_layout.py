# np.where's result layout follows NumPy's iterator over the operands as
# given (a broadcast x keeps its zero strides in the axis-order decision).
import numpy as np
a1 = np.asfortranarray(np.arange(18, dtype='uint8').reshape((2, 1, 3, 3)))
u2 = np.isfinite(a1)
x3 = np.broadcast_to(u2, (2, 3, 3, 3))
c = x3 > 1
print(x3.strides, c.strides)
for r in [np.where(c, x3, 0), np.where(x3, x3, 0), np.where(c, 0, 1), np.where(x3, 1.5, x3),
          np.where(c.T, x3.T, np.arange(2)), np.where(np.ones((3, 1), bool), np.arange(3.)[::-1], 7)]:
    print(r.strides, r.dtype, r.sum())
