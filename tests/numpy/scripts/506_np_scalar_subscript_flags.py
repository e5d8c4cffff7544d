# NumPy scalars: s[()], s[...], s[None] index a 0-d copy; .flags is read-only
import numpy as np

for s in [np.float64(2.5), np.int16(3), np.bool_(True), np.complex64(1 - 2j), np.uint8(7)]:
    for idx in [(), Ellipsis, None, 0, slice(None), (Ellipsis, None), np.array(True), 'a', 1.5]:
        try:
            r = s[idx]
            print(repr(r), type(r).__name__, getattr(r, 'shape', None))
        except IndexError as e:
            print('IndexError', e)
    f = s.flags
    print(f.writeable, f.owndata, f.c_contiguous, f['C_CONTIGUOUS'], f.aligned, f.f_contiguous, f.writebackifcopy)
    try:
        f.writeable = False
    except ValueError as e:
        print('ValueError', e)
    try:
        f['W'] = True
    except ValueError as e:
        print('ValueError', e)
    try:
        f.c_contiguous = True
    except AttributeError as e:
        print('AttributeError', e)
print(np.float64(1).flags)
print(np.float64(2.5)[()] + 1, np.int64(4)[...] * 2)
