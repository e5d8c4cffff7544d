import numpy as np
a = np.array([1, 4, 9], dtype=np.int16)
print(np.sqrt(a).dtype, np.sqrt(np.array([4], dtype=np.int8)).dtype, np.sqrt(np.array([4], dtype=np.uint8)))
print((a / 2).dtype, (a / np.int16(2)).dtype, (a ** 2).dtype)
print(np.exp(np.array([1], dtype=np.float16)).dtype, np.true_divide(np.int32(3), 2))
print((np.array([2], dtype=np.int32) ** 0.5).dtype)
