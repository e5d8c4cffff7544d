# a.flat: NumPy's flatiter (copies on read, writes through, values repeat to fill)
import numpy as np
a = np.arange(12).reshape(3, 4)[:, ::2]
f = a.flat
tests = [3, -1, slice(1, 4), slice(None, None, -1), Ellipsis, [1, 2], np.array([[0, 1], [2, 3]]),
         np.array([True, False] * 3), (1,), (1, 2), 1.5, 100, np.array([True, False]), None, True, False,
         np.int8(2), [True, False, True, False, True, False], np.array([True] * 7),
         np.array([[True, False, True], [False, True, False]]), np.array(2), np.array([1.5]), np.array(True), [],
         np.array([], dtype=int), [-1, -6], [6]]
for t in tests:
    try:
        r = f[t]
        print(repr(t), repr(r), type(r).__name__, np.shares_memory(r, a) if isinstance(r, np.ndarray) else '')
    except Exception as e:
        print(repr(t), type(e).__name__, e)
for k, v in [(slice(None), [7, 8]), ([0, 5], 9), (np.array([True] * 6), [1, 2, 3, 4]), (2, 5.7),
             (slice(1, 3), np.array([[1], [2]])), (Ellipsis, 3), ([1, 1, 1], [1, 2, 3]), (slice(0, 0), [1]),
             (slice(None), []), (7, 1), (-1, 4)]:
    b = np.zeros((3, 4))[:, 1:3]
    try:
        b.flat[k] = v
        print(b.tolist())
    except Exception as e:
        print(type(e).__name__, e)
b = np.zeros((2, 3))
b.flat = [1, 2]
print(b)
b = np.zeros((2, 3), dtype='i1')
b.flat = -3
print(b)
c = np.arange(4)
c.flags.writeable = False
try:
    c.flat[0] = 1
except Exception as e:
    print(type(e).__name__, e)
try:
    c.flat = 1
except Exception as e:
    print(type(e).__name__, e)
print(c)
print(np.arange(6).reshape(2, 3).T.flat[[1, 2]], np.array(5).flat[0], list(np.array(5).flat))
print(type(a.flat).__name__, a.flat.base is a, len(a.flat), list(a.flat), np.array(a.flat), a.flat.copy(), 4 in a.flat)
print(sum(a.flat), [x * 2 for x in a.flat], np.sum(a.flat), a.flat.index, a.flat.coords)
d = np.arange(24.).reshape(2, 3, 4).transpose(2, 0, 1)
d.flat[::5] = -1
print(d)
for x in d[0].flat:
    print(x, end=' ')
print()
e = np.arange(6, dtype='>i4')
e.flat[[0, 2]] = [100, 200]
print(e, e.flat[1:3])
