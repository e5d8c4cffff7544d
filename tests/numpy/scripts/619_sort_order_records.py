# sort / argsort / a.sort of records with order= (NumPy reorders the names and compares those fields first).
import numpy as np
dt = np.dtype([('a', 'i4'), ('b', 'f8'), ('c', 'i2')])
x = np.array([(2, 1.5, 3), (1, 2.5, 1), (2, 0.5, 2), (1, 2.5, 0), (2, 1.5, 1)], dt)
print(np.sort(x, order='b'))
print(np.sort(x, order=['c']))
print(np.argsort(x, order=('a', 'c')), x.argsort(order='b', kind='stable'))
x2 = x.copy(); x2.sort(order='a'); print(x2, x2.dtype, x2.base is None)
y = np.sort(x, order='b'); print(y.dtype, y.base is None, y.flags['OWNDATA'])
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: np.sort(x, order='z'))
show(lambda: np.sort(np.arange(3), order='z'))
show(lambda: np.sort(np.arange(3), order=3))
show(lambda: np.sort(x, order=['a', 'a']))
show(lambda: np.sort(x, order=3))
show(lambda: np.sort(x, order=[1]))
show(lambda: np.sort(x, order='a', kind='x'))
show(lambda: np.sort(x, order=3, kind='x'))
show(lambda: np.argsort(x, order='z'))
print(np.sort(x, order=['b'], kind='stable'))
print(np.sort(x[['b', 'a']]), np.sort(x[['c', 'a']], order='a'))
print(np.argsort(x, order='c', kind='heapsort'))
m = np.array([[(3, 1.0, 1), (1, 2.0, 2)], [(2, 0.0, 0), (0, 5.0, 1)]], dt)
print(np.sort(m, axis=0, order='b'), np.sort(m, axis=None, order='c'), np.argsort(m, axis=None, order='c'))
z = np.zeros(3, dt); z.flags.writeable = False
show(lambda: z.sort(order='a'))
print(np.sort(x, order=[]))
