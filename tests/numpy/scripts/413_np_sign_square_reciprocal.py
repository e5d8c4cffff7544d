# sign, square, reciprocal, fabs, absolute across dtypes
import numpy as np

x = np.array([-3.0, -0.0, 0.0, 2.5, np.inf, np.nan])
print(np.sign(x), np.square(x), np.fabs(x), np.abs(x))
i = np.array([-3, 0, 4], dtype=np.int8)
print(np.sign(i), np.square(i), np.square(np.array([100], dtype=np.int8)), np.abs(i))
print(np.square(np.array([True, False])), np.square(np.array([True, False])).dtype)
print(np.square(np.array([1 + 2j, -1j])), np.square(3), type(np.square(3)).__name__)
print(np.reciprocal(np.array([0.5, 2.0, -4.0, 0.0])))
print(np.reciprocal(np.array([1, 2, -1, 3])), np.reciprocal(np.array([1, 2], dtype=np.uint8)))
print(np.reciprocal(np.float32(8)), np.reciprocal(np.array([4], dtype=np.float16)))
print(np.fabs(np.array([-1, 2], dtype=np.int16)).dtype, np.fabs(-7), type(np.fabs(-7)).__name__)
print(np.square(np.arange(6).reshape(2, 3)))
print(np.signbit(np.array([-1.0, -0.0, 0.0, 3.0, -np.inf])), np.copysign(np.array([1.0, 2.0, 3.0]), np.array([-1.0, 0.0, -0.0])))
