# Sorting record arrays: lexicographic by fields in field order, each field
# compared by its own type (NaN last for floats, first for float16), byte
# order undone, nested records recursive, sub-array fields by raw bytes.
import numpy as np

dt = np.dtype([('k', '<i2'), ('x', '<f8')])
a = np.array([(2, 1.5), (1, np.nan), (2, -1.0), (1, 3.0), (0, 0.0), (2, np.nan), (1, -0.0), (1, 0.0)], dtype=dt)
print(np.sort(a))
print(np.argsort(a), np.argsort(a, kind='stable'), np.argsort(a, kind='heapsort'))
print(np.sort(a, kind='mergesort')['x'])
b = a.copy()
b.sort(kind='heapsort')
print(b)

# many equal keys: NumPy's generic introsort decides their order
big = np.zeros(70, dtype=[('g', 'u1'), ('w', '<f4')])
big['g'] = (np.arange(70) * 7) % 3
big['w'] = (np.arange(70) * 5 // 3) % 2
big['w'][::9] = np.nan
print(np.argsort(big))
print(np.argsort(big, kind='heapsort'))
print(np.argsort(big, kind='stable'))
s = big.copy()
s.sort()
print(s['w'][:12], np.array_equal(s, np.sort(big, kind='stable')))
print(np.sort(big, kind='heapsort')['g'][::7])

# big-endian fields sort by value, not by bytes
be = np.array([(256,), (1,), (-1,), (2,)], dtype=[('v', '>i4')])
print(np.sort(be), np.argsort(be))
# float16 NaN goes first in record compares; complex fields lexicographic
h = np.array([(1.0,), (np.nan,), (-2.0,), (0.5,)], dtype=[('h', '<f2')])
print(np.sort(h), np.argsort(h, kind='stable'))
c = np.array([(1 + 2j,), (1 + 1j,), (np.nan + 0j,), (0 + 5j,), (1 + np.nan * 1j,)], dtype=[('c', '<c16')])
print(np.argsort(c, kind='stable'))
bo = np.array([(True, 2), (False, 3), (True, 1), (False, 1)], dtype=[('b', '?'), ('n', '<u8')])
print(np.sort(bo))

# nested records recurse; sub-array fields compare raw bytes
nt = np.dtype([('p', [('u', '<i2'), ('v', '>f4')]), ('t', '<i1')])
n = np.array([((1, 2.0), 5), ((1, -3.0), 4), ((0, 9.0), 3), ((1, 2.0), 1)], dtype=nt)
print(np.sort(n), np.argsort(n))
sub = np.array([([1.0, 2.0],), ([-1.0, 0.0],), ([0.5, 0.0],), ([2.0, 1.0],)], dtype=[('s', '<f8', (2,))])
print(np.argsort(sub, kind='stable'))

# 2-d: along each axis, and flattened
m = np.array([[(3, 1.0), (1, 2.0), (2, 0.0)], [(0, 5.0), (0, 4.0), (9, 9.0)]], dtype=dt)
print(np.sort(m, axis=0))
print(np.sort(m, axis=1))
print(np.sort(m, axis=None))
print(np.argsort(m, axis=0), np.argsort(m, axis=None))
print(np.sort(m[:, ::-1], axis=1)['k'])
print(np.sort(np.zeros(0, dtype=dt)), np.argsort(np.zeros((2, 0), dtype=dt)))
try:
    np.sort(a, kind='bogus')
except ValueError as e:
    print('ValueError:', e)
try:
    np.sort(a, axis=3)
except Exception as e:
    print(type(e).__name__, e)
