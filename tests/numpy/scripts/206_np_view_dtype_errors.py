import numpy as np
a = np.arange(3, dtype=np.int16)
try:
    a.view(np.int32)
except ValueError as e:
    print(type(e).__name__, e)
b = np.arange(12, dtype=np.int8).reshape(3, 4)
try:
    b.T.view(np.int16)
except ValueError as e:
    print(type(e).__name__, e)
print(b.view(np.int32))
