import numpy as np
c = np.array([True, False, True])
print(np.where(c, np.int8(1), np.int16(2)).dtype, np.where(c, 1, 2.5), np.where(c, np.arange(3), -1))
print(np.where(c, np.array([1], dtype=np.uint8), 300).dtype, np.where(c, 'a' == 'a', 0).dtype)
print(np.where(np.arange(6).reshape(2, 3) > 2, 1, 0))
x = np.arange(4)
print(np.where(x % 2 == 0, x, x * 10), np.where([[True], [False]], [1, 2], [3, 4]))
