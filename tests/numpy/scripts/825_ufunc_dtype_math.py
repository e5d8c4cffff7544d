import numpy as np
a = np.arange(1, 4, dtype=np.int8); f = np.array([1.5, 2.5])
cases = [('log10 f2', lambda: np.log10(a, dtype=np.float16)), ('log10 f8', lambda: np.log10(a, dtype='f8')), ('log10 i4', lambda: np.log10(a, dtype='i4')),
         ('arctan2', lambda: np.arctan2(a, 2, dtype='f8')), ('hypot f2', lambda: np.hypot(a, a, dtype=np.float16)), ('fmod i', lambda: np.fmod(a, 2, dtype='i2')),
         ('fmod f->i', lambda: np.fmod(f, 2, dtype='i8')), ('square u1', lambda: np.square(a, dtype='u1')), ('cbrt c', lambda: np.cbrt(f, dtype='c16')),
         ('log2 c8', lambda: np.log2(a, dtype='c8')), ('fmax', lambda: np.fmax(a, f[:1], dtype='f4')), ('degrees', lambda: np.degrees(1, dtype='f4')), ('bad', lambda: np.log10(a, dtype='x9'))]
for name, fn in cases:
    try:
        print(name, repr(fn()))
    except Exception as e:
        print(name, type(e).__name__, e)
print(np.negative(np.array([1.5]), dtype='i8') if False else '')
try:
    np.negative(np.array([1.5]), dtype='i8')
except Exception as e:
    print(type(e).__name__, e)
