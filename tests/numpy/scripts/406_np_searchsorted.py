# np.searchsorted: sides, arrays of keys, sorter, NaN order, method form
import numpy as np

s = np.array([1, 2, 2, 3, 5, 8])
print(np.searchsorted(s, 2), np.searchsorted(s, 2, side='right'), type(np.searchsorted(s, 2)).__name__)
print(np.searchsorted(s, [-10, 0, 2, 4, 8, 100]))
print(np.searchsorted(s, np.array([[1, 5], [6, 9]]), side='right'))
print(s.searchsorted(3), s.searchsorted([3, 4], 'right'))
f = np.array([0.5, 1.5, np.nan])
print(np.searchsorted(f, [np.nan, 2.0, -np.inf, np.inf]))
u = np.array([3, 1, 2])
order = np.argsort(u)
print(np.searchsorted(u, 2, sorter=order), np.searchsorted(u, [0, 4], sorter=order))
print(np.searchsorted(np.array([1.0, 2.0, 3.0]), 2), np.searchsorted(np.arange(5, dtype=np.uint8), 300))
edges = np.linspace(0, 1, 5)
vals = np.array([0.1, 0.25, 0.26, 0.99, 1.0])
print(np.searchsorted(edges, vals), np.searchsorted(edges, vals, side='right') - 1)
for bad in [lambda: np.searchsorted(s, 1, side='x'), lambda: np.searchsorted(s.reshape(2, 3), 1), lambda: np.searchsorted(np.array(1), 1)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
