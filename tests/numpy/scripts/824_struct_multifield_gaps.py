import numpy as np
a = np.zeros(3, dtype=[('a', 'i4'), ('b', 'i4'), ('c', 'f4')])
a['b'] = 5
a[['a', 'c']] = (2, 3)
b = np.zeros(3, dtype=[('a', 'i4'), ('b', 'i4'), ('c', 'f4')]); b['b'] = 7
b[['a', 'c']] = a[['a', 'c']]
print(b)
np.copyto(b[['a', 'c']], a[['a', 'c']])
print(b)
b[['c']] = a[['c']]
print(b)
v = b[['a', 'c']]; v[1] = (9, 9.5); print(b)
v[:] = a[['a', 'c']][::-1]; print(b)
a[['a', 'c']] = a[['c', 'a']]
print(a)
