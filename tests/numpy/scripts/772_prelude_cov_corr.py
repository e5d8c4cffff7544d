# cov, corrcoef, correlate, vdot from nd's prelude (float bits compared)
import numpy as np

np.random.seed(5)


def bits(x):
    x = np.asarray(x)
    return x.dtype, x.shape, x.tobytes().hex()


for shape in [(3, 10), (2, 7), (5, 40), (1, 6), (4, 3)]:
    x = np.random.randn(*shape)
    y = np.random.randn(*shape) * 3 + 1
    print(shape)
    print(bits(np.cov(x)), bits(np.cov(x, bias=True)), bits(np.cov(x, ddof=3)))
    print(bits(np.cov(x, rowvar=False)), bits(np.cov(x, y)), bits(np.cov(x.T, y.T, rowvar=False)))
    print(bits(np.corrcoef(x)), bits(np.corrcoef(x, y)), bits(np.corrcoef(x, rowvar=False)))
    fw = np.random.randint(0, 4, shape[1])
    aw = np.random.rand(shape[1])
    print(bits(np.cov(x, fweights=fw)), bits(np.cov(x, aweights=aw)), bits(np.cov(x, fweights=fw, aweights=aw)))
    print(bits(np.cov(x, aweights=aw, ddof=0)), bits(np.cov(x, fweights=fw, ddof=2, aweights=aw)))
    print(bits(np.cov(x.astype(np.float32))), bits(np.cov(x, dtype=np.float32)), bits(np.cov(x.astype(np.int16))))
    print(bits(np.corrcoef(x.astype(np.float32))), bits(np.corrcoef(x[:, ::2], dtype=np.float32)))

x = np.array([[0, 2], [1, 1], [2, 0]]).T
print(np.cov(x), np.corrcoef(x), np.cov([1, 2, 3]), np.cov([1.5, 2.5], [3, 1.]))
print(repr(np.cov([1, 2, 3])), repr(np.corrcoef([1, 2, 3], [3, 1, 2])))
z = np.array([[1 + 2j, 3 - 1j, 2j], [2, 1 + 1j, -1j]])
print(np.cov(z), np.corrcoef(z))
print(np.cov(np.zeros((0, 3))), np.cov(np.array([[1., 2.]]), bias=1), np.cov([True, False, True]))
print(np.cov(np.arange(6.).reshape(2, 3)[:, ::-1], ddof=0), np.cov(np.asfortranarray(np.random.randn(3, 5))).shape)
print(np.cov([1., 2.], ddof=2), np.corrcoef([1., 1., 1.]), np.corrcoef([[1., 2.], [3., 3.]]))
for kw in [{'ddof': 1.5}, {'fweights': [1, 2.5, 1]}, {'fweights': [[1, 2, 1]]}, {'fweights': [1, 2]},
           {'fweights': [1, -1, 1]}, {'aweights': [[1., 2, 1]]}, {'aweights': [1., 2]}, {'aweights': [1., -2, 1]}]:
    try:
        np.cov([[1., 2., 4.], [0., 1., 1.]], **kw)
    except (ValueError, TypeError, RuntimeError) as e:
        print(type(e).__name__, e)
for args in [(np.zeros((2, 2, 2)),), (np.zeros(3), np.zeros((2, 2, 2)))]:
    try:
        np.cov(*args)
    except ValueError as e:
        print(type(e).__name__, e)

for n1, n2 in [(5, 3), (3, 5), (40, 7), (7, 40), (100, 30), (30, 100), (1, 1), (4, 4), (13, 1), (1, 9)]:
    a = np.random.randn(n1) * 7
    v = np.random.randn(n2) * 3
    c = a + 1j * np.random.randn(n1)
    w = v - 2j * np.random.randn(n2)
    print(n1, n2)
    for m in ['valid', 'same', 'full']:
        print(m, bits(np.correlate(a, v, m)), bits(np.correlate(c, w, mode=m)))
        print(bits(np.correlate(a.astype(np.float32), v.astype(np.float32), m)), bits(np.correlate(a, w, m)))
        print(bits(np.correlate((a * 10).astype(np.int32), (v * 10).astype(np.int8), m)))
print(np.correlate([1, 2, 3], [0, 1, 0.5]), np.correlate([1, 2, 3], [0, 1, 0.5], 'same'), np.correlate([1, 2, 3], [0, 1, 0.5], 'full'))
print(np.correlate([1 + 1j, 2, 3j], [0, 1, 0.5j], 'full'), np.correlate([True, False], [True, True], 'full'))
print(np.correlate(np.arange(10.)[::3], np.arange(4.)[::-2], 'full'), np.correlate([1, 2], [3, 4], 2), np.correlate([1, 2, 3], [1], mode=1))
for args in [([], [1]), ([1], []), (5, [1]), ([[1]], [1]), ([1, 2], [1], 'bogus'), ([1, 2], [1], 3)]:
    try:
        np.correlate(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

a = np.random.randn(3, 4)
b = np.random.randn(4, 3)
c = a + 1j * np.random.randn(3, 4)
d = b - 1j * np.random.randn(4, 3)
print(bits(np.vdot(a, b)), bits(np.vdot(c, d)), bits(np.vdot(d, c)), bits(np.vdot(a, d)))
print(bits(np.vdot(a.astype(np.float32), b.astype(np.float32))), bits(np.vdot(c.astype(np.complex64), d.astype(np.complex64))))
for n in [1, 7, 33, 200]:
    u = np.random.randn(n)
    v = np.random.randn(n)
    print(n, bits(np.vdot(u, v)), bits(np.vdot(u[::-1], v)), bits(np.vdot(u + 1j * v, v - 2j * u)))
print(np.vdot([1, 2], [3, 4]), np.vdot(1 + 1j, 2j), np.vdot([True, False], [True, True]), type(np.vdot([1, 2], [3, 4])).__name__)
print(np.vdot(np.arange(6).reshape(2, 3)[:, ::2], [[1, 2], [3, 4]]), np.vdot([1j, 2], [1, 1j]))
try:
    np.vdot([1, 2], [1, 2, 3])
except ValueError as e:
    print(type(e).__name__, e)
zc = np.random.randn(3, 12) + 1j * np.random.randn(3, 12)
print(bits(np.cov(zc)), bits(np.corrcoef(zc)), bits(np.cov(zc, aweights=np.random.rand(12), ddof=2)))
print(bits(np.cov(zc.astype(np.complex64))), bits(np.cov(zc.real, zc.imag, rowvar=True)))
