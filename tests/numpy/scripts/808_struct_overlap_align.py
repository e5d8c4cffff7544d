import numpy as np
a = np.zeros(3, dtype=[('a', 'i4'), ('b', 'i4'), ('c', 'f4')])
a[['a', 'c']] = (2, 3)
b = a.copy()
a[['a', 'c']] = b[['c', 'a']]
print(a)
a = b.copy()
v = a[['c', 'a']]
print(v.dtype, v)
a[['a', 'c']] = v
print(a)
x = np.zeros(2, dtype=[('p', 'f4'), ('q', 'i4')])
y = np.array([(1, 2.5), (3, 4.5)], dtype=[('m', 'i4'), ('n', 'f8')])
x[:] = y
print(x)
import numpy as np
for spec in ['u1, u1, i4, u1, i8, u2', [('a', 'u1'), ('b', 'i4')], {'names': ['a', 'b'], 'formats': ['u1', 'f8']}, 'i4', '3u1, f8']:
    d = np.dtype(spec, align=True)
    print(d, d.itemsize, d.isalignedstruct if d.names else None, d.alignment)
