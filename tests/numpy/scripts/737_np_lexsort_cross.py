import numpy as np
print(np.lexsort(([1, 0, 1, 0], [2, 2, 1, 1])))
surnames = ['Hertz', 'Galilei', 'Hertz']
first = [3, 1, 2]
print(np.lexsort((first, [2, 1, 2])))
a = [1, 5, 1, 4, 3, 4, 4]
b = [9, 4, 0, 4, 0, 2, 1]
print(np.lexsort((b, a)), np.lexsort((a, b)), np.lexsort([a]))
print(np.lexsort(np.array([[3, 1, 2, 1], [1, 1, 0, 0]])))
print(np.lexsort((np.array([0.5, -1.0, 0.5, 2.0]), np.array([1, 1, 1, 0]))), np.lexsort(([], [])))
print(np.lexsort(([True, False, True], [1, 1, 0])).dtype)
for bad in [lambda: np.lexsort(()), lambda: np.lexsort(([1, 2], [1, 2, 3]))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(np.cross([1, 2, 3], [4, 5, 6]), np.cross([1, 2], [3, 4]), np.cross([1, 2], [3, 4, 5]), np.cross([1, 2, 3], [3, 4]))
print(np.cross([[1, 2, 3]], [4, 5, 6.]), np.cross(np.eye(3), [1, 2, 3]))
print(np.cross(np.arange(6).reshape(2, 3), np.arange(6, 12).reshape(2, 1, 3)).tolist())
print(np.cross([[1, 2], [3, 4]], [[5, 6], [7, 8]]), np.cross(np.array([1, 2, 3], np.int8), np.array([4, 5, 6], np.int8)).dtype)
print(np.cross([1.5, 2.5, -3.25], [0.1, 0.2, 0.3]).tolist())
for bad in [lambda: np.cross([1], [2, 3]), lambda: np.cross([1, 2, 3, 4], [1, 2, 3])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
