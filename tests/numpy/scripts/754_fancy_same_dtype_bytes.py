# Fancy and mask assignment of a same-dtype value copies its bytes: a bool
# byte of 3 (seen through a view) stays 3, as NumPy's transfer leaves it.
import numpy as np
y = np.array([3, 3], dtype='u1'); x = y.view('bool')
x[[1]] = x[0:1]; print(y)
y = np.array([3, 0], dtype='u1'); x = y.view('bool')
x[1:] = x[0:1]; print(y)
y = np.array([3, 0], dtype='u1'); x = y.view('bool')
x[[1]] = x[0]; print(y)
y = np.array([3, 0, 5], dtype='u1'); x = y.view('bool')
x[np.array([False, True, False])] = x[0:1]; print(y)
y = np.array([3, 0, 5], dtype='u1'); x = y.view('bool')
x[[1, 2]] = x[[0, 0]]; print(y)
a = np.arange(3, dtype='>i4'); a[[0, 2]] = a[1:2]; print(a)
r = np.zeros(3, dtype=[('a', 'f8'), ('b', 'f8'), ('c', 'i8')])
r['c'] = [1, 2, 3]
r[[0, 2]] = r[1:2]
print(r)
m = np.zeros(2, dtype=[('a', 'f8'), ('b', 'f8'), ('c', 'i8')]); m['a'] = [5, 6]
m[np.array([False, True])] = m[0:1]; print(m)
