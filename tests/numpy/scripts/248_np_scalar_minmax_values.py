import numpy as np
for t in [np.int8, np.uint8, np.int16, np.uint16, np.int32]:
    a = np.array([0], dtype=t)
    print(t.__name__, (a - 1)[0], (a - 1).dtype, a.dtype.itemsize * 8)
print(np.array([127], dtype=np.int8) + np.array([1], dtype=np.int8))
print(np.array([32767], dtype=np.int16) + np.int16(1), np.array([0], dtype=np.uint32) - np.uint32(1))
print(np.float16(65504) * np.float16(2), np.float32(3.4e38) * np.float32(10))
