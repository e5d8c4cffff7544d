# polyval, polyder, polyint, poly from nd's prelude
import numpy as np

np.random.seed(9)


def bits(x):
    x = np.asarray(x)
    return x.dtype, x.shape, x.tobytes().hex()


p = [3, 0, 1]
print(np.polyval(p, 5), np.polyval(p, [1, 2, 3]), np.polyval([3., 0, 1], np.array([[1, 2], [3, 4]])))
print(repr(np.polyval(p, 5)), repr(np.polyval([1.5, 2], 2)), repr(np.polyval([], 3.0)), repr(np.polyval([2], [1., 2.])))
print(np.polyval(np.array([1, 2], np.int8), np.array([100, 50], np.int8)), np.polyval([1j, 2], 1 + 1j), np.polyval([1, 2], np.float32(0.5)))
print(np.polyval(np.array([1., -2., 3.], np.float32), np.arange(4, dtype=np.float16)).dtype, np.polyval([True, False], [2, 3]))
for n in [1, 4, 9]:
    c = np.random.randn(n)
    x = np.random.randn(20) * 3
    print(n, bits(np.polyval(c, x)), bits(np.polyval(c.astype(np.float32), x.astype(np.float32))), bits(np.polyval(c, x[::-2] + 1j)))

print(np.polyder([1, 2, 3, 4]), np.polyder([1, 2, 3, 4], 2), np.polyder([1, 2, 3, 4], 3), np.polyder([1, 2, 3, 4], 4))
print(np.polyder([1., 2.], 0), np.polyder(np.array([1.5, -2, 0.25], np.float32)), np.polyder([1j, 2, 3]))
print(np.polyder(np.random.randn(6), 2).tobytes().hex())
print(np.polyint([1, 1, 1]), np.polyint([1, 1, 1], 2), np.polyint([1, 1, 1], k=3), np.polyint([1, 1, 1], 3, k=[1, 2, 3]))
print(np.polyint([1, 1, 1], 2, k=7), np.polyint([3., 2], 0), np.polyint(np.array([1, 2], np.float32)), np.polyint([2j, 1]))
print(np.polyint(np.random.randn(7), 3, k=[0.5, -1, 2]).tobytes().hex())
for f, a, kw in [(np.polyder, [1, 2], {'m': -1}), (np.polyint, [1, 2], {'m': -1}), (np.polyint, [1, 2], {'m': 3, 'k': [1, 2]})]:
    try:
        f(a, **kw)
    except ValueError as e:
        print(type(e).__name__, e)

print(np.poly([1, 2, 3]), np.poly([-1, -1]), repr(np.poly([])), np.poly(np.array([1, 2], np.int8)).dtype)
print(np.poly(np.array([0.5, 0.25], np.float32)), np.poly(np.array([1, 2], np.float16)).dtype)
print(np.poly([1j, -1j]), np.poly([1 + 1j, 1 - 1j, 2]), np.poly([1j, 2]), np.poly(np.array([1j], np.complex64)))
print(bits(np.poly(np.random.randn(8))), bits(np.poly(np.random.randn(5).astype(np.float32))))
r = np.random.randn(3) + 1j * np.random.randn(3)
print(bits(np.poly(np.concatenate([r, r.conj()]))), bits(np.poly(r)))
print(np.polyval(np.poly([1, 2, 3]), [1, 2, 3, 4]), np.polyder(np.poly([1, 2])), np.polyint(np.polyder([1, 2, 3])))
for a in [np.zeros((2, 3)), np.zeros((0, 0)), np.zeros((2, 2, 2))]:
    try:
        np.poly(a)
    except ValueError as e:
        print(type(e).__name__, e)
