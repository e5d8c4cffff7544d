import numpy as np
try:
    np.zeros(0).max()
except ValueError as e:
    print(type(e).__name__, e)
print(np.zeros(0).sum(), np.zeros((0, 3)).sum(axis=0), np.ones((2, 0)).prod())
print(np.zeros((0, 3)).max(axis=1))
try:
    np.zeros((0, 3)).min(axis=0)
except ValueError as e:
    print(type(e).__name__, e)
