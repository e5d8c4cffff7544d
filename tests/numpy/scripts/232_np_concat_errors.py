import numpy as np
try:
    np.concatenate([np.zeros((2, 2)), np.zeros((3, 3))])
except ValueError as e:
    print(type(e).__name__, e)
try:
    np.stack([np.zeros(2), np.zeros(3)])
except ValueError as e:
    print(type(e).__name__, e)
print(np.concatenate([np.zeros(2, dtype=np.int8), np.ones(2, dtype=np.float32)]).dtype)
