import numpy as np
a = np.arange(12).reshape(3, 4)
print(a.sum(), a.sum(axis=0), a.sum(axis=1), a.sum(axis=(0, 1)), a.sum(axis=1, keepdims=True), a.sum(axis=-1))
print(a.prod(axis=0), a.min(), a.max(axis=0), a.mean(), a.mean(axis=1), a.var(), a.std(axis=0), a.std(ddof=1))
print(a.argmin(), a.argmax(), a.argmax(axis=1), a.cumsum(), a.cumsum(axis=0), a.cumprod(axis=1))
print((a > 5).any(), (a > 5).all(), (a >= 0).all(axis=0), np.count_nonzero(a), np.count_nonzero(a > 5, axis=0))
print(np.sum(a), np.mean(a, axis=0), np.max(a, axis=1), np.min(a), np.amax(a), np.argmax(a, axis=0), np.all(a < 100))
f = np.array([0.1, 0.2, 0.3, 0.4], dtype=np.float32)
print(f.sum(), f.mean(), f.sum(dtype=np.float64), type(f.sum()), np.array([1, 2, 3], dtype=np.int8).sum().dtype)
print(np.array([1.5, np.nan]).max(), np.array([True, False, True]).sum(), a.sum(dtype=np.float32))
try:
    np.array([]).max()
except ValueError as e:
    print("ValueError:", e)
try:
    a.sum(axis=2)
except Exception as e:
    print(type(e).__name__, e)
