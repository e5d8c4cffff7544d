import numpy as np
print(np.array([0.1, 0.2, 0.3], dtype=np.float32), np.array([1/3], dtype=np.float32), np.array([1e10], dtype=np.float32))
print(repr(np.array([0.1, 1e-8], dtype=np.float32)), np.array([65504, 0.1], dtype=np.float16))
print(repr(np.linspace(0, 1, 4, dtype=np.float32)), np.arange(3, dtype=np.float16) / 3)
