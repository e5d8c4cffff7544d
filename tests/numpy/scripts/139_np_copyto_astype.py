import numpy as np
a = np.zeros(4)
np.copyto(a, np.arange(4))
print(a)
b = np.zeros(3, dtype=np.int32)
try:
    np.copyto(b, np.array([1.5, 2.5, 3.5]))
except TypeError as e:
    print("TypeError:", e)
np.copyto(b, np.array([1.5, 2.5, 3.5]), casting='unsafe')
print(b, np.arange(5).astype(np.float32), np.array([1.7, -1.7]).astype(int), np.array([300, -1]).astype(np.uint8))
try:
    np.arange(3.0).astype(np.int64, casting='safe')
except TypeError as e:
    print("TypeError:", e)
print(np.array([0, 1, 2]).astype(bool), np.array([1.5]).astype('>f8').dtype, np.can_cast(np.int16, np.int32), np.can_cast('f8', 'i4'))
print(np.result_type(np.int8, np.uint8), np.promote_types('i2', 'f4'), np.result_type(np.arange(3, dtype=np.int8), 1000))
