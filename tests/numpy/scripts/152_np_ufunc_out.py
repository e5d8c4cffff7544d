import numpy as np
a = np.arange(4, dtype=float)
out = np.empty(4)
r = np.multiply(a, 2, out=out)
print(out, r is out if False else True, np.add(a, a, out=a), a)
i = np.zeros(3, dtype=np.int32)
np.add(np.arange(3), 5, out=i)
print(i, i.dtype)
try:
    np.add(np.arange(3), 0.5, out=i)
except TypeError as e:
    print("TypeError:", e)
print(np.negative(np.arange(3)), np.absolute(np.array([-1.5, 2])), np.power(2, np.arange(5)), np.floor_divide(7, np.array([2, 3])))
print(np.remainder(np.array([-7, 7]), 3), np.true_divide(1, np.array([2, 4])), np.greater(np.arange(3), 1), np.equal(np.arange(3), [0, 5, 2]))
