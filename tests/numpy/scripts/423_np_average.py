# np.average with and without weights, along axes, returned=
import numpy as np

a = np.array([1, 2, 3, 4])
print(np.average(a), np.average(a, weights=[4, 3, 2, 1]), type(np.average(a)).__name__)
b = np.arange(12).reshape(3, 4)
print(np.average(b, axis=0), np.average(b, axis=1, weights=[1, 2, 3, 4]))
print(np.average(b, axis=0, weights=[1, 0, 1], returned=True))
print(np.average(b, returned=True), np.average(b, axis=1, returned=True))
print(np.average(np.array([1, 2], dtype=np.float32), weights=[1, 3]), np.average(np.array([1, 2], dtype=np.float32)).dtype)
print(np.average(b, weights=np.ones((3, 4))), np.average(b, axis=1, keepdims=True))
print(np.average([True, False, True]), np.average([1 + 1j, 3 - 1j]))
for bad in [lambda: np.average(b, weights=[1, 2]), lambda: np.average(b, axis=1, weights=[[1, 2]]),
            lambda: np.average(b, axis=1, weights=[1, 2]), lambda: np.average([1, 2], weights=[1, -1])]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
