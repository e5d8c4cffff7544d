import numpy as np
x = np.int8(127)
print(x + np.int8(1), type(x + np.int8(1)).__name__)
print(np.uint8(0) - np.uint8(1), np.int16(-32768) * np.int16(-1))
print(np.int64(2**62) + np.int64(2**62))
print(np.float32(1e38) * np.float32(100), np.float16(1000) * np.float16(100))
print(np.int8(100) + 100, type(np.int8(100) + 100).__name__)
