import numpy as np
print(np.int8(300) if False else np.int8(44), np.float32('1.5'), np.int64('12'), np.float64(True), np.bool_(0.0))
print(np.uint8(3.9), np.int16(-3.9), np.complex128(2), np.float16(1 / 3), np.int32(np.float64(7.7)))
try:
    np.int8('x')
except ValueError as e:
    print(type(e).__name__, e)
print(np.array(np.int8(5)).dtype, np.asarray(np.float32(1)).shape)
