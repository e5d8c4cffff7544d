import numpy as np
print(np.arange(40))
print(np.arange(25) * 1.5)
print(np.arange(30).reshape(2, 15) * 1000)
print(repr(np.arange(40) * 0.001))
print(np.array([1 + 1j] * 12))
