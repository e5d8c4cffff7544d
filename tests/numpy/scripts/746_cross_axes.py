import numpy as np


def show(f):
    try:
        r = f()
        print(type(r).__name__, r.dtype, r.shape, r.strides if r.size else '-', r.tolist())
    except Exception as e:
        print(type(e).__name__, e)


dts = [np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32, np.int64, np.uint64,
       np.float16, np.float32, np.float64, np.complex64, np.complex128]
x = np.array([[1, -2, 3], [4, 5, -6], [70, 8, 9], [-1, 0, 2]])
y = np.array([[7, 8, 9], [1, 0, -1], [2, 100, 3], [5, 5, 5]])
for dt in dts:
    a = x.astype(dt)
    b = y.astype(dt)
    show(lambda: np.cross(a, b))
    show(lambda: np.cross(a[:, :2], b))
    show(lambda: np.cross(a, b[:, 1:]))
    show(lambda: np.cross(a[:, :2], b[:, ::2]))
    show(lambda: np.cross(a.T, b.T, axis=0))
    show(lambda: np.cross(a.T, b, axisa=0))
    show(lambda: np.cross(a, b.T, axisb=0, axisc=0))
    show(lambda: np.cross(a[0], b))
    show(lambda: np.cross(a[:, :2], b[1, :2]))
    show(lambda: np.cross(a[::-2], b[1::2, ::-1]))
    show(lambda: np.cross(a / 3 if a.dtype.kind != 'u' else a, b * 1.5))
# mixed types promote first; bool has no subtract
show(lambda: np.cross(x.astype(np.int8), y))
show(lambda: np.cross(x.astype(np.uint8), y.astype(np.int8)))
show(lambda: np.cross(x[:, :2].astype(np.int8), y[0, :2]))
show(lambda: np.cross(x.astype(np.float32), y.astype(np.float16)))
show(lambda: np.cross(x > 0, y > 0))
show(lambda: np.cross((x > 0)[:, :2], (y > 0)[:, :2]))
show(lambda: np.cross((x > 0)[:, :2], y > 0))
show(lambda: np.cross(x > 0, (y > 0)[:, :2]))
show(lambda: np.cross(x > 0, y))
# axes and broadcasting in 3-d
c = np.arange(24).reshape(2, 3, 4)
d = np.arange(24, 48).reshape(2, 3, 4)[::-1]
show(lambda: np.cross(c, d, axis=1))
show(lambda: np.cross(c, d, axisa=1, axisb=1, axisc=2))
show(lambda: np.cross(c, d, axisa=1, axisb=1, axisc=-3))
show(lambda: np.cross(c, d, axisa=1, axisb=-2, axisc=0))
show(lambda: np.cross(c[:, :2], d[:, :2], axisa=1, axisb=1, axisc=5))
show(lambda: np.cross(c, d[0, :, 0], axisa=1))
show(lambda: np.cross(c[:, :, :3], d[:1, :2, :3]))
show(lambda: np.cross(c[:, :, :3], d[:, :1, :3]))
show(lambda: np.cross(c[:, :, :3], d[:, :, :2], axisc=0))
show(lambda: np.cross(c[:, :, :2], d[0, :, :2]))
show(lambda: np.cross([1, 2], [3, 4]))
show(lambda: np.cross([1.5, 2], [3, 4j]))
show(lambda: np.cross(np.zeros((0, 3)), np.zeros((0, 3))))
show(lambda: np.cross(np.zeros((0, 2)), np.zeros((5, 0, 2))))
show(lambda: np.cross(np.zeros((3, 0)), np.zeros((3, 0)), axis=0))
show(lambda: np.cross([1, 2, 3], [4, 5, 6], axis=None))
show(lambda: np.cross([[1, 2, 3]], [[4, 5, 6]], axis=np.int64(1)))
print(np.cross([1.0, 2, 3], [4, 5, 6]), np.cross([[1, 2]], [[3, 4]]), repr(np.cross([1, 2], [3, 4])))
print(np.cross(np.eye(3), [1, 2, 3]), np.cross(np.arange(6).reshape(2, 3), np.arange(6, 12).reshape(2, 1, 3)).tolist())
# NumPy's errors
for bad in [lambda: np.cross(c, d), lambda: np.cross(c, d, axisa=0), lambda: np.cross(c, d, axisa=3),
            lambda: np.cross(c, d, axisa=1, axisb=-4), lambda: np.cross(c, d, axis=1, axisc=7),
            lambda: np.cross(c, d, axisa=1, axisb=1, axisc=3), lambda: np.cross(c[:, :, :3], d[:, :, :3], axisc=-4),
            lambda: np.cross(c[:, :, :3], d[:, :2, :3]), lambda: np.cross(5, [1, 2]), lambda: np.cross([1, 2, 3], 5),
            lambda: np.cross([1], [2, 3]), lambda: np.cross([1, 2, 3, 4], [1, 2, 3]), lambda: np.cross([1, 2], [3, 4], axisa=1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
