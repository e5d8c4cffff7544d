# Unstructured void ('V4') arrays: casts to and from raw bytes, truth
# values (any/all/where/compress), and NumPy's can_cast rules for them.
import numpy as np

d2 = np.dtype([('a', 'i4'), ('b', 'f8')])
d1 = np.dtype([('a', 'i4')])
pairs = [('V2', 'V2'), ('V2', 'V4'), ('V4', 'V2'), ('V2', bool), ('V2', 'i4'), ('i4', 'V2'), ('i4', 'V4'),
         ('V4', d2), (d2, 'V12'), (d2, 'V4'), ('V12', d2), (d1, 'V4'), (d1, bool), (bool, 'V1'),
         ('f8', 'V16'), ('f8', 'V8'), ('f8', 'V7'), ('c16', 'V16'), ('V16', 'c16'), (d1, 'V2'), (d1, 'i8'),
         ('V4', d1), ('>i4', 'V4')]
for c in ['no', 'equiv', 'safe', 'same_kind', 'unsafe']:
    print(c, [int(np.can_cast(a, b, c)) for a, b in pairs])

v = np.zeros((2, 3), 'V2')
v.view('u1').reshape(-1)[3] = 1
print(v.any(), v.all(), v.any(axis=0), v.all(axis=1), v.any(keepdims=True))
print(v.astype(bool))
print(np.where(v, 1, 2), np.where(v))
w = np.zeros(0, 'V2')
print(w.any(), w.all())

x = np.array([(7,), (8,)], d1)
print(x.astype('V4').view('u1'), x.astype('V2').view('u1'), x.astype('V8').view('u1'))
print(np.array([1, 2], '>i4').astype('V4').view('u1'))
print(np.array([1 + 2j], 'c8').astype('V8').view('u1'), np.array([1.5], 'f2').astype('V4').view('u1'))
print(np.array([1 + 2j], '>c8').astype('V8').view('u1'))
print(np.array([1, 2], 'i4').astype('V4').dtype, np.array([True, False]).astype('V3').view('u1'))
v3 = np.zeros(4, 'V3')
v3.view('u1')[4] = 1
v3.view('u1')[11] = 9
print(v3.astype('V6').view('u1'), v3.astype('V2').view('u1'))
print(np.ones(2, 'V4').view('u1'), np.ones(2, 'V12').view('u1'), np.full(2, 2.5, 'V8').view('u1'))

a = np.zeros(2, 'V4')
a[:] = np.array([1, 2], 'i2')
print(a.view('u1'))

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

show(lambda: v3.astype('i4'))
show(lambda: v3.astype(d2))
show(lambda: np.zeros(2, 'V12').astype(d2))
show(lambda: np.where(np.zeros(2, d2), 1, 2))
show(lambda: np.zeros(2, d2).astype('V12'))
show(lambda: np.zeros(2, 'V4').fill(7))
show(lambda: np.zeros(2, 'V4').fill(2.5))
print(np.where(x, 1, 2), x.any(), np.compress(np.ones(3, 'V1'), [1, 2, 3]), np.compress(np.zeros(2, d2), [1, 2]))

# the binary logical ufuncs cast raw bytes and one-field records to bool
lv = np.zeros(3, 'V2')
lv.view('u1')[3] = 1
ld = np.zeros(3, [('a', 'i4')])
ld['a'][0] = 2
show(lambda: np.logical_or(lv, lv))
show(lambda: np.logical_and(lv, 1))
show(lambda: np.logical_xor(lv, np.array([True, False, True])))
show(lambda: np.logical_or(ld, ld))
show(lambda: np.logical_and(lv, ld))
show(lambda: np.logical_not(lv))
show(lambda: np.logical_or(1.5, lv))
show(lambda: np.logical_or(np.zeros(2, d2), 1))
