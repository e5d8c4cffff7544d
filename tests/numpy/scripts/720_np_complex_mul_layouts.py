# complex128 multiply: NumPy 1.24 takes its SIMD loop (plain products) or its
# scalar one (fused multiply-add) by the steps its inner loop is handed, and
# its buffered iterator hands contiguous buffers for operands one stride
# cannot reach.  The bits show which path each element took.
import numpy as np


def mk(shape, k, dt='c16'):
    n = 1
    for s in shape:
        n *= s
    i = np.arange(n)
    x = np.empty(n, 'c16')
    v = x.view(np.float64)
    v[0::2] = ((i * 7 + k) % 101 + 1) / 13.7
    v[1::2] = ((i * 5 + 3 * k) % 97 + 2) / 9.1
    if dt == 'f8':
        return x.real.copy().reshape(shape)
    return x.astype(dt).reshape(shape)


def show(name, r):
    print(name, r.dtype, r.shape, r.tobytes().hex())


def tail(name, r, k=6):
    # the first and last k elements of each row (for long rows)
    show(name, np.concatenate([r[..., :k], r[..., -k:]], axis=-1))


x = mk((5, 9, 1), 0)
y = mk((1, 9, 4), 1)
show('outer3d', x * y)
show('outer-newaxis', mk((5, 9), 2)[:, :, None] * mk((9, 4), 3)[None])
show('rows', mk((2, 64), 4) * mk((2, 1), 5))
show('row-vector', mk((6, 8), 6) * mk((8,), 7))
show('one-by-one', mk((9, 4), 8) * mk((1, 1), 9))
show('strided1d', mk((40,), 10)[::2] * mk((40,), 11)[::2])
show('bcast1d', mk((40,), 12) * mk((1,), 13))
show('strided2d', mk((4, 10), 14)[:, :8:2] * mk((4, 10), 15)[:, :8:2])
show('strided2d-uniform', mk((4, 10), 16)[:, ::2] * mk((4, 10), 17)[:, ::2])
show('c-times-f', mk((5, 6), 18) * np.asfortranarray(mk((5, 6), 19)))
show('transposed', mk((6, 5), 20).T * mk((5, 6), 21))
show('reversed', mk((5, 6), 22)[::-1] * mk((5, 6), 23))
show('scalar-contig', mk((3, 4), 24) * (0.3 + 0.7j))
show('scalar-strided', mk((3, 8), 25)[:, :6:2] * (0.3 + 0.7j))
show('scalar-0d', mk((4, 6), 26).T * np.array(1.5 - 0.25j))
show('real-times-complex', mk((4, 6), 27, 'f8') * mk((4, 1), 28))
show('c8-times-c16', mk((4, 6), 29, 'c8') * mk((4, 6), 30)[:, ::-1])
show('c8-1d-times-c16', mk((6,), 31, 'c8') * mk((4, 6), 32))
z = mk((3, 4), 33)
z *= mk((1, 4), 34)
show('inplace-bcast', z)
z = mk((3, 8), 35)[:, :6:2]
z *= mk((3, 1), 36)
show('inplace-strided', z)
z = mk((3, 4), 37)
z *= mk((3, 4), 38)
show('inplace-same', z)
o = np.zeros((3, 8), 'c16')[:, ::2]
np.multiply(mk((3, 4), 39), mk((3, 4), 40), out=o)
show('out-strided2d', o)
o = np.zeros(16, 'c16')[::2]
np.multiply(mk((8,), 41), mk((8,), 42), out=o)
show('out-strided1d', o)
o = np.zeros((4, 5), 'c8')
np.multiply(mk((4, 5), 43), mk((4, 5), 44), out=o)
show('out-c8', o)
a = mk((4, 6), 45)
np.multiply(a, mk((4, 6), 46), out=a[::-1])
show('out-overlap', a)
rec = np.zeros(7, dtype=[('p', 'u1'), ('z', 'c16')])
rec['z'] = mk((7,), 47)
show('unaligned', rec['z'] * mk((7,), 48))
show('byteswapped', mk((3, 5), 49).astype('>c16') * mk((3, 1), 50))
# buffer chunks of 8192 elements: buffered (SIMD) until the rest of the
# iteration fits in one row, which then runs unbuffered (FMA)
for shape in [(3, 6000), (2, 10000), (5, 3000), (4, 8193), (7, 2731)]:
    tail('chunks%s' % (shape,), mk(shape, 51) * mk((shape[0], 1), 52))
    z = mk(shape, 53)
    z *= mk((shape[0], 1), 54)
    tail('chunks-inplace%s' % (shape,), z)
tail('chunks-c8', mk((3, 9000), 55, 'c8') * mk((9000,), 56))
tail('chunks-1d-cast', mk((20000,), 57, 'c8') * mk((40000,), 58)[::2])
