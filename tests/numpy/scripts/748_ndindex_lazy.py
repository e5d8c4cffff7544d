import numpy as np


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


# ndindex: ndindex(*shape) and ndindex(shape), iterated lazily
show(lambda: list(np.ndindex(2, 3)))
show(lambda: list(np.ndindex((2, 3))))
show(lambda: list(np.ndindex(np.int64(2), 2)))
show(lambda: list(np.ndindex((np.int8(2),))))
show(lambda: list(np.ndindex(np.array(3))))
show(lambda: list(np.ndindex()))
show(lambda: list(np.ndindex(())))
show(lambda: list(np.ndindex(3, 0)))
show(lambda: list(np.ndindex(*[1] * 32)))
show(lambda: [i for i in np.ndindex(2, 1, 2) if sum(i) % 2])
it = np.ndindex(2, 2)
show(lambda: next(it))
show(lambda: next(it))
show(lambda: list(it))
show(lambda: list(it))
show(lambda: next(it, 'end'))
big = np.ndindex(10 ** 6, 10 ** 6, 10 ** 6)
show(lambda: next(big))
show(lambda: next(big))
for i in np.ndindex(10 ** 9, 10 ** 9):
    if i[1] == 3:
        break
print(i)
n = 0
for i in np.ndindex(10 ** 18):
    n += 1
    if n == 5:
        break
print(i, n)
print(sorted(np.ndindex(2, 2), reverse=True), tuple(np.ndindex(3)), len(list(np.ndindex(4, 5, 6))))
a = np.arange(12).reshape(3, 4)
print([a[i] for i in np.ndindex(a.shape) if a[i] % 5 == 0])
for bad in [lambda: list(np.ndindex([2, 3])), lambda: list(np.ndindex(np.array([2, 3]))), lambda: list(np.ndindex(-1)),
            lambda: list(np.ndindex(2.0)), lambda: list(np.ndindex(shape=3)), lambda: list(np.ndindex(*[1] * 33)),
            lambda: np.ndindex(10 ** 19), lambda: np.ndindex(2 ** 62), lambda: np.ndindex(3, -2, 10 ** 19)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# ndenumerate: (index, NumPy scalar) pairs, lazily, in C order of any layout
dts = [np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32, np.int64, np.uint64,
       np.float16, np.float32, np.float64, np.complex64, np.complex128, np.bool_]
for dt in dts:
    b = (np.arange(24).reshape(2, 3, 4) * 0.75 - 4).astype(dt)
    print(dt.__name__, [(i, v, type(v).__name__) for i, v in np.ndenumerate(b[:, ::-2, 1::2])])
    print(list(np.ndenumerate(b[1, 2, 3])), list(np.ndenumerate(b.T[:1])))
show(lambda: list(np.ndenumerate(np.arange(6).reshape(2, 3)[:, ::-2])))
show(lambda: list(np.ndenumerate(np.array(7.5))))
show(lambda: list(np.ndenumerate(np.zeros((2, 0)))))
show(lambda: list(np.ndenumerate([[1, 2], [3, 4]])))
show(lambda: list(np.ndenumerate(3)))
show(lambda: list(np.ndenumerate(np.array([1 + 2j, 3j]))))
e = np.ndenumerate(np.arange(3))
show(lambda: next(e))
show(lambda: list(e))
show(lambda: next(e, None))
a = np.arange(4)
for i, v in np.ndenumerate(a):  # NumPy reads the array as it goes
    if i[0] < 3:
        a[i[0] + 1] = 100 + i[0]
    print(i, v)
g = np.ndenumerate(np.arange(10 ** 7))
show(lambda: next(g))
show(lambda: next(g))
for i, v in np.ndenumerate(np.ones((1000, 1000, 100), np.int8)):
    if i[2] == 2:
        break
print(i, v)
