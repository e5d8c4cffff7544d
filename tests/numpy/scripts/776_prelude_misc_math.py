# angle, unwrap, sinc, i0, histogram_bin_edges, histogram2d, histogramdd from
# nd's prelude.  angle, sinc and i0 sit on arctan2/sin/exp, which NumPy runs
# through SVML on AVX512 machines (last-bit differences), so their values are
# printed, not their bits; unwrap and the histograms are compared bit for bit.
import numpy as np

np.random.seed(21)


def bits(x):
    x = np.asarray(x)
    return x.dtype, x.shape, x.tobytes().hex()


print(np.angle([1.0, 1.0j, 1 + 1j]), np.angle(1 + 1j, deg=True), np.angle(-1), np.angle([-2, 0, 3], deg=True))
print(np.angle(np.array([1 - 1j], np.complex64)).dtype, repr(np.angle(np.float32(-1))), repr(np.angle(True)))
print(np.angle(np.array([[-0.0 - 0j, -1 - 0.0j]])), np.angle(np.array([1j, -1j]), True))
z = np.random.randn(30) + 1j * np.random.randn(30)
print(np.angle(z), np.angle(z, deg=True), np.angle(z.real), np.angle(z.real[::2], deg=1), np.angle(z.astype(np.complex64)).dtype)

phase = np.linspace(0, np.pi, num=5)
phase[3:] += np.pi
print(np.unwrap(phase), np.unwrap([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], period=4), np.unwrap([2, 3, 4, 5, 2, 3, 4, 5], period=4))
print(np.unwrap([1, 2, 3, 4, 5, 6, 1, 2, 3], period=6), np.unwrap(np.array([0, 5, 10, 15], np.int8), period=8))
print(np.unwrap([0., 3.5, 7.], discont=1.0), np.unwrap([0., np.pi, 2 * np.pi, -np.pi]), np.unwrap([0, 720, 1080], period=360))
x = np.cumsum(np.random.randn(3, 40), axis=1) * 2
print(bits(np.unwrap(x)), bits(np.unwrap(x, axis=0)), bits(np.unwrap(x.astype(np.float32))), bits(np.unwrap(x, discont=4)))
print(bits(np.unwrap(x, period=5.5)), bits(np.unwrap(x.T[::2], axis=0, period=3)), bits(np.unwrap((x * 10).astype(int), period=25)))
print(repr(np.unwrap([])), repr(np.unwrap([1.0])), np.unwrap(np.array([1, 5], np.float16)))

print(np.sinc([0, 0.5, 1, -1.5, 2.25]), repr(np.sinc(0)), np.sinc(np.float32(0.25)).dtype, np.sinc(np.array([1, 2], np.int8)))
print(np.sinc(np.array([[0.0, 1e-20], [-0.0, 3]])), np.sinc(np.array([0.5], np.float16)))
t = np.random.uniform(-10, 10, 200)
print(np.sinc(t), np.sinc(t.astype(np.float32)), np.sinc(t.reshape(10, 20)[:, ::3]))

print(np.i0(0.), np.i0([0., 1., 8., 8.5, -3.]), repr(np.i0(5)), repr(np.i0(np.float32(2.5))), repr(np.i0(np.array([], int))))
print(np.i0(np.array([[1, 2], [9, 10]])), repr(np.i0(np.array([1., 9.], np.float16))), repr(np.i0(np.array(7.9))))
print(np.i0(np.array([np.inf, -np.inf, np.nan, 700])), np.i0(np.array([True, False])))
u = np.random.uniform(-40, 40, 500)
print(np.i0(u), np.i0(u.astype(np.float32)), np.i0(u[::7].reshape(-1, 1)).shape, np.i0(np.linspace(0, 16, 161)))
try:
    np.i0([1j])
except TypeError as e:
    print(type(e).__name__, e)

d = np.array([0, 1, 1, 2, 2, 2, 3, 3, 4, 5, 9.5])
print(np.histogram_bin_edges(d), np.histogram_bin_edges(d, bins=3), np.histogram_bin_edges(d, bins=4, range=(0, 8)))
print(np.histogram_bin_edges(d, bins=[0, 2, 10]), np.histogram_bin_edges([1, 2, 3]), np.histogram_bin_edges(np.array([5, 5], np.int8), 2))
print(np.histogram_bin_edges(np.array([1, 2], np.float32), 4), np.histogram_bin_edges([], 3), np.histogram_bin_edges([[1, 2], [3, 9]], 2))
print(np.histogram_bin_edges(d, 2, weights=np.ones_like(d)), np.histogram_bin_edges(d, np.array([1, 4])))
for args, kw in [((d,), {'bins': [3, 1]}), ((d,), {'bins': [[1, 2]]}), ((d,), {'bins': -1}), ((d,), {'bins': 2.5}),
                 ((d,), {'range': (3, 1)}), ((d,), {'range': (0, np.inf)}), (([1., np.nan],), {}), ((d,), {'weights': [1, 2]})]:
    try:
        np.histogram_bin_edges(*args, **kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

x = np.array([0.1, 0.5, 0.7, 0.7, 1.0, 2.0, 3.5])
y = np.array([1.0, 1.5, 1.5, 2.5, 0.0, 3.0, 3.5])
H, xe, ye = np.histogram2d(x, y)
print(H.shape, H.sum(), xe, ye)
for kw in [{'bins': 3}, {'bins': [2, 3]}, {'bins': [0, 1, 2, 4]}, {'bins': ([0, 1, 4], [0, 2, 4])}, {'bins': (3, [0, 2, 4])},
           {'bins': 2, 'range': [[0, 2], [1, 2]]}, {'bins': 3, 'density': True}, {'bins': 2, 'weights': np.arange(7.)},
           {'bins': [2, 2], 'weights': np.arange(7), 'density': True}, {'bins': 4, 'range': [None, (0, 1)]}]:
    H, xe, ye = np.histogram2d(x, y, **kw)
    print(H, xe, ye)
print(np.histogram2d(np.array([1, 2, 2], np.int8), [3., 4., 4.], bins=2))
print(np.histogram2d([], [], bins=2), np.histogram2d(x[::2], y[::-2], bins=2)[0])
rx = np.random.randn(300)
ry = np.random.randn(300) * 2
H, xe, ye = np.histogram2d(rx, ry, bins=(7, 5), density=True)
print(bits(H), bits(xe), bits(ye))
H, xe, ye = np.histogram2d(rx, ry, bins=6, weights=np.random.rand(300))
print(bits(H), bits(xe), bits(ye))
s = np.random.randn(100, 3)
H, e = np.histogramdd(s, bins=(2, 3, 4))
print(H.shape, H.sum(), [bits(v) for v in e])
H, e = np.histogramdd(s, bins=3, density=True, range=[(-1, 1), None, (0, 3)])
print(bits(H), [v.tolist() for v in e])
print(np.histogramdd(np.array([[1, 2], [2, 3], [1, 3]]), bins=[[0, 1.5, 3], [1, 2, 4]]))
print(np.histogramdd([[1, 2], [2, 3], [1, 3]], bins=2))
print(np.histogramdd(np.arange(5.), bins=2))
for args, kw in [((x, y[:3]), {}), ((x, y), {'bins': [1, 2, 3]}), ((x, y), {'bins': 0}), ((x, y), {'bins': 1.5}),
                 ((x, y), {'bins': [[3, 1], [1, 2]]}), ((x, y), {'range': [(0, 1)]}), ((x, y), {'bins': [[[1, 2]], 2]}),
                 ((x, y), {'range': [(2, 1), None]})]:
    try:
        np.histogram2d(*args, **kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
