import numpy as np
a = np.arange(5)
a.flags.writeable = False
v = a[1:]
print(v.flags.writeable)
for f in (lambda: v.__setitem__(0, 1), ):
    pass
try:
    v[0] = 1
except ValueError as e:
    print("ValueError:", e)
try:
    v.flags.writeable = True
except ValueError as e:
    print("ValueError:", e)
a.flags.writeable = True
v.flags.writeable = True
v[0] = 42
print(a)
bt = np.broadcast_to(np.arange(3), (2, 3))
print(bt.flags.writeable, bt.flags.owndata, bt.strides, bt.flags.c_contiguous)
try:
    bt[0, 0] = 1
except ValueError as e:
    print("ValueError:", e)
d = np.arange(4)
d.setflags(write=False)
print(d.flags.writeable)
try:
    d += 1
except ValueError as e:
    print("ValueError:", e)
r = np.arange(3).view()
r.flags.writeable = False
r.flags.writeable = True
print(r.flags.writeable)
