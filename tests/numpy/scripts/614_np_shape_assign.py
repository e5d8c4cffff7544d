# x.shape = s changes the array in place (NumPy's array_shape_set); shape arguments.
import numpy as np
def t(a, s):
    try:
        a.shape = s
        print('ok', a.shape, a.strides, a.flags.c_contiguous, a.flags.f_contiguous, a.flags.owndata, a.base is None)
    except Exception as e:
        print(type(e).__name__, e)
for s in [(3,), 4, [2, 2], (2, -1), (-1,), (1, 4, 1), (), (2.0, 2), 'ab', (-1, -1), (5, -1), (0, -1), (2, 2, 1, 1, 1, 1, 1, 1, 1), np.int64(4), np.array([2, 2]), (np.int8(2), 2), (-2, 2), (True, 4)]:
    t(np.zeros(4), s)
t(np.zeros((3, 4))[:, :2], (6,))
t(np.zeros((3, 4))[:, :2], (3, 2, 1))
t(np.zeros((3, 4)).T, (12,))
t(np.zeros((3, 4)).T, (2, 2, 3))
t(np.zeros((3, 4)).T, (4, 3, 1))
t(np.zeros(()), (1, 1))
t(np.zeros(()), ())
t(np.zeros(1), ())
t(np.zeros((0, 3)), (3, 0, -1))
t(np.zeros((0, 3)), (-1,))
t(np.zeros((0, 3)), (0, -1))
a = np.zeros(4); b = a.squeeze(); b.shape = (2, 2); print(a.shape)
b = np.zeros(4); b.shape = (2, 2); print(b.flags.owndata, b.base is None)
c = np.arange(6.); v = c[::2]; w = v[:]; v.shape = (3, 1); print(v, w.shape, v.base is c, w.base is c, v.flags.owndata)
for f in [lambda s: np.zeros(s), lambda s: np.ones(3).reshape(s), lambda s: np.empty(s)]:
  for s in [(True, 3), True, np.array([3]), np.array(3), [np.int64(3)], (np.bool_(True),3)]:
    try: print(f(s).shape)
    except Exception as e: print(type(e).__name__, e)
