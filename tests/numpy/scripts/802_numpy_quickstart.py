import numpy as np
a = np.arange(15).reshape(3, 5)
print(a, a.shape, a.ndim, a.dtype.name, a.itemsize, a.size, type(a))
b = np.array([6, 7, 8]); print(b, type(b))
b = np.array([(1.5, 2, 3), (4, 5, 6)]); print(b)
c = np.array([[1, 2], [3, 4]], dtype=complex); print(c)
print(np.zeros((3, 4)), np.ones((2, 3, 4), dtype=np.int16), np.empty((2, 3)).shape)
print(np.arange(10, 30, 5), np.arange(0, 2, 0.3), np.linspace(0, 2, 9))
x = np.linspace(0, 2 * np.pi, 100); f = np.sin(x); print(f[:3])
print(np.arange(10000).reshape(100, 100))
a = np.array([20, 30, 40, 50]); b = np.arange(4); c = a - b; print(c, b**2, 10 * np.sin(a), a < 35)
A = np.array([[1, 1], [0, 1]]); B = np.array([[2, 0], [3, 4]]); print(A * B, A @ B, A.dot(B))
a = np.ones((2, 3), dtype=int); b = np.ones((2, 3))
a *= 3; b += a; print(a, b)
try:
    a += b
except Exception as e:
    print(type(e).__name__, e)
a = np.ones(3, dtype=np.int32); b = np.linspace(0, np.pi, 3); print(b.dtype.name)
c = a + b; print(c, c.dtype.name); d = np.exp(c * 1j); print(d, d.dtype.name)
b = np.arange(12).reshape(3, 4); print(b.sum(axis=0), b.min(axis=1), b.cumsum(axis=1))
B = np.arange(3); print(np.exp(B), np.sqrt(B), np.add(B, np.array([2., -1., 4.])))
a = np.arange(10)**3; print(a[2], a[2:5]); a[:6:2] = 1000; print(a, a[::-1])
for i in a:
    print(i**(1 / 3.))
def f(x, y):
    return 10 * x + y
b = np.fromfunction(f, (5, 4), dtype=int); print(b, b[2, 3], b[0:5, 1], b[:, 1], b[1:3, :], b[-1])
c = np.array([[[0, 1, 2], [10, 12, 13]], [[100, 101, 102], [110, 112, 113]]]); print(c.shape, c[1, ...], c[..., 2])
for row in b:
    print(row)
for element in b.flat:
    print(element, end=' ')
print()
a = np.floor(10 * np.arange(12).reshape(3, 4) / 7); print(a, a.ravel(), a.reshape(6, 2), a.T, a.T.shape)
a.resize((2, 6)); print(a); print(a.reshape(3, -1))
a = np.floor(10 * np.ones((2, 2))); b = np.floor(10 * np.eye(2)); print(np.vstack((a, b)), np.hstack((a, b)))
print(np.column_stack((a, b)))
a = np.array([4., 2.]); b = np.array([3., 8.]); print(np.column_stack((a, b)), np.hstack((a, b)), a[:, np.newaxis])
print(np.column_stack((a[:, np.newaxis], b[:, np.newaxis])), np.hstack((a[:, np.newaxis], b[:, np.newaxis])))
print(np.r_[1:4, 0, 4])
a = np.floor(10 * np.arange(24).reshape(2, 12) / 5); print(np.hsplit(a, 3), np.hsplit(a, (3, 4)))
a = np.array([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]); b = a; print(b is a)
c = a.view(); print(c is a, c.base is a, c.flags.owndata); c = c.reshape((2, 6)); print(a.shape); c[0, 4] = 1234; print(a)
s = a[:, 1:3]; s[:] = 10; print(a)
d = a.copy(); print(d is a, d.base is a)
a = np.arange(12)**2; i = np.array([1, 1, 3, 8, 5]); print(a[i]); j = np.array([[3, 4], [9, 7]]); print(a[j])
palette = np.array([[0, 0, 0], [255, 0, 0], [0, 255, 0], [0, 0, 255], [255, 255, 255]])
image = np.array([[0, 1, 2, 0], [0, 3, 4, 0]]); print(palette[image])
a = np.arange(12).reshape(3, 4); i = np.array([[0, 1], [1, 2]]); j = np.array([[2, 1], [3, 3]])
print(a[i, j], a[i, 2], a[:, j]); l = (i, j); print(a[l])
time = np.linspace(20, 145, 5); data = np.sin(np.arange(20)).reshape(5, 4); ind = data.argmax(axis=0)
print(ind, time[ind], data[ind, range(data.shape[1])], np.all(data.max(axis=0) == data[ind, range(data.shape[1])]))
a = np.arange(5); a[[1, 3, 4]] = 0; print(a); a = np.arange(5); a[[0, 0, 2]] = [1, 2, 3]; print(a)
a = np.arange(5); a[[0, 0, 2]] += 1; print(a)
a = np.arange(12).reshape(3, 4); b = a > 4; print(b, a[b]); a[b] = 0; print(a)
a = np.arange(12).reshape(3, 4); b1 = np.array([False, True, True]); b2 = np.array([True, False, True, False])
print(a[b1, :], a[b1], a[:, b2], a[b1, b2])
a = np.array([2, 3, 4, 5]); b = np.array([8, 5, 4]); c = np.array([5, 4, 6, 8, 3]); ax, bx, cx = np.ix_(a, b, c)
print(ax, bx, cx, ax.shape, bx.shape, cx.shape); result = ax + bx * cx; print(result, result[3, 2, 4], a[3] + b[2] * c[4])
a = np.arange(30); b = a.reshape((2, -1, 3)); print(b.shape, b)
x = np.arange(0, 10, 2); y = np.arange(5); m = np.vstack([x, y]); xy = np.hstack([x, y]); print(m, xy)
a = np.array([[1.0, 2.0], [3.0, 4.0]]); print(a.transpose(), np.linalg.inv(a), np.eye(2), np.trace(np.eye(2)))
y = np.array([[5.], [7.]]); print(np.linalg.solve(a, y)); j = np.array([[0.0, -1.0], [1.0, 0.0]]); print(j @ j, np.linalg.eig(j))
def mandelbrot(h, w, maxit=20, r=2):
    x = np.linspace(-2.5, 1.5, 4*h+1)
    y = np.linspace(-1.5, 1.5, 3*w+1)
    A, B = np.meshgrid(x, y)
    C = A + B*1j
    z = np.zeros_like(C)
    divtime = maxit + np.zeros(z.shape, dtype=int)
    for i in range(maxit):
        z = z**2 + C
        diverge = abs(z) > r
        div_now = diverge & (divtime == maxit)
        divtime[div_now] = i
        z[diverge] = r
    return divtime
print(mandelbrot(10, 10))
v = np.sin(np.arange(10000) * 0.37) * 0.5 + 2
(n, bins) = np.histogram(v, bins=50, density=True); print(n[:5], bins[:5])
