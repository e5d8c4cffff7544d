import numpy as np
a = np.array([[2], [7], [23]], dtype=np.uint8)
print(np.unpackbits(a, axis=1), np.unpackbits(a, axis=1, count=-3), np.unpackbits(a, axis=0, bitorder='little'))
c = np.array([1, 255], np.uint8)
for n in (-9, -16, 20, 0, 3):
    print(n, np.unpackbits(c, count=n))
print(np.unpackbits(np.array(3, np.uint8)), np.unpackbits(np.zeros((2, 0), np.uint8), axis=1).shape)
print(np.packbits(np.array([[1, 0, 1], [0, 1, 1]]), axis=1), np.packbits([1, 1, 0, 0, 0, 0, 0, 0, 1], bitorder='little'))
print(np.packbits(np.array([], bool)), np.packbits(np.array([[2, 0], [0, 0]]), axis=0), np.packbits(np.array(True)))
b = (np.arange(120).reshape(3, 4, 10) * 7 % 5) > 1
for ax in (None, 0, 1, 2, -1):
    p = np.packbits(b, axis=ax)
    print(ax, p.shape, p.flags.c_contiguous, np.unpackbits(p, axis=ax, count=(b.size if ax is None else b.shape[ax])).reshape(b.shape if ax is not None else (-1,))[:3])
for bad in (lambda: np.unpackbits(np.array([1.5])), lambda: np.unpackbits(np.array([1], np.int8)), lambda: np.packbits(np.array([1.5])),
            lambda: np.unpackbits(c, count=-17), lambda: np.packbits([1], bitorder='middle'), lambda: np.packbits(np.ones((2, 2)), axis=2)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(np.emath.sqrt(-1), np.emath.sqrt([-4, 4]), np.emath.sqrt(np.array([-1.0], dtype=np.float32)), np.emath.sqrt(4))
print(np.emath.log(-np.e), np.emath.log([1, -1]), np.emath.log2(-8), np.emath.log10([-10, 100]), np.emath.logn(2, [-8, 8]))
print(np.emath.power([2, 4], -2), np.emath.power(-4, 0.5), np.emath.power([-8, 8], 2))
print(np.emath.arccos([1, 2]), np.emath.arcsin(2), np.emath.arctanh([0.5, 2]), np.lib.scimath.sqrt(-9))
