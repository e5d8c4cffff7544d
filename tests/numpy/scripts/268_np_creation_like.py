import numpy as np
a = np.arange(6, dtype=np.int16).reshape(2, 3)
print(np.zeros_like(a), np.ones_like(a).dtype, np.full_like(a, 7), np.empty_like(a).shape)
print(np.full((2, 2), 1.5), np.full(3, True), np.eye(3, dtype=int), np.identity(2))
