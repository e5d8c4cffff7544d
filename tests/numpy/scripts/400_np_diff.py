# np.diff: orders, axes, prepend/append, bool and unsigned inputs
import numpy as np

a = np.array([1, 4, 9, 16, 25, 36])
print(np.diff(a))
print(np.diff(a, n=2), np.diff(a, n=3), np.diff(a, n=6), np.diff(a, n=7).shape)
print(np.diff(a, prepend=0), np.diff(a, append=[49, 64]))
print(np.diff([1, 2], n=0), type(np.diff([1, 2], n=0)).__name__)
m = np.arange(12).reshape(3, 4) ** 2
print(np.diff(m))
print(np.diff(m, axis=0))
print(np.diff(m, axis=-2, n=2))
print(np.diff(m, prepend=0, axis=1))
print(np.diff(np.array([True, False, False, True])))
print(np.diff(np.array([1, 5, 3], dtype=np.uint8)))
print(np.diff(np.array([1.5, 0.25, 4.0], dtype=np.float32)), np.diff(np.array([1.5, 0.25, 4.0], dtype=np.float32)).dtype)
print(np.diff(np.array([1 + 2j, 3 - 1j])))
x = np.linspace(0, 1, 6)
print(np.diff(x), np.diff(x ** 2) / np.diff(x))
for bad in [lambda: np.diff(np.array(3)), lambda: np.diff(a, n=-1), lambda: np.diff(a, axis=1), lambda: np.diff(m, axis=-3)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
