# set routines from nd's prelude: intersect1d, union1d, setdiff1d, setxor1d
import numpy as np

np.random.seed(7)
ints = [np.random.randint(0, 12, 15), np.random.randint(5, 20, (3, 4))]
for dt in ['int8', 'uint16', 'int64', 'float32', 'float64', 'bool', 'complex128', 'float16', 'uint64']:
    a = ints[0].astype(dt)
    b = ints[1].astype(dt)
    print(dt)
    r = np.intersect1d(a, b)
    print(r, r.dtype)
    r, i1, i2 = np.intersect1d(a, b, return_indices=True)
    print(r, i1, i2, i1.dtype)
    print(np.union1d(a, b), np.union1d(a, b).dtype)
    print(np.setdiff1d(a, b), np.setdiff1d(b, a))
    print(np.setxor1d(a, b), np.setxor1d(a, b).dtype)

# duplicates: return_indices gives the first occurrence
a = np.array([5, 1, 5, 3, 1, 7, 3])
b = np.array([3, 3, 9, 1, 1, 5])
print(np.intersect1d(a, b, return_indices=True))
print(np.intersect1d(np.unique(a), np.unique(b), assume_unique=True, return_indices=True))
print(np.intersect1d([1, 2, 3], [3, 2], assume_unique=True))
print(np.setdiff1d([[4, 1], [2, 9]], [1, 9], assume_unique=True))
print(np.setdiff1d(np.array([4, 1, 4, 2]), [1], assume_unique=True))
print(np.setxor1d([1, 2, 3], [2, 3, 4], assume_unique=True))
print(np.setxor1d([[1, 2], [2, 5]], [5, 7]))

# NaN: unique keeps one NaN; NaN never intersects
x = np.array([np.nan, 1.0, np.nan, 2.0, -0.0])
y = np.array([2.0, np.nan, 0.0, 3.0])
print(np.intersect1d(x, y), np.union1d(x, y), np.setdiff1d(x, y), np.setxor1d(x, y))
print(np.intersect1d(x, y, return_indices=True))

# mixed dtypes, scalars, empty, lists, non-contiguous
print(np.intersect1d(np.arange(10, dtype=np.int8), np.arange(0, 20, 3.0)))
print(np.union1d(np.array([1, 2], np.uint8), np.array([-1, 300], np.int16)))
print(np.union1d(3, [1, 3]), np.setdiff1d(5, [5]), np.setxor1d(2, 3))
e = np.array([], dtype=np.float32)
print(repr(np.intersect1d(e, [1, 2])), repr(np.union1d(e, e)), repr(np.setxor1d(e, e)))
print(repr(np.setdiff1d(e, [1])), repr(np.setdiff1d([1, 2], e)))
print(repr(np.intersect1d(e, e, return_indices=True)))
big = np.arange(40).reshape(5, 8)
print(np.intersect1d(big[:, ::3], big[::2, 1::2].T))
print(np.setdiff1d(big[::-1, ::2], big[1:3]))
print(np.union1d(big[::2, ::-3], [100]))
print(np.intersect1d(np.array([1+2j, 3j, 1+2j]), np.array([3j, 1-2j]), return_indices=True))
print(np.intersect1d(ar1=[1, 2], ar2=[2], assume_unique=False, return_indices=False))

# random stress: intersect1d/return_indices against membership
for n in [1, 5, 40, 300]:
    a = np.random.randint(0, n + 3, n)
    b = np.random.randint(0, n + 3, n // 2 + 1)
    r, i1, i2 = np.intersect1d(a, b, return_indices=True)
    print(n, r.size, np.all(a[i1] == r), np.all(b[i2] == r), i1[:6], i2[:6])
    print(np.setxor1d(a, b)[:10], np.setdiff1d(a, b)[:10], np.union1d(a, b).size)
