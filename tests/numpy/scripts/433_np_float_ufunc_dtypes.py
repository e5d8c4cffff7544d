# float-only ufuncs pick NumPy's loop: small ints go to float16/float32,
# Python scalars take part by value; float16 computes in float32
import numpy as np

for t in [np.bool_, np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32, np.int64, np.uint64, np.float16, np.float32]:
    a = np.array([1, 2], dtype=t)
    print(t.__name__, np.trunc(a).dtype, np.hypot(a, 1).dtype, np.arctan2(a, a).dtype, np.fmod(a, a).dtype, np.square(a).dtype)
print(np.log2(np.array([1, 2, 4, 8, 1024], dtype=np.float16)))
print(np.trunc(np.array([1.5, -2.5], dtype=np.float16)), np.cbrt(np.array([8, 27], dtype=np.float64)))
print(np.hypot(np.array([3], dtype=np.float32), 4.0).dtype, np.hypot(np.array([3], dtype=np.float32), np.float64(4.0)).dtype)
print(np.arctan2(np.int8(1), np.int8(1)).dtype, np.fmod(np.int16(7), np.int8(3)).dtype)
print(np.exp2(np.array([3], dtype=np.int32)), np.log10(np.array([10, 1000], dtype=np.uint16)).dtype)
