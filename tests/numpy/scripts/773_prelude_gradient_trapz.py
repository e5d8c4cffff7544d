# gradient and trapz from nd's prelude (float bits compared)
import numpy as np

np.random.seed(3)


def bits(x):
    if isinstance(x, list):
        return [bits(v) for v in x]
    x = np.asarray(x)
    return x.dtype, x.shape, x.tobytes().hex()


f = np.array([1, 2, 4, 7, 11, 16], dtype=float)
print(np.gradient(f), np.gradient(f, 2), np.gradient(f, edge_order=2), np.gradient(f, 0.5, edge_order=2))
x = np.array([0., 1., 1.5, 3.5, 4., 6.])
print(np.gradient(f, x), np.gradient(f, x, edge_order=2))
print(np.gradient([1, 2, 4, 8]), np.gradient(np.array([1, 2, 4, 8], np.int8)).dtype, np.gradient([1, 3], [0, 2]))
g = np.array([[1, 2, 6], [3, 4, 5]])
print(np.gradient(g), np.gradient(g, axis=0), np.gradient(g, 2., axis=1), np.gradient(g, [1., 2.], [0, 1, 3]))
print(np.gradient(g, axis=(1, 0)), np.gradient(g, 1.5, 2, edge_order=1), np.gradient(g, axis=-1))
print(np.gradient(np.array([1., 4., 9., 16.], np.float32)), np.gradient(np.array([1., 4., 9.], np.float16), 0.5))
print(np.gradient(np.array([1 + 1j, 2 - 1j, 4j])), np.gradient(np.arange(5) ** 2, np.array([0, 1, 2, 4, 8])))
print(np.gradient(np.arange(5.), np.float32(2)), np.gradient(np.arange(5, dtype=np.float32), np.arange(5.) ** 2))
print(np.gradient(np.arange(12.).reshape(3, 4)[:, ::-2]), np.gradient(np.arange(6.), np.array(2.0)))
for dt in ['float64', 'float32', 'float16', 'int32', 'uint8', 'complex128']:
    for shape in [(9,), (5, 7), (3, 4, 6)]:
        a = np.random.randn(*shape) * 20
        if dt[0] == 'c':
            a = a + 1j * np.random.randn(*shape)
        a = a.astype(dt)
        for eo in [1, 2]:
            print(dt, shape, eo, bits(np.gradient(a, edge_order=eo)))
            h = [np.sort(np.random.rand(n)) * 10 for n in shape]
            print(bits(np.gradient(a, *h, edge_order=eo)), bits(np.gradient(a, 0.3, edge_order=eo, axis=-1)))
            print(bits(np.gradient(a, *[np.arange(n) * 3 for n in shape], edge_order=eo)))
for args, kw in [((np.arange(2.),), {'edge_order': 2}), ((np.arange(1.),), {}), ((np.arange(5.), 1, 2), {}),
                 ((np.arange(5.), np.arange(4.)), {}), ((np.arange(5.), np.ones((5, 1))), {}),
                 ((np.arange(5.),), {'edge_order': 3}), ((np.ones((2, 3)),), {'axis': 2}),
                 ((np.ones((2, 3)),), {'axis': (0, 0)}), ((np.array([True, False, True]),), {})]:
    try:
        np.gradient(*args, **kw)
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)

y = np.array([1., 2., 4., 3.])
print(np.trapz(y), np.trapz(y, dx=0.5), np.trapz(y, x=[0, 1, 3, 4]), np.trapz([1, 2, 3]), np.trapz([[1, 2], [3, 4]]))
print(np.trapz([[1, 2], [3, 4]], axis=0), np.trapz(np.arange(12.).reshape(3, 4), x=[0, 2, 3], axis=0))
print(np.trapz(np.arange(12.).reshape(3, 4), x=np.arange(12.).reshape(3, 4) ** 2), np.trapz([1 + 1j, 2j, 3]))
print(repr(np.trapz([5.])), repr(np.trapz([])), np.trapz(np.ones((2, 0))), np.trapz(np.array([1, 2, 3], np.float32), dx=2))
for dt in ['float64', 'float32', 'int64', 'complex128']:
    for shape in [(50,), (7, 30), (4, 5, 300)]:
        a = (np.random.randn(*shape) * 10).astype(dt)
        xs = np.cumsum(np.random.rand(shape[-1]))
        print(dt, shape, bits(np.trapz(a)), bits(np.trapz(a, xs)), bits(np.trapz(a, dx=0.1, axis=0)))
        print(bits(np.trapz(a[..., ::3], xs[::3])), bits(np.trapz(a, x=np.broadcast_to(xs, shape) * 2, axis=-1)))
