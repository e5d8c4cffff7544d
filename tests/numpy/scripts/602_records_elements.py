# numpy.void elements: views of one record; tuple assignment; iteration.
import numpy as np

a = np.array([(1, 2.0), (3, 4.0), (5, 6.0)], dtype=[('i', 'i8'), ('f', 'f8')])
r = a[1]
print(r, repr(r), type(r), r.dtype, r['f'], r[0], type(r['i']))
r['f'] = 40.5
print(a)
a[0] = (10, 20.5)
a[2] = 7
print(a)
a[1:] = [(8, 8.5), (9, 9.5)]
print(a, len(a[0]))
for rec in a:
    print(rec, rec['i'] + 1)
print(a[-1].item(), a[0].tolist())
print([tuple(x) for x in a.tolist()])
s = np.zeros(2, dtype=[('n', [('a', 'i4'), ('b', 'i4')]), ('z', 'f4')])
s[0]['n']['a'] = 5
s['n']['b'] = [6, 7]
print(s, s[1]['n'])
