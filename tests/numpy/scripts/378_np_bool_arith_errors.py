import numpy as np
b = np.array([True, False])
try:
    b - b
except TypeError as e:
    print(type(e).__name__, e)
try:
    -b
except TypeError as e:
    print(type(e).__name__, e)
print(b * b, b + b, b / b if False else b.astype(int) - 1, ~b, b ^ True)
