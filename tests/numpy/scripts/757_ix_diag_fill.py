# np.ix_, diag_indices(_from), fill_diagonal, mask_indices, tril/triu_indices_from (prelude)
import numpy as np
a = np.arange(20).reshape(4, 5)
ix = np.ix_([0, 2], [1, 3, 4])
print(ix, a[ix])
print(np.ix_([True, False, True, True], np.array([4, 0])))
print(np.ix_([], [1]))
print(np.diag_indices(3), np.diag_indices(2, 3))
b = np.zeros((3, 3, 3), int)
print(np.diag_indices_from(b))
b[np.diag_indices_from(b)] = 7
print(b.sum())
c = np.zeros((4, 4))
np.fill_diagonal(c, 5)
print(c)
d = np.zeros((7, 3), int)
np.fill_diagonal(d, [1, 2], wrap=True)
print(d)
e = np.zeros((5, 3), int)
np.fill_diagonal(e, 9)
print(e)
f = np.zeros((2, 2, 2), int)
np.fill_diagonal(f, 4)
print(f)
print(np.mask_indices(3, np.triu), np.mask_indices(3, np.tril, -1))
print(np.tril_indices_from(a), np.triu_indices_from(a, 2))
for g in [lambda: np.ix_([[1]]), lambda: np.diag_indices_from(np.zeros(3)), lambda: np.diag_indices_from(np.zeros((2, 3))),
          lambda: np.fill_diagonal(np.zeros(3), 1), lambda: np.fill_diagonal(np.zeros((2, 2, 3)), 1),
          lambda: np.tril_indices_from(np.zeros(3))]:
    try:
        print(g())
    except Exception as ex:
        print(type(ex).__name__, ex)
