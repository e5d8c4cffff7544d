# np.take_along_axis / np.put_along_axis (prelude): axes, axis=None, dtypes, broadcasting, errors
import numpy as np


def show(x):
    print(repr(x), x.dtype, x.shape)


a = np.array([[10, 30, 20], [60, 40, 50]])
ai = np.argsort(a, axis=1)
show(np.take_along_axis(a, ai, axis=1))
show(np.take_along_axis(a, ai, axis=-1))
ai0 = np.argsort(a, axis=0)
show(np.take_along_axis(a, ai0, axis=0))
show(np.take_along_axis(a, np.argmax(a, axis=1)[:, None], axis=1))
show(np.take_along_axis(a, np.array([[0], [2]], np.int8), 1))
show(np.take_along_axis(a, np.array([[2, 0]], np.uint16), 1))
# axis=None works on the flattened array
show(np.take_along_axis(a, np.array([5, 0, 3]), None))
show(np.take_along_axis(a.T, np.array([0, 1, 2]), axis=None))
# results are copies
t = np.take_along_axis(a, ai, 1)
print(np.shares_memory(t, a), t.flags.c_contiguous)
# dtypes
for dt in ['?', 'i1', 'u2', 'i8', 'u8', 'f2', 'f4', 'f8', 'c8', 'c16']:
    x = np.arange(12).reshape(3, 4).astype(dt)[:, ::-1]
    show(np.take_along_axis(x, np.array([[1, 0], [3, 3], [2, 0]]), 1))
# 3-d, non-contiguous and broadcasting index shapes
b = np.arange(24).reshape(2, 3, 4)
show(np.take_along_axis(b, np.argsort(-b, axis=1), axis=1))
show(np.take_along_axis(b, np.zeros((1, 1, 2), int), axis=2))
show(np.take_along_axis(b[:, ::2, ::-1], np.array([[[1], [0]]]), 0))
show(np.take_along_axis(b, np.zeros((2, 3, 0), int), 2))
show(np.take_along_axis(np.zeros((2, 0)), np.zeros((2, 0), int), 1))

# put_along_axis writes in place and returns None
c = np.array([[10, 30, 20], [60, 40, 50]])
print(np.put_along_axis(c, np.argmax(c, axis=1)[:, None], 99, axis=1))
print(c)
np.put_along_axis(c, np.array([[0, 1, 1]]), np.array([-1, -2, -3]), 0)
print(c)
np.put_along_axis(c, np.array([[1], [0]]), [[7.9], [8.2]], 1)
print(c)
d = np.zeros((2, 3))
np.put_along_axis(d, np.array([0, 5, 4]), [1, 2], axis=None)
print(d)
e = np.zeros((3, 4), 'c8')[:, ::2]
np.put_along_axis(e, np.array([[1], [0], [1]]), 1 + 2j, axis=1)
print(e)
f = np.arange(24.).reshape(2, 3, 4)
np.put_along_axis(f, np.argsort(f, axis=-1)[..., :1], -1, axis=-1)
print(f)
g = np.zeros(5, bool)
np.put_along_axis(g, np.array([4, 1]), True, 0)
print(g)

for fn in [lambda: np.take_along_axis(a, np.array([[0.0]]), 1),
           lambda: np.take_along_axis(a, np.array([[True]]), 1),
           lambda: np.take_along_axis(a, np.array([0]), 1),
           lambda: np.take_along_axis(a, np.array([[0]]), 2),
           lambda: np.take_along_axis(a, np.array([[0]]), -3),
           lambda: np.take_along_axis(a, np.array([[0, 1]]), None),
           lambda: np.take_along_axis(a, np.array([[5]]), 1),
           lambda: np.take_along_axis(a, np.array([[0], [1], [0]]), 1),
           lambda: np.take_along_axis(a, np.array([[0]]), 1.0),
           lambda: np.take_along_axis(a, [[0]], 1),
           lambda: np.put_along_axis(a, np.array([[0.5]]), 1, 1),
           lambda: np.put_along_axis(a, np.array([0]), 1, 0),
           lambda: np.put_along_axis(a, np.array([[0]]), 1, 5),
           lambda: np.put_along_axis(a, np.array([[7]]), 1, 0)]:
    try:
        print(fn())
    except Exception as ex:
        print(type(ex).__name__, ex)
