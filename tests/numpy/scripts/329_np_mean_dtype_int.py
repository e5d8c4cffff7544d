import numpy as np
a = np.array([1, 2, 4], dtype=np.int8)
print(a.mean(), type(a.mean()).__name__, a.mean(dtype=np.float32), type(a.mean(dtype=np.float32)).__name__)
print(np.array([[1, 2], [3, 5]]).mean(axis=0), np.array([True, False, True]).mean())
print(np.mean(np.arange(6).reshape(2, 3), axis=1, keepdims=True))
print(np.array([1, 2], dtype=np.float16).mean(), type(np.array([1, 2], dtype=np.float16).mean()).__name__)
