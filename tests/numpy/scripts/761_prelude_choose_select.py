# np.choose (modes, out=, promotion) and np.select / np.piecewise (prelude)
import numpy as np


def show(x):
    print(repr(x), x.dtype, x.shape)


def err(fn):
    try:
        print(fn())
    except Exception as ex:
        print(type(ex).__name__, ex)


choices = [[0, 1, 2, 3], [10, 11, 12, 13], [20, 21, 22, 23], [30, 31, 32, 33]]
show(np.choose([2, 3, 1, 0], choices))
show(np.choose([2, 4, 1, 0], choices, mode='clip'))
show(np.choose([2, 4, 1, -1], choices, mode='wrap'))
show(np.choose([-5, 7, 1, 0], choices, mode='clip'))
a = np.array([[1, 0, 1], [0, 1, 0], [1, 0, 1]])
show(np.choose(a, (-10, 10)))
show(np.choose(np.array([0, 1, 1], np.uint8), (np.array([1, 2, 3], np.int8), np.array([1.5, 2.5, 3.5], np.float32))))
show(np.choose([0, 1], (np.array([1, 2], np.int8), 1000)))
show(np.choose([0, 1], (np.array([1, 2], np.int8), 5)))
show(np.choose([1, 0], (np.array([True, False]), np.array([1j, 2j]))))
show(np.choose(np.array([[0], [1]]), (np.arange(3), np.arange(3) * 10)))
show(np.choose(1, (np.arange(3), np.arange(3) * 10)))
show(np.choose(np.zeros((0,), int), (np.arange(3)[:0],)))
out = np.zeros(4)
r = np.choose([1, 0, 1, 0], [[1, 2, 3, 4], [5, 6, 7, 8]], out=out)
print(r is out, out)
out = np.zeros(3, np.int8)
np.choose([1, 0, 1], [np.array([1.7, 2.2, 3.9]), [4, 5, 6]], out=out)
print(out)
err(lambda: np.choose([2, 5, 1, 0], choices))
err(lambda: np.choose([0, 1], [[1, 2], [3, 4, 5]]))
err(lambda: np.choose([0, 1, 0, 1], choices, mode='bogus'))
err(lambda: np.choose([0.5, 1], choices))

# select: first true condition wins, default elsewhere
x = np.arange(6)
show(np.select([x < 3, x > 3], [x, x ** 2]))
show(np.select([x < 3, x > 3], [x, x ** 2], 42))
show(np.select([x <= 4, x > 3], [x, x ** 2], 55))
show(np.select([x < 2, x > 4], [x.astype(np.int8), 1000]))
show(np.select([x < 2, x > 4], [x.astype(np.int8), 5]))
show(np.select([x < 2], [x.astype(np.int8)], 2.5))
show(np.select([x < 2], [x.astype(np.float32)], 1j))
show(np.select([x < 2], [x.astype(np.uint16)], -1))
show(np.select([True, False], [1, 2], 3))
show(np.select([np.array(False), np.array(True)], [1, 2.5], 3))
show(np.select([x < 3], [7]))
show(np.select([[True], [False]], [[1, 2, 3], [4, 5, 6]], [[0], [9]]))
show(np.select([np.ones((2, 1), bool)], [np.arange(3)]))
m = np.arange(12.).reshape(3, 4)[:, ::2]
show(np.select([m > 5, m > 1], [m * 10, -m], np.nan))
show(np.select([x < 0], [x], default=np.arange(6)[::-1]))
err(lambda: np.select([x < 3], [x, x]))
err(lambda: np.select([], []))
err(lambda: np.select([x], [x]))
err(lambda: np.select([x < 3, [0, 1, 0, 1, 0, 1]], [x, x]))
err(lambda: np.select([x < 3], [np.arange(4)]))
err(lambda: np.select([x < 3, np.ones(4, bool)], [1, 2]))

# piecewise
y = np.linspace(-2.5, 2.5, 6)
show(np.piecewise(y, [y < 0, y >= 0], [-1, 1]))
show(np.piecewise(y, [y < 0, y >= 0], [lambda v: -v, lambda v: v]))
show(np.piecewise(y, [y < -1, y > 1], [0, lambda v: v * 2, 7]))
show(np.piecewise(y, y > 0, [lambda v: v + 100]))
show(np.piecewise(y, [y > 0], [lambda v, k: v * k, 0], 3))
show(np.piecewise(y, [y > 0], [lambda v, k=1: v * k], k=-1))
show(np.piecewise(-2, [-2 < 0, -2 >= 0], [lambda v: -v, lambda v: v]))
show(np.piecewise(np.array(3.5), True, [lambda v: v * 2]))
show(np.piecewise(np.arange(6).reshape(2, 3), [np.arange(6).reshape(2, 3) % 2 == 0], [lambda v: v * 10, -1]))
show(np.piecewise(np.arange(4, dtype=np.int8), [[True, False, True, False]], [2.7]))
err(lambda: np.piecewise(y, [y < 0, y > 0], [1]))
err(lambda: np.piecewise(y, [y < 0], [1, 2, 3]))
