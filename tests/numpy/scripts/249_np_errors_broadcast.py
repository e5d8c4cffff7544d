import numpy as np
try:
    np.arange(3) + np.arange(4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    np.ones((2, 3)) * np.ones((3, 2))
except ValueError as e:
    print(type(e).__name__, e)
try:
    np.arange(6).reshape(4, 2)
except ValueError as e:
    print(type(e).__name__, e)
try:
    np.broadcast_to(np.arange(3), (2, 4))
except ValueError as e:
    print(type(e).__name__, e)
