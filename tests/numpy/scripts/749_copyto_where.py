# np.copyto(where=...): masked writes, NumPy's mask broadcasting, casting and errors
import numpy as np
a = np.zeros(4); np.copyto(a, [1, 2, 3, 4], where=[1, 0, 1, 0]); print(a)
a = np.zeros(4, int)
try:
    np.copyto(a, 1.5, where=[True, False, True, False])
except Exception as e:
    print(type(e).__name__, e)
a = np.zeros((2, 3)); np.copyto(a, np.arange(3), where=np.array([[True], [False]])); print(a)
np.copyto(a, 7, where=[1.5, 0, 1]); print(a)
for f in [lambda: np.copyto(a, 1, where=[True, False]), lambda: np.copyto(a, np.arange(2), where=True),
          lambda: np.copyto(a, np.arange(3.), where=np.ones((1, 1, 3), bool))]:
    try:
        f()
        print(a)
    except Exception as e:
        print(type(e).__name__, e)
b = np.arange(6)
np.copyto(b[1:], b[:-1], where=b[1:] % 2 == 0); print(b)
c = np.arange(6.).reshape(2, 3); np.copyto(c, c.T[::-1].T[:, ::-1] * 10, where=c > 2); print(c)
r = np.arange(4); r.flags.writeable = False
try:
    np.copyto(r, 1, where=[True, False, True, False])
except Exception as e:
    print(type(e).__name__, e)
d = np.zeros(3, dtype='i1'); np.copyto(d, np.array([300, 2, 3]), casting='unsafe', where=[True, True, False]); print(d)
np.copyto(d, 5, where=False); print(d)
