import numpy as np
a = np.array([[1., 2], [3, 4]])
print(repr(np.linalg.det(a)), np.linalg.slogdet(a))
print(np.linalg.inv(a))
print(np.linalg.solve(a, [1, 2]), np.linalg.solve(a, np.eye(2)))
s = np.array([[4., 2, 0.6], [2, 5, 1], [0.6, 1, 3]])
print(np.linalg.cholesky(s))
print(np.linalg.eigh(s))
print(np.linalg.eigvalsh(s, 'U'))
print(np.linalg.eig(a))
r = np.array([[0., -1], [1, 0]])
print(np.linalg.eig(r))
print(np.linalg.eigvals(np.arange(9.).reshape(3, 3)))
m = np.array([[1., 2, 3, 4], [2, 7, 1, 8], [3, 1, 4, 1]])
u, sv, vh = np.linalg.svd(m)
print(u, sv, vh, sep='\n')
print(np.linalg.svd(m, full_matrices=False)[0].shape, np.linalg.svd(m, compute_uv=False))
print(np.linalg.matrix_rank(m), np.linalg.pinv(m))
print(np.linalg.cond(a), np.linalg.cond(a, 1), np.linalg.cond(a, 'fro'))
print(np.linalg.norm(m, 2), np.linalg.norm(m, -2), np.linalg.norm(m, 'nuc'))
print(np.linalg.matrix_power(a, -2))
f = np.array([[1, 2], [3, 4]], dtype=np.float32)
print(repr(np.linalg.det(f)), repr(np.linalg.inv(f)), np.linalg.eigvals(f).dtype)
c = np.array([[1+2j, 2], [3j, 4-1j]])
print(repr(np.linalg.det(c)), np.linalg.slogdet(c))
print(np.linalg.inv(c))
print(np.linalg.eig(c))
print(np.linalg.svd(c))
print(np.linalg.cholesky(np.array([[2, 1j], [-1j, 3]])))
b = np.arange(2*3*3.).reshape(2, 3, 3) ** 2
print(np.linalg.det(b), np.linalg.inv(b))
print(np.linalg.solve(b, np.ones((2, 3))))
print(np.linalg.det(np.zeros((0, 0))), np.linalg.inv(np.zeros((0, 0))))
for bad in [np.array([[1., 2], [2, 4]]), np.ones(3), np.ones((2, 3))]:
    try:
        print(np.linalg.inv(bad))
    except Exception as e:
        print(type(e).__name__, e)
try:
    np.linalg.cholesky(-np.eye(2))
except Exception as e:
    print(type(e).__name__, e)
try:
    np.linalg.solve(a, np.ones(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    np.linalg.eig(np.array([[np.nan, 1], [1, 1]]))
except Exception as e:
    print(type(e).__name__, e)
print(np.linalg.det(np.array([[1, 2], [2, 4]])))
# batches, broadcasting and dtypes
np.random.seed(3)
rng = np.random
A = rng.rand(3, 4, 4)
B = rng.rand(1, 4, 2)
print(np.linalg.solve(A, B))
try:
    np.linalg.solve(A, rng.rand(4, 2))
except Exception as e:
    print(type(e).__name__, e)
print(np.linalg.solve(A, rng.rand(3, 4)))
print(np.linalg.det(A), np.linalg.slogdet(A))
w, v = np.linalg.eig(A)
print(w, v, sep='\n')
print(np.linalg.eigvals(A[0].astype(np.float32)))
H = A + A.transpose(0, 2, 1)
print(np.linalg.eigh(H, UPLO='U'))
print(np.linalg.svd(A[:, :3, :], full_matrices=False))
print(np.linalg.svd(A[:, :, :2], compute_uv=False))
print(np.linalg.svd(H[0], hermitian=True))
print(np.linalg.svd(H[0], compute_uv=False, hermitian=True))
print(np.linalg.matrix_rank(np.ones((3, 3))), np.linalg.matrix_rank(np.arange(4)), np.linalg.matrix_rank(A))
print(np.linalg.pinv(A[0, :3]), np.linalg.pinv(np.zeros((0, 3))).shape)
print(np.linalg.cond(A), np.linalg.cond(A[0], np.inf), np.linalg.cond(A[0], -2))
print(np.linalg.norm(A, 2, axis=(1, 2)), np.linalg.norm(A, 'nuc', axis=(2, 1), keepdims=True))
for dt in (np.int32, np.uint8, np.float32, np.complex64):
    x = (np.eye(3) * 2 + 1).astype(dt)
    r = np.linalg.inv(x)
    print(dt.__name__, r.dtype, repr(np.linalg.det(x)), np.linalg.solve(x, np.ones(3, dtype=dt)).dtype)
print(repr(np.linalg.det(np.eye(3, dtype=bool))), np.linalg.inv(np.eye(2, dtype=bool)).dtype)
for bad in (np.eye(2, dtype=np.float16),):
    try:
        np.linalg.inv(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    np.linalg.eigh(np.eye(2), UPLO='X')
except Exception as e:
    print(type(e).__name__, e)
try:
    np.linalg.solve(np.eye(3), np.ones((2, 2)))
except Exception as e:
    print(type(e).__name__, e)
try:
    np.linalg.cond(np.zeros((0, 0)))
except Exception as e:
    print(type(e).__name__, e)
print(np.linalg.det(np.array([[1e300, 0], [0, 1e300]])), np.linalg.slogdet(np.array([[1e300, 0], [0, 1e300]])))
print(np.linalg.matrix_power(np.array([[2., 1], [1, 1]]), -3), np.linalg.matrix_power(np.eye(2, dtype=int) * 2, -1))
