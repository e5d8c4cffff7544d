import numpy as np
a = np.arange(25).reshape(5, 5); b = np.arange(5); c = np.arange(6).reshape(2, 3)
print(np.einsum('ii', a), np.einsum('ii->i', a), np.einsum('ij->i', a), np.einsum('ij->j', a), np.einsum('ji', c), np.einsum('ij->ji', c))
print(np.einsum('ij,j', a, b), np.einsum('i,i', b, b), np.einsum('i,j', np.arange(2) + 1, b), np.einsum('ij,jk->ik', c, c.T), np.einsum('ij,jk', a, a))
print(np.einsum('...j,j', a, b), np.einsum('i...->...', a), np.einsum('ij...,jk...->ik...', np.ones((2, 3, 4)), np.ones((3, 2, 4))).shape)
print(np.einsum('bij,bjk->bik', np.arange(12).reshape(2, 2, 3), np.arange(12).reshape(2, 3, 2)), np.einsum('i,i->i', b, b), np.einsum('ij,ij->', a, a))
x = np.arange(8, dtype=np.int8).reshape(2, 4); print(np.einsum('ij->', x * 20), np.einsum('ij->', x * 20).dtype, np.einsum('i->', np.array([True, True])))
v = np.einsum('ij->ji', c); print(v.base is c or np.shares_memory(v, c)); d = np.einsum('ii->i', a); print(np.shares_memory(d, a))
print(np.einsum('i,i', np.arange(3.), np.arange(3.)), np.einsum('ij,ij->i', np.arange(6.).reshape(2, 3), np.arange(6.).reshape(2, 3)))
print(np.einsum('i,j->ij', b, b).shape, np.einsum('ijk->kji', np.arange(24).reshape(2, 3, 4)).shape, np.einsum('', 3), np.einsum('i', b))
print(np.einsum('ij,j->i', a, b, dtype=np.float64), np.einsum('ij->i', a, out=np.zeros(5, dtype=int)))
for bad in (lambda: np.einsum('ij,jk', a), lambda: np.einsum('ij', b), lambda: np.einsum('ij->ii', a), lambda: np.einsum('i->j', b), lambda: np.einsum('ij,jk', a, np.ones((4, 2))), lambda: np.einsum('i', b, dtype=np.int8)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__)
try:
    np.einsum('i', b, dtype=np.float32)
except TypeError as e:
    print(e)
print(repr(np.einsum('i,i', np.arange(3), np.arange(3))), type(np.einsum('ij->', np.ones((2, 2)))).__name__, repr(np.einsum('', 3)))
import numpy as np
np.random.seed(3)
A = np.random.rand(20, 30); B = np.random.rand(30, 10); v = np.random.rand(100)
r1 = np.einsum('ij,jk->ik', A, B); r2 = np.einsum('i,i', v, v); r3 = np.einsum('ij->j', A)
print(repr(r2), [float(x) for x in r3[:5]], [float(x) for x in r1[0, :4]])
