# Integer results of the new ufuncs keep NumPy's fixed-width types
import numpy as np

i8 = np.array([-128, -7, 0, 7, 127], dtype=np.int8)
print(np.square(i8), np.fmod(i8, 3), np.fmod(i8, -3), np.fmax(i8, 0), np.fmin(i8, np.int8(5)))
u8 = np.array([0, 3, 200, 255], dtype=np.uint8)
print(np.square(u8), np.fmod(u8, 7), np.reciprocal(u8[1:2]), np.fmax(u8, 100))
big = np.array([2**62, -2**62], dtype=np.int64)
print(np.square(big), np.fmod(big, 1000), np.fmax(big, np.uint8(3)).dtype)
mix = np.fmod(np.array([7, 8], dtype=np.int16), np.array([3, 5], dtype=np.uint8))
print(mix, mix.dtype, np.fmod(np.array([7], dtype=np.uint64), np.array([-2], dtype=np.int64)).dtype)
