# np.dot of one-element float operands multiplies directly (cblas_matrixproduct).
import numpy as np
for x, y in [([-0.0], [2.0]), ([[-0.0]], [[2.0]]), ([[-0.0]], [2.0]), ([-0.0], [[2.0]]), ([np.inf], [0.0]), ([[1.5]], [[2]])]:
    r = np.dot(np.array(x), np.array(y)); print(repr(r), type(r).__name__)
    r = np.dot(np.array(x, 'f4'), np.array(y, 'c8')); print(repr(r))
print(repr(np.dot(np.array([[-0.0, -0.0]]), np.array([1.0, 1.0]))), repr(np.dot(np.array([-0.0], 'i4'), np.array([2], 'i4'))))
