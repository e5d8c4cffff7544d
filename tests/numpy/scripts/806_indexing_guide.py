import numpy as np
x = np.arange(10); print(x[2], x[-2]); x.shape = (2, 5); print(x[1, 3], x[1, -1], x[0], x[0][2])
x = np.arange(10); print(x[2:5], x[:-7], x[1:7:2]); y = np.arange(35).reshape(5, 7); print(y[1:5:2, ::3])
x = np.array([[[1], [2], [3]], [[4], [5], [6]]]); print(x.shape, x[1:2])
print(x[..., 0], x[:, :, 0]); print(x[:, np.newaxis, :, :].shape, x[:, None, :, :].shape)
x = np.arange(5); print(x[:, np.newaxis] + x[np.newaxis, :])
z = np.arange(81).reshape(3, 3, 3, 3); print(z[1, ..., 1], z[1, :, :, 1])
x = np.arange(10, 1, -1); print(x, x[np.array([3, 3, 1, 8])], x[np.array([3, 3, -3, 8])])
try:
    x[np.array([3, 3, 20, 8])]
except IndexError as e:
    print(e)
print(x[np.array([[1, 1], [2, 3]])])
y = np.arange(35).reshape(5, 7); print(y[np.array([0, 2, 4]), np.array([0, 1, 2])])
try:
    y[np.array([0, 2, 4]), np.array([0, 1])]
except IndexError as e:
    print(e)
print(y[np.array([0, 2, 4]), 1], y[np.array([0, 2, 4])])
x = np.array([[1, 2], [3, 4], [5, 6]]); print(x[[0, 1, 2], [0, 1, 0]])
x = np.array([[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10, 11]]); rows = np.array([[0, 0], [3, 3]], dtype=np.intp); columns = np.array([[0, 2], [0, 2]], dtype=np.intp); print(x[rows, columns])
rows = np.array([0, 3], dtype=np.intp); columns = np.array([0, 2], dtype=np.intp); print(rows[:, np.newaxis], x[rows[:, np.newaxis], columns], x[np.ix_(rows, columns)])
x = np.array([[1., 2.], [np.nan, 3.], [np.nan, np.nan]]); print(x[~np.isnan(x)])
x = np.array([1., -1., -2., 3]); x[x < 0] += 20; print(x)
x = np.arange(35).reshape(5, 7); b = x > 20; print(b[:, 5], x[b[:, 5]])
x = np.array([[0, 1], [1, 1], [2, 2]]); rowsum = x.sum(-1); print(x[rowsum <= 2, :])
x = np.array([[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10, 11]]); rows = (x.sum(-1) % 2) == 0; print(rows); columns = [0, 2]; print(x[np.ix_(rows, columns)])
rows = rows.nonzero()[0]; print(x[rows[:, np.newaxis], columns])
x = np.arange(30).reshape(2, 3, 5); print(x); b = np.array([[True, True, False], [False, True, True]]); print(x[b])
y = np.arange(35).reshape(5, 7); print(y[np.array([0, 2, 4]), 1:3], y[:, 1:3][np.array([0, 2, 4]), :])
b = y > 20; print(y[b]); print(b[:, 5], y[b[:, 5], 1:3])
a = np.arange(12).reshape(3, 4); ifancy = [0, 2]; islice = slice(0, 3, 2); print(a[islice, :][:, ifancy], a[ifancy, :][:, islice])
x = np.arange(10); x[2:7] = 1; print(x); x[2:7] = np.arange(5); print(x)
x[1] = 1.2; print(x[1])
try:
    x[1] = 1.2j
except TypeError as e:
    print(e)
x = np.arange(0, 50, 10); x[np.array([1, 1, 3, 1])] += 1; print(x)
z = np.arange(81).reshape(3, 3, 3, 3); indices = (1, 1, 1, 1); print(z[indices]); indices = (1, 1, 1, slice(0, 2)); print(z[indices]); indices = (1, Ellipsis, 1); print(z[indices])
print(z[[1, 1, 1, 1]], z[tuple([1, 1, 1, 1])])
a = np.arange(12).reshape(3, 4); print(a.flat[5], a.flat[[1, 4]]); a.flat[3] = 100; print(a)
x = np.array([[1, 2, 3], [4, 5, 6]]); print(x.T.flat[3], np.take(x, [0, 4]), np.put(x, [0, 2], [-44, -55]), x)
x = np.zeros((2, 2), dtype=[('a', np.int32), ('b', np.float64, (3, 3))]); print(x['a'].shape, x['a'].dtype, x['b'].shape, x['b'].dtype)
x = np.arange(12).reshape(3, 4)
print(np.compress([0, 1], x, axis=0), np.choose([0, 1, 1], [[1, 2, 3], [10, 20, 30]]), np.extract(x > 8, x), np.select([x < 3, x > 9], [x, -x]))
print(np.nonzero(x > 9), np.flatnonzero(x > 9), np.where(x > 9), np.searchsorted(np.arange(10), 3.5), np.take_along_axis(x, np.argsort(-x, axis=1), axis=1))
print(np.diagonal(x), x.diagonal(1), np.trace(x), np.tril_indices(3), x[np.triu_indices(3, 1, 4)])
