import numpy as np
x = np.int8(100)
print(type(x + 1).__name__, type(x + 1.0).__name__, type(x * x).__name__)
print(type(np.float32(2) * 2).__name__, type(np.float32(2) * 2.0).__name__)
print(type(np.uint8(3) - np.int8(1)).__name__, type(np.int32(1) + np.int64(1)).__name__)
print(type(np.bool_(True) + np.bool_(True)).__name__, np.bool_(True) + np.bool_(True))
print(np.int16(7) // np.int16(2), np.int16(-7) % np.int16(3), np.float64(7) / 2)
