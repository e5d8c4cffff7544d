import numpy as np
a = np.array([1, 2, 3], dtype=np.int8)
print((a + 100).dtype, a + 100)
print((a + 1000).dtype, a + 1000)
print((a * 2.5).dtype, a * 2.5)
print((a + True).dtype)
print((a - 1).dtype, a - 1)
