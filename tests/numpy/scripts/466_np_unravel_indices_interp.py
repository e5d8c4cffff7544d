# np.unravel_index, np.indices and np.interp (NumPy's C algorithm, edge cases)
import numpy as np
print(np.unravel_index(7, (3, 4)), np.unravel_index([1, 7], (3, 4)), np.unravel_index(5, (2, 3), order="F"), type(np.unravel_index(7, (3, 4))[0]).__name__)
print(np.unravel_index(np.array([[0, 11], [5, 6]]), (3, 4)), np.unravel_index(np.uint8(3), (2, 2)))
a = np.array([[3, 9, 1], [7, 2, 8]])
print(np.unravel_index(a.argmax(), a.shape), np.unravel_index(np.argmin(a), a.shape))
for bad in [lambda: np.unravel_index(12, (3, 4)), lambda: np.unravel_index(-1, (3, 4)), lambda: np.unravel_index(1.5, (3, 4))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(np.indices((2, 3)), np.indices((2, 3)).dtype, np.indices((2,), sparse=True), np.indices((2, 2), dtype=np.float32).dtype)
r, c = np.indices((3, 3))
print(r * 3 + c, np.indices((2, 3), sparse=True), np.indices(()).shape)
print(np.interp(2.5, [1, 2, 3], [3, 2, 0]), type(np.interp(2.5, [1, 2, 3], [3, 2, 0])).__name__, np.interp([0, 1.5, 4], [1, 2, 3], [3, 2, 0], left=-1, right=9))
xp = np.linspace(0, 10, 11)
print(np.interp(np.array([[0.5, 9.99], [10, np.nan]]), xp, xp ** 2), np.interp(3, [1], [5]), np.interp([0, 1, 2], [1], [5]))
print(np.interp(1.5, [1, 2, 2, 3], [0, 1, 5, 7]), np.interp(2, [1, 2, 2, 3], [0, 1, 5, 7]), np.interp(np.inf, [0, np.inf], [1, 1]))
for bad in [lambda: np.interp(1, [], []), lambda: np.interp(1, [1, 2], [1]), lambda: np.interp(1, [[1, 2]], [[1, 2]])]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
