# a.itemset (flat and per-axis forms, NumPy's errors) and the deprecated a.tostring
import numpy as np
a = np.arange(6).reshape(2, 3)
a.itemset(4, 40)
a.itemset((1, 0), 30)
print(a)
for f in [lambda: a.itemset(), lambda: a.itemset(5), lambda: a.itemset(10, 1), lambda: a.itemset((2, 0), 1),
          lambda: a.itemset(1, 2, 3), lambda: a.itemset(1.5, 2), lambda: a.itemset((1,), 2), lambda: a.itemset(-1, 2),
          lambda: a.itemset(-7, 2), lambda: a.itemset(0, 2.9), lambda: a.itemset(0, 1j)]:
    try:
        f()
        print(a.tolist())
    except Exception as e:
        print(type(e).__name__, e)
b = np.array([1.5])
b.itemset(7)
print(b)
z = np.array(2.5)
z.itemset(3)
print(z)
c = np.arange(3)
c.flags.writeable = False
try:
    c.itemset(0, 1)
except Exception as e:
    print(type(e).__name__, e)
print(a.tostring(), a.T.tostring())
s = np.arange(8, dtype='>i2')[::2]
s.itemset(1, 300)
print(s, s.tostring())
