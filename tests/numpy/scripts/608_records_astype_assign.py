# Copies between record dtypes go by field position (names ignored), with
# each field cast as astype casts it; comparisons then see the new values.
import numpy as np

src = np.array([(1, 2.5, True), (-3, np.nan, False), (300, -0.0, True)],
               dtype=[('i', '<i4'), ('f', '<f8'), ('b', '?')])
dst = src.astype([('x', '>i2'), ('y', '<f4'), ('z', '<i8')])
print(dst, dst.dtype)
print(dst['x'], dst['z'], dst['y'].dtype)
back = dst.astype(src.dtype)
print(back == src, back['i'])
same = src.astype([('i', '<i8'), ('f', '<f8'), ('b', '?')])
print(same == src)
print(same != src)

out = np.zeros(3, dtype=[('p', '<u1'), ('q', '<f2'), ('r', '?')])
out[...] = src
print(out)
out[1:] = src[:2]
print(out)
np.copyto(out, src[::-1], casting='unsafe')
print(out)
c = src.copy()
c[0] = src[2]
print(c == src, np.shares_memory(c, src))
try:
    src.astype([('x', '<i4'), ('y', '<f8')])
except Exception as e:
    print(type(e).__name__, e)
try:
    src.astype('<f8')
except Exception as e:
    print(type(e).__name__, e)

nested = np.zeros(2, dtype=[('in', [('a', '<i2'), ('b', '<i2')]), ('w', '<f8', (2,))])
nested['in']['a'] = [1, 2]
nested['w'] = [[0.5, 1.5], [2.5, 3.5]]
flat = nested.astype([('m', [('c', '<f4'), ('d', '>i4')]), ('v', '<i4', (2,))])
print(flat, flat == nested.astype(flat.dtype))
print(np.sort(flat[::-1]), np.argsort(flat[::-1]))
