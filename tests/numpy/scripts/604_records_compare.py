# Record arrays under == and !=: field by field, broadcasting, nested records,
# sub-array fields, NaN and big-endian fields; ordering comparisons refused.
import numpy as np

dt = np.dtype([('id', '<i4'), ('x', '<f8')])
a = np.array([(1, 2.0), (3, np.nan), (5, 6.0), (7, -0.0)], dtype=dt)
b = np.array([(1, 2.0), (3, np.nan), (5, 6.5), (7, 0.0)], dtype=dt)
print(a == b, a != b, (a == b).dtype)
print(a == a[0], a[2] != a)
print(a[:, None] == b[:2])
print(a[0] == b[0], type(a[0] == b[0]).__name__, a[1] != b[1])
print(np.array_equal(a, a), np.array_equal(a[:1], b[:1]), np.array_equal(a, a[:2]))

# same names in the same order; field types promote
other = np.array([(1, 2.0), (3, 4.0), (5, 6.0), (7, 0.0)], dtype=[('id', '<i8'), ('x', '<f4')])
print(a == other, other != a)
be = a.astype([('id', '>i4'), ('x', '>f8')])
print(be == a, be.dtype)

# nested records and sub-array fields: all elements must match
nt = np.dtype([('p', [('u', '<i2'), ('v', '>f4')]), ('s', '<f8', (2,)), ('ok', '?')])
n1 = np.zeros(3, dtype=nt)
n2 = np.zeros(3, dtype=nt)
n2['s'][1, 1] = 1.0
n2['p']['v'][2] = np.nan
n2['ok'][0] = True
print(n1 == n2, n1 != n2)
print(n1[1:] == n1[1:])
grid = np.zeros((2, 2), dtype=[('m', '<i4', (2, 2))])
g2 = grid.copy()
g2['m'][0, 1, 1, 0] = 7
print(grid == g2)
print(grid != g2)

empty = np.zeros(0, dtype=dt)
print(empty == empty, (empty == empty).shape)
nofield = np.zeros(2, dtype=np.dtype([]))
print(nofield == nofield, nofield != nofield)

for f in (lambda: a < b, lambda: a >= b, lambda: a[0] < a[1], lambda: a < 1, lambda: 1 < a):
    try:
        f()
    except TypeError as e:
        print('TypeError:', e)
for f in (lambda: a == 1, lambda: a != np.arange(4), lambda: np.arange(4) == a,
          lambda: a == np.zeros(4, dtype=[('id', '<i4')]),
          lambda: a == np.zeros(4, dtype=[('k', '<i4'), ('x', '<f8')]),
          lambda: a == np.zeros(4, dtype=[('x', '<f8'), ('id', '<i4')]),
          lambda: a == np.zeros(4, dtype=[('id', '<i4'), ('x', '<f8', (2,))])):
    try:
        f()
    except TypeError as e:
        print('TypeError:', e)
for f in (lambda: np.equal(a, b), lambda: np.less(a, b), lambda: np.negative(a), lambda: np.add(a, b),
          lambda: np.sqrt(a), lambda: np.logical_and(a, b)):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
print(a == b[:3])
print(a != b[:3])

# zero-size sub-arrays and records nested inside sub-arrays
g = np.zeros(0, dtype=[('m', '<i4', (2, 2))])
print(g == g, np.zeros(2, dtype=[('m', '<i4', (0, 2))]) != np.zeros(2, dtype=[('m', '<i4', (0, 2))]))
r = np.zeros(3, dtype=[('r', [('x', '<i2'), ('y', '<f4')], (2,))])
r['r']['y'][1, 1] = np.nan
print(r == r, r != r, np.sort(r), np.argsort(r, kind='stable'), np.nonzero(r))
