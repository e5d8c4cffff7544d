import numpy as np
a = np.arange(24).reshape(4, 6)
for name, v in [("a", a), ("a.T", a.T), ("a[::2]", a[::2]), ("a[:, 1:3]", a[:, 1:3]), ("a[1]", a[1]), ("a[:, 0]", a[:, 0])]:
    print(name, v.flags['C_CONTIGUOUS'], v.flags['F_CONTIGUOUS'], v.flags['OWNDATA'], v.flags.writeable)
