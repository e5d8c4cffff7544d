import numpy as np
a = np.array([12, 10, -1], dtype=np.int32)
print(a & 6, a | 1, a ^ 5, ~a, a << 2, a >> 1)
u = np.array([255], dtype=np.uint8)
print(~u, u >> 4, u << np.uint8(1))
print(np.bitwise_and(12, 10), np.invert(np.array([True, False])), np.left_shift(1, np.arange(4)))
try:
    np.array([1.0]) & 1
except TypeError as e:
    print(type(e).__name__, e)
