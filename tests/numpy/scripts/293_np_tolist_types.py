import numpy as np
a = np.array([[1, 2], [3, 4]], dtype=np.int8)
l = a.tolist()
print(l, type(l[0][0]).__name__)
print(np.array([1.5, 2.0], dtype=np.float32).tolist(), np.array([True]).tolist(), np.array([1j]).tolist())
print(np.array(5).tolist(), type(np.array(5.0).tolist()).__name__)
print(np.arange(3).astype(np.uint64).tolist(), list(np.arange(2)))
