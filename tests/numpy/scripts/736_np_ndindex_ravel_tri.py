import numpy as np
print(list(np.ndindex(2, 3)))
print(list(np.ndindex((2, 1, 2))))
print(list(np.ndindex()), list(np.ndindex(0, 3)), list(np.ndindex(3)))
for idx in np.ndindex(2, 2):
    print(idx, end=' ')
print()
for i, v in np.ndenumerate(np.array([[1.5, 2], [3, 4]])):
    print(i, v, type(v).__name__)
print(list(np.ndenumerate([1, 2, 3])), list(np.ndenumerate(np.array(7, np.int8))))
print(list(np.ndenumerate(np.array([True, False]))))
print(np.ravel_multi_index((1, 2), (3, 4)), type(np.ravel_multi_index((1, 2), (3, 4))).__name__)
print(np.ravel_multi_index(([1, 2], [2, 3]), (3, 4)))
print(np.ravel_multi_index(np.array([[3, 6, 6], [4, 5, 1]]), (7, 6)))
print(np.ravel_multi_index((1, 2), (3, 4), order='F'))
print(np.ravel_multi_index((5, -1), (3, 4), mode='wrap'), np.ravel_multi_index((5, -1), (3, 4), mode='clip'))
print(np.ravel_multi_index((2, 1, 3), (3, 4, 5), order='F'), np.ravel_multi_index(([0, 1],), (3,)))
for bad in [lambda: np.ravel_multi_index((3, 2), (3, 4)), lambda: np.ravel_multi_index((1,), (3, 4)),
            lambda: np.ravel_multi_index((1, -1), (3, 4)), lambda: np.ravel_multi_index((1.0, 2), (3, 4))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(np.triu_indices(3))
print(np.tril_indices(3, -1))
print(np.triu_indices(2, 1, 4))
print(np.tril_indices(4, 1, 2))
print(np.triu_indices(0), np.tril_indices(3, k=5), np.triu_indices(3, k=-5))
x = np.arange(16).reshape(4, 4)
print(x[np.triu_indices(4)], x[np.tril_indices(4, -1)])
