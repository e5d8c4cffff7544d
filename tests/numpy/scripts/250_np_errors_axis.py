import numpy as np
a = np.zeros((2, 3))
for ax in [2, -3, 5]:
    try:
        a.sum(axis=ax)
    except Exception as e:
        print(type(e).__name__, e)
try:
    np.concatenate([a, a], axis=3)
except Exception as e:
    print(type(e).__name__, e)
