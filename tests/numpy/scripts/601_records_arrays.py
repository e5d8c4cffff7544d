# Arrays of records: creation, printing, field views that write through.
import numpy as np

dt = np.dtype([('id', 'u4'), ('x', 'f4'), ('ok', '?')])
a = np.zeros(4, dtype=dt)
print(a)
print(repr(a))
a['id'] = np.arange(4) * 10
a['x'] = [0.5, 1.5, -2.25, 3.0]
a['ok'][1:3] = True
print(a)
x = a['x']
print(x, x.dtype, x.strides, x.base is a, np.shares_memory(x, a), x.flags['C_CONTIGUOUS'])
x[0] = 99.5
print(a[0], a['x'][0])
b = np.array([(1, 2.5, True), (3, -4.0, False)], dtype=dt)
print(b, b.shape, b.dtype)
print(repr(np.ones(2, dt)), repr(np.full(3, 7, dt)))
m = a[['x', 'id']]
print(m)
print(m.dtype, m.base is a, m.itemsize)
e = np.zeros((2, 3), dtype=[('v', 'i2', (2,)), ('w', 'f8')])
e['v'] = [[1, 2], [3, 4], [5, 6]]
print(e)
print(e['v'].shape, e['v'].strides, e['w'].strides)
print(np.empty(0, dt), repr(np.zeros(0, dt)), repr(np.zeros((), dt)))
print(a.tolist())
print(e.tolist())
