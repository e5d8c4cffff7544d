# Solving a linear system by Gaussian elimination with partial pivoting
import numpy as np

A = np.array([[2.0, 1.0, -1.0], [-3.0, -1.0, 2.0], [-2.0, 1.0, 2.0]])
b = np.array([8.0, -11.0, -3.0])
n = len(b)
M = np.column_stack((A, b))
for k in range(n):
    p = k + np.argmax(np.abs(M[k:, k]))
    if p != k:
        M[[k, p]] = M[[p, k]]
    for i in range(k + 1, n):
        M[i, k:] -= M[i, k] / M[k, k] * M[k, k:]
x = np.zeros(n)
for i in range(n - 1, -1, -1):
    x[i] = (M[i, -1] - np.dot(M[i, i + 1:n], x[i + 1:])) / M[i, i]
print(np.round(M, 6))
print(np.round(x, 10), np.allclose(A @ x, b))
U = np.triu(M[:, :n])
print(np.allclose(U, M[:, :n]), np.round(np.prod(np.diag(U)), 10))
