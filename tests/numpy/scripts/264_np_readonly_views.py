import numpy as np
a = np.arange(5)
a.flags.writeable = False
v = a[1:]
print(v.flags.writeable)
try:
    v[0] = 1
except ValueError as e:
    print(type(e).__name__, e)
try:
    v.flags.writeable = True
except ValueError as e:
    print(type(e).__name__, e)
c = a.copy()
c[0] = 100
print(c, c.flags.writeable)
b = np.arange(3)
w = b.view()
w.setflags(write=False)
b[0] = 9
print(w, b.flags.writeable)
