# np.array_split (uneven), hsplit, vsplit, dsplit
import numpy as np

x = np.arange(10)
print(np.array_split(x, 3))
print(np.array_split(x, 4))
print(np.array_split(x, 11))
print(np.array_split([1, 2, 3, 4, 5], 2))
m = np.arange(16).reshape(4, 4)
print(np.hsplit(m, 2))
print(np.hsplit(m, [1, 3]))
print(np.vsplit(m, 4)[3])
print(np.hsplit(np.arange(6), 3))
c = np.arange(8).reshape(2, 2, 2)
print(np.dsplit(c, 2))
print(np.array_split(m, 3, axis=1)[0])
for bad in [lambda: np.split(x, 3), lambda: np.array_split(x, 0), lambda: np.split(x, 0),
            lambda: np.vsplit(x, 2), lambda: np.hsplit(np.array(1), 2), lambda: np.split(x, 2, axis=1),
            lambda: np.dsplit(m, 2)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
