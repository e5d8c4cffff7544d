# a.resize in place: shapes, zero fill, F order, NumPy's errors and reference check
import numpy as np
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, repr(str(e)))
a = np.arange(6); a.resize((2, 4)); print(a, a.flags.owndata, a.strides)
a = np.arange(6.); a.resize(3); print(a)
a = np.arange(6); a.resize(2, 2); print(a)
a = np.arange(6); b = a; t(lambda: a.resize(8)); print(a)
a = np.arange(6); v = a[1:]; t(lambda: a.resize(8)); t(lambda: v.resize(3)); t(lambda: v.resize(5)); print(v)
a = np.arange(6); v = a[::2]; t(lambda: v.resize((3, 1))); print(v, v.strides)
a = np.arange(6); a.resize(8, refcheck=False); print(a)
f = np.asfortranarray(np.arange(6).reshape(2, 3)); f.resize((3, 3)); print(f, f.strides, f.flags.f_contiguous)
a = np.arange(6); t(lambda: a.resize(-1)); t(lambda: a.resize((2, -3)))
a = np.arange(6); a.resize(0); print(a, a.shape); a.resize((2, 2)); print(a)
a = np.arange(6); a.resize(()); print(repr(a))
z = np.arange(6); z.resize([3, 2]); print(z)
t(lambda: np.arange(4).resize(5))
c = np.arange(6, dtype='>i2').reshape(2, 3).copy(); c.resize(4, 2); print(c, c.dtype)
r = np.zeros(2, dtype=[('a', 'i4'), ('b', 'f8')]); r['a'] = [1, 2]; r.resize(3); print(r)
m = np.arange(6); m.resize((3, 2)); m.resize(6); print(m, m.resize(), m)
def g(x):
    x.resize(10)
y = np.arange(3)
t(lambda: g(y))
