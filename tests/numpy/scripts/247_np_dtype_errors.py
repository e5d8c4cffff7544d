import numpy as np
for s in ['i3', 'float7', 'xyz']:
    try:
        np.dtype(s)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    np.zeros(3, dtype='q7')
except TypeError as e:
    print(type(e).__name__, e)
