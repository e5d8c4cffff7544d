# A Python float stored into an integer array goes through a Python int
# and a C long, as NumPy's setitem does: nan and inf raise, big values
# raise or wrap, even into an empty selection
import numpy as np


def store(dt, idx, v, n=3):
    a = np.zeros(n, dt)
    try:
        if idx == 'fill':
            a.fill(v)
        else:
            a[idx] = v
        print(dt, idx, v, a)
    except Exception as e:
        print(dt, idx, v, '!', type(e).__name__, e)


for dt in ['i1', 'u1', 'i2', '>u2', 'i4', 'u4', 'i8', 'u8', '?']:
    for v in [np.inf, -np.inf, np.nan, 1e10, -1.5, 2.7, 1e19, -1e19, 3e9, -3e9, -0.0]:
        for idx in [0, slice(None), Ellipsis, 'fill', (1,)]:
            store(dt, idx, v)
        store(dt, [1], v)
        store(dt, np.array([True, False, True]), v)
for v in [np.nan, np.inf, 1e30, 2.5]:
    store('u1', slice(None), v, 0)
    store('i8', [], v, 0)
# NumPy float scalars go through int() for signed types without index arrays
for v in [np.float64(np.nan), np.float32(np.inf), np.float64(1e10), np.float16(-2.5), np.complex128(1e10)]:
    for idx in [0, slice(None), 'fill', ()]:
        store('i2', idx, v)
# index errors come first, except the bounds of index arrays
for idx in [5, [5], np.array([True, False]), (0, 0), 'x', 1.5, (Ellipsis, 5)]:
    for v in [np.nan, 1e30, 1.5, 1 + 0j]:
        store('i2', idx, v)
a = np.zeros((2, 2), 'i4')
a[1] = 1e10
a[0, 1:] = -7.9
print(a)
