# np.partition / np.argpartition / a.partition: NumPy's introselect places every element, not just the kth
import numpy as np
np.random.seed(3)
dts = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float16', 'float32', 'float64', 'complex64', 'complex128', 'bool']
for dt in dts:
    for n in [1, 2, 3, 5, 10, 33, 257]:
        a = (np.random.randint(0, 50, n) - 10).astype(dt)
        if dt.startswith('float') and n > 5:
            a[::7] = np.nan
        if dt.startswith('complex'):
            a = a + 1j * (np.random.randint(0, 3, n)).astype(dt)
        for kth in [0, n // 2, n - 1, -1, [0, n - 1], [n // 3, n // 2, n - 1], list(range(0, n, 3))]:
            print(dt, n, kth, np.partition(a, kth).tolist() == sorted(a.tolist()) if False else '', np.partition(a, kth), np.argpartition(a, kth))
b = np.random.rand(6, 7, 5)
print(np.partition(b, 2, axis=0)); print(np.argpartition(b, [1, 3], axis=1)); print(np.partition(b, 4, axis=None)); print(np.argpartition(b, 3, axis=None))
c = b[:, ::2].T.copy(order='F')[::-1]
print(np.partition(c, 1, axis=1), np.argpartition(c, 2))
d = np.random.rand(1000)
d[np.random.randint(0, 1000, 50)] = 0.5
print(np.partition(d, [10, 500, 900])[::37], np.argpartition(d, [10, 500, 900])[::37])
e = np.arange(300)[::-1].copy(); e = np.roll(e, 150)
print(np.partition(e, 150)[::7], np.argpartition(e, 150)[::7])
x = np.arange(10.)[::-1].astype('>f8')
print(np.partition(x, 3), x.dtype)
x.partition(4); print(x)
y = np.array([3, 1, 2]); y.flags.writeable = False
for f in [lambda: y.partition(1), lambda: np.partition(np.arange(5), 7), lambda: np.partition(np.arange(5), -7), lambda: np.partition(np.array(5), 0), lambda: np.argpartition(np.array(5), 0), lambda: np.partition(np.arange(5), [[1]]), lambda: np.partition(np.arange(5), 1.5), lambda: np.partition(np.zeros((2, 0)), 0, axis=1), lambda: np.partition(np.zeros((2, 0)), 5, axis=0), lambda: np.argpartition(np.arange(6).reshape(2, 3), 1, axis=None), lambda: np.partition(np.arange(5), []), lambda: np.partition(np.arange(5.), 2, kind='quick'), lambda: np.partition(np.arange(1), 5), lambda: np.partition([3, 1, 2], 1), lambda: np.argpartition(np.arange(4), np.array([1, 2], dtype='uint8')), lambda: np.partition(np.arange(4), np.uint64(1)), lambda: np.partition(np.arange(5), 2, axis=3)]:
    try:
        print(repr(f()))
    except Exception as ex:
        print(type(ex).__name__, ex)
r = np.array([(2, 1.0), (1, 2.0), (3, 0.5)], dtype=[('a', 'i4'), ('b', 'f8')])
print(np.partition(r, 1), np.argpartition(r, 1))
for k in [np.array([1], dtype='uint64'), np.uint64(2**63 + 1), np.array(1, dtype='uint64'), np.array([True, False]), np.float64(1)]:
    try:
        print(np.partition(np.arange(4), k))
    except Exception as ex:
        print(type(ex).__name__, ex)
