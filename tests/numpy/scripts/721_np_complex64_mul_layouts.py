# complex64 multiply: NumPy 1.24's SIMD loop sums the imaginary part as
# ai*br + ar*bi, its scalar loop as ar*bi + ai*br; with NaN imaginary parts
# of opposite signs the result's NaN sign tells which loop ran.
import numpy as np


def mk(shape, k, neg):
    n = 1
    for s in shape:
        n *= s
    i = np.arange(n)
    x = np.zeros(n, 'c8')
    v = x.view(np.float32)
    v[0::2] = ((i * 7 + k) % 101 + 1) / 13.7
    v[1::2] = -np.nan if neg else np.nan
    return x.reshape(shape)


def signs(name, r):
    print(name, r.shape, ''.join('-' if s else '+' for s in np.signbit(r.imag).ravel().tolist()))


signs('contig', mk((40,), 0, False) * mk((40,), 1, True))
signs('strided1d', mk((40,), 0, False)[::2] * mk((40,), 1, True)[::2])
signs('rows', mk((4, 10), 2, False) * mk((4, 1), 3, True))
signs('row-vector', mk((4, 10), 2, False) * mk((10,), 3, True))
signs('one-by-one', mk((4, 10), 4, False) * mk((1, 1), 5, True))
signs('outer', mk((5, 6), 6, False)[:, :, None] * mk((6, 4), 7, True)[None])
signs('strided2d', mk((4, 10), 8, False)[:, :8:2] * mk((4, 10), 9, True)[:, :8:2])
signs('strided2d-uniform', mk((4, 10), 8, False)[:, ::2] * mk((4, 10), 9, True)[:, ::2])
signs('scalar', mk((3, 8), 10, False)[:, :6:2] * np.complex64(complex(1, -np.nan)))
z = mk((4, 10), 11, False)
z *= mk((1, 10), 12, True)
signs('inplace', z)
o = np.zeros((4, 16), 'c8')[:, ::2]
np.multiply(mk((4, 8), 13, False), mk((4, 8), 14, True), out=o)
signs('out-strided', o)
r = mk((3, 6000), 15, False) * mk((3, 1), 16, True)
signs('chunks', r[:, -8:])
signs('chunks-head', r[:, :8])
