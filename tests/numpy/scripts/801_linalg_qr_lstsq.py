import numpy as np

a = np.array([[1., 2, 3], [4, 5, 6], [7, 8, 10], [1, 0, 1]])
for mode in ('reduced', 'complete', 'r', 'raw'):
    r = np.linalg.qr(a, mode)
    print(mode, r)
for mode in ('reduced', 'complete'):
    q, r = np.linalg.qr(a.T, mode)
    print(mode, q.shape, r.shape, q, r)
print(np.linalg.qr(a, 'economic'))
c = a[:3] + 1j * a[1:]
print(np.linalg.qr(c))
print(np.linalg.qr(c, 'raw'))
np.random.seed(5)
st = np.random.rand(2, 4, 3)
q, r = np.linalg.qr(st)
print(q, r, sep='\n')
print(np.linalg.qr(np.eye(3, dtype=np.float32))[0].dtype, np.linalg.qr(np.arange(6).reshape(3, 2))[1])
try:
    np.linalg.qr(a, 'bogus')
except Exception as e:
    print(type(e).__name__, e)
try:
    np.linalg.qr(np.ones(3))
except Exception as e:
    print(type(e).__name__, e)

# least squares
x = np.array([0., 1, 2, 3, 4])
y = np.array([-1., 0.2, 0.9, 2.1, 3.3])
A = np.vstack([x, np.ones(len(x))]).T
sol = np.linalg.lstsq(A, y, rcond=None)
print(sol)
print(type(sol[2]).__name__)
print(np.linalg.lstsq(A, np.stack([y, y * 2], axis=1), rcond=None))
print(np.linalg.lstsq(A.T, x[:2], rcond=None))
print(np.linalg.lstsq(np.ones((3, 2)), np.ones(3), rcond=-1))
print(np.linalg.lstsq(A, np.zeros((5, 0)), rcond=None))
print(np.linalg.lstsq(A.astype(np.float32), y.astype(np.float32), rcond=None))
print(np.linalg.lstsq(A + 1j, y, rcond=None))
for f in (lambda: np.linalg.lstsq(A, y[:3], rcond=None), lambda: np.linalg.lstsq(np.ones((2, 2, 2)), y, rcond=None)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
