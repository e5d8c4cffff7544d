# dot and matmul for 1-d and 2-d operands, scalars, dtype results
import numpy as np

v = np.array([1, 2, 3])
w = np.array([4, 5, 6])
M = np.arange(6).reshape(2, 3)
N = np.arange(6).reshape(3, 2)
print(np.dot(v, w), type(np.dot(v, w)).__name__, v @ w, np.matmul(v, w))
print(np.dot(M, v), M @ v, np.dot(v[:2], M), v[:2] @ M)
print(np.dot(M, N), M @ N, np.matmul(N, M))
print(np.dot(3, v), np.dot(v, 2.5), np.dot(2, 3))
print(np.dot(v.astype(np.float32), w).dtype, (M.astype(np.int8) @ N.astype(np.int8)).dtype)
print(M.dot(v), v.dot(w), np.eye(3) @ v)
I = np.eye(2)
A = np.array([[2.0, 1.0], [1.0, 3.0]])
print(A @ I, (A @ A) @ A, A @ (A @ A))
for bad in [lambda: M @ M, lambda: np.dot(M, M), lambda: v @ 3]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
