# np.put / a.put and np.choose / a.choose (prelude), NumPy's modes and errors
import numpy as np
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
a = np.arange(5)
t(lambda: np.put(a, [7], 1)); t(lambda: np.put(a, [-6], 1)); t(lambda: np.put(a, [1.5], 1)); print(a)
t(lambda: np.put(np.zeros(0), [0], 1))
r = np.arange(3); r.flags.writeable = False
t(lambda: np.put(r, [0], 1)); t(lambda: np.put([1, 2], [0], 1))
b = np.arange(5); np.put(b, [0, 7, -8], [10, 20], mode='wrap'); print(b); np.put(b, [-1, 9], [5], mode='clip'); print(b)
c = np.arange(6).reshape(2, 3); np.put(c, [[0, 5]], [-1, -2]); print(c)
d = np.arange(6.).reshape(2, 3).T; d.put([1, 4], [7.5, 8.5]); print(d)
t(lambda: np.choose([0, 3], [[1, 2], [3, 4]])); t(lambda: np.choose([0, 1], [[1, 2], [3.5, 4]]))
t(lambda: np.choose([[0], [1]], [[1, 2], [3, 4]])); t(lambda: np.choose([0, 5, -1], [[1, 2, 3], [4, 5, 6]], mode='wrap'))
t(lambda: np.choose([0, 5, -1], [[1, 2, 3], [4, 5, 6]], mode='clip')); t(lambda: np.choose(1, [1, np.arange(3)]))
t(lambda: np.choose([0, 1.5], [[1, 2], [3, 4]])); t(lambda: np.choose([0, 1], [[1, 2], [3, 4, 5]]))
print(np.array([2, 0, 1]).choose([[1, 1, 1], [2, 2, 2], [3, 3, 3]]))
o = np.zeros(3, 'f4'); np.choose([1, 0, 1], [np.arange(3), np.arange(3) * 10], out=o); print(o)
