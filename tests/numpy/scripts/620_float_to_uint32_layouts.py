# float -> uint32 of NaN and out-of-range values: NumPy's contiguous cast
# loop is vectorised four lanes at a time (32-bit conversion), its scalar
# code truncates a 64-bit conversion; which one an element gets depends on
# the layout and on its position in the run.
import numpy as np

def cls(r):
    return ''.join('V' if x == 2147483648 else 's' if x == 0 else '?' for x in r)

for ft in ['f8', 'f4', 'c16', 'c8', '>f8', '>f4', '>c16', 'f2']:
    print(ft, ' '.join(cls(np.full(n, np.nan, dtype=ft).astype('u4')) for n in [1, 3, 4, 5, 7, 8, 9, 13, 16, 17]))
    r = cls(np.full(300, np.nan, dtype=ft).astype('u4'))
    print(ft, 300, r.count('V'), r.rfind('V'), r.find('s'))

a = np.full((3, 6), np.nan)
print([cls(r) for r in a.astype('u4')], [cls(r) for r in a.T.astype('u4')])
print([cls(r) for r in a.T.astype('u4', order='C')], [cls(r) for r in a[:, :5].astype('u4')])
print(cls(np.full(9, np.nan)[::-1].astype('u4')), cls(np.full(18, np.nan)[::2].astype('u4')))
for dst, src in [(slice(None, None, -1), slice(None)), (slice(None), slice(None, None, -1)),
                 (slice(None, None, -1), slice(None, None, -1))]:
    d = np.zeros(9, 'u4')
    np.copyto(d[dst], np.full(9, np.nan)[src], casting='unsafe')
    print(cls(d))
d = np.zeros(16, 'u4'); np.copyto(d[::2], np.full(8, np.nan), casting='unsafe'); print(cls(d[::2]))
d = np.zeros(9, 'u4'); d[:] = np.full(9, np.nan); print(cls(d))
print(np.float64(np.nan).astype('u4'), np.array(np.nan).astype('u4'), np.full(3, np.nan).astype('u4'))
vals = [np.nan, np.inf, -np.inf, 3e9, -3e9, 1e20, -1e20, -70000.0, 4294967296.0, -2147483649.0, 9.3e18, -9.3e18, -1.0]
x = np.array(vals * 2)
print(x.astype('u4'), x[:13].astype('u4'), x[::2].astype('u4'))
print(x.astype('f4').astype('u4'), x.astype('c16').astype('u4'), x.astype('>f8').astype('u4'))
