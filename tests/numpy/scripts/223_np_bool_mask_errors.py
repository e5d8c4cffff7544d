import numpy as np
a = np.arange(5)
try:
    a[np.array([True, False])]
except IndexError as e:
    print(type(e).__name__, e)
try:
    a[[1, 2]] = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a[10]
except IndexError as e:
    print(type(e).__name__, e)
