# .npy round trip of record arrays (plain, big-endian, nested, sub-array,
# aligned with padding): the loaded array has the same dtype and compares
# equal field by field; sorting the loaded copy matches sorting the original.
import numpy as np

dt = np.dtype([('id', '<u4'), ('pos', '<f4', (2,)), ('meta', [('flag', '?'), ('w', '>f8')])])
a = np.zeros(5, dtype=dt)
a['id'] = [5, 3, 9, 3, 1]
a['pos'] = [[0.5, 1.0], [2.0, -1.0], [0.0, 0.0], [2.0, -1.0], [7.0, 7.5]]
a['meta']['flag'] = [True, False, True, False, True]
a['meta']['w'] = [1.5, np.nan, -2.0, np.nan, 0.25]
np.save('records.npy', a)
b = np.load('records.npy')
print(b.dtype == a.dtype, b.dtype)
print(b == a)
print(b['meta']['w'], b['pos'][1])
print(np.sort(b)['id'], np.argsort(a, kind='stable'), np.argsort(b, kind='stable'))
print(np.unique(b)['id'], np.nonzero(b)[0])

al = np.dtype([('c', 'u1'), ('d', '<f8'), ('e', '<i2')], align=True)
p = np.array([(1, 0.5, -7), (2, 1.5, 8)], dtype=al)
np.save('aligned', p)
q = np.load('aligned.npy')
print(q.dtype, q.dtype.itemsize, q.dtype.isalignedstruct)
print(q == p, q)
grid = np.array([[(1, 2.0), (3, 4.0)], [(5, 6.0), (7, 8.0)]], dtype=[('k', '>i8'), ('v', '<f8')]).T
np.save('grid.npy', grid)
g = np.load('grid.npy')
print(g.flags.f_contiguous, g.shape, g['k'].tolist(), np.all(g == grid))
print(np.load('grid.npy', mmap_mode='r')['v'].tolist())
