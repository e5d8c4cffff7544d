# np.percentile / np.quantile with the default linear method
import numpy as np

a = np.array([3, 1, 4, 1, 5, 9, 2, 6])
print(np.percentile(a, 50), np.percentile(a, [0, 25, 50, 75, 100]))
print(np.quantile(a, 0.3), np.quantile(a, [0.1, 0.9]), np.quantile(a, np.array([0.25, 0.5])))
print(repr(np.quantile([1, 2, 3, 4], [0, 1])), repr(np.quantile(np.array([1.0, 2, 3, 4]), np.array([0, 1]))))
b = np.arange(12).reshape(3, 4)
print(np.percentile(b, [10, 90], axis=1))
print(np.percentile(b, 40, axis=0, keepdims=True))
print(np.percentile(b, 33.3), np.percentile(b, 33.3, axis=-1))
f = np.array([1, 2, 3, 4], dtype=np.float32)
print(repr(np.percentile(f, 50)), repr(np.percentile(f, [50])), np.percentile(f, 10).dtype)
n = np.array([[1.0, np.nan, 3.0], [4.0, 5.0, 6.0]])
print(np.percentile(n, 50, axis=1), np.percentile(n, 50))
print(np.quantile(np.array([10.0]), 0.7), np.percentile(np.arange(101), [1, 99]))
for bad in [lambda: np.percentile(a, 101), lambda: np.quantile(a, -0.5), lambda: np.percentile(a, [50, np.nan])]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
