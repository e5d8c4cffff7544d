import numpy as np
a = np.array([[1.0, 2.0, 4.0], [3.0, 5.0, 9.0]])
print(a.var(), a.std())
print(a.var(ddof=1), a.std(ddof=1))
print(a.var(axis=0), a.std(axis=1, ddof=1))
print(np.var(np.arange(5)), np.std(np.arange(5), keepdims=True))
