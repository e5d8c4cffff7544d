# np.array / np.asarray with order= and ndmin=: layout, copies and views as NumPy makes them.
import numpy as np
print(np.array([[1, 2, 3], [4, 5, 6]], order='F').strides)
print(np.array([[1.0, 2, 3], [4, 5, 6]], dtype='>f8', order='F').strides)
print(np.array(np.ones((2, 3)), order='F').strides, np.array(np.ones((2, 3)), order='K').strides)
print(np.array(np.ones((2, 3)).T, order='A').strides, np.array(np.ones((2, 3)).T, order='C').strides, np.array(np.ones((2, 3)).T).strides)
print(np.asarray([[1, 2], [3, 4]], order='F').strides, np.asarray(np.ones((2,3)), order='F').strides)
print(np.array(np.random.rand(2, 6) + 0.5, dtype='>f8', order='F').strides)
a = np.ones((2, 3))
for o in ['C', 'F', 'A', 'K', 'c', 'f']:
    for c in [True, False]:
        b = np.array(a.T, order=o, copy=c)
        print(o, c, b.strides, b is a.T, np.shares_memory(a, b), b.base is None)
        b = np.asarray(a, order=o)
        print(o, b.strides, b is a, np.shares_memory(a, b))
        b = np.array(a, dtype='f4', order=o, copy=c)
        print(o, b.strides, b.dtype)
for o in ['X', 'CF', '']:
    try:
        np.array([[1, 2]], order=o)
    except ValueError as e:
        print(e)
print(np.array([[1, 2], [3, 4]], order='F', ndmin=3).strides, np.array([1, 2], order='F').strides)
print(np.array([[[1, 2], [3, 4]]], dtype='>i2', order='f').strides)
a = np.array([1, 2], ndmin=2); print(a.strides, a.base is None, a.flags['OWNDATA'])
x = np.ones((2, 3))
b = np.array(x, ndmin=3); print(b.strides, b.base is None, b.base is x, np.shares_memory(b, x), b.flags['C_CONTIGUOUS'])
c = np.array(x, ndmin=3, copy=False); print(c.strides, c.base is x)
d = np.array(x.T, ndmin=3, order='C'); print(d.strides, d.base is None)
e = np.array([[1, 2], [3, 4]], ndmin=3, order='F'); print(e.strides, e.base is None)
f = np.array(5, ndmin=2); print(f.strides, f.shape, f.base is None)
x = np.ones((4, 6))
for a in [x[:, ::2], x[::2, :], x.T[::2], np.ones((3, 1)), np.ones((1, 3)).T, np.ones(5)[::2], np.ones((2, 3), 'f4').T, np.ones((0, 3)).T]:
    print(a.shape, a.strides, np.array(a, ndmin=4, copy=False).strides)
