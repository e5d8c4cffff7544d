import numpy as np
print(np.arange(1001))
print(np.arange(1000))
print(np.arange(3000).reshape(3, 1000))
print(np.zeros((100, 100)))
print(repr(np.arange(2000.0)))
