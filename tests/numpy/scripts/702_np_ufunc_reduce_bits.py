# ufunc.reduce/accumulate on random data, compared bit for bit: add.reduce is
# np.sum (pairwise sums, NumPy's iteration order), multiply.reduce np.prod,
# maximum/minimum.reduce np.max/np.min, add.accumulate np.cumsum; the other
# ufuncs reduce step by step along the axis.
import numpy as np
np.random.seed(7)
def h(r):
    r = np.asarray(r)
    b = r.tobytes().hex()
    return r.dtype.str + str(r.shape) + ':' + b[:40] + '..' + b[-16:]
for dt in ['f2', 'f4', 'f8', 'c8', 'c16', 'i1', 'u2', 'i8', '?']:
    for sh in [(7,), (100,), (1000,), (5, 33), (40, 3, 50), (9000,)]:
        x = (np.random.random(sh) * 10 - 5).astype(dt) if dt != '?' else np.random.random(sh) > 0.5
        if dt[0] == 'c':
            x = (x + 1j * x[::-1]).astype(dt)
        out = [h(np.add.reduce(x)), h(np.add.reduce(x, axis=None)), h(np.multiply.reduce(x[:4]))]
        if x.ndim > 1:
            out += [h(np.add.reduce(x, axis=1)), h(np.add.reduce(x, axis=(0, x.ndim - 1))),
                    h(np.add.reduce(x.T, axis=0, keepdims=True)), h(np.add.reduce(x[:, ::-1], axis=-1))]
            if dt[0] != 'c':
                out += [h(np.add.reduce(x, axis=-1, dtype='f8'))]
        if dt[0] != 'c':
            out += [h(np.maximum.reduce(x, axis=None)), h(np.minimum.reduce(x)), h(np.maximum.accumulate(x))]
        out += [h(np.add.accumulate(x)), h(np.logical_or.reduce(x, axis=None)), h(np.logical_and.accumulate(x))]
        same = h(np.add.reduce(x)) == h(np.sum(x, axis=0)) and h(np.add.reduce(x, axis=None)) == h(np.sum(x))
        print(dt, sh, same, h(np.add.accumulate(x)) == h(np.cumsum(x, axis=0)))
        print(' '.join(out))
x = np.random.random(1000)
print(h(np.add.reduce(x)), h(np.sum(x)), h(np.add.reduce(x, initial=1.5)))
print(h(np.subtract.reduce(np.random.random((6, 7)), axis=1)), h(np.divide.accumulate(np.random.random((6, 7)) + 0.5, axis=0)))
print(h(np.hypot.reduce(np.random.random((6, 7, 3)), axis=(0, 2))), h(np.logaddexp.reduce(np.random.random((6, 7, 3)), axis=(1, 2))))
print(h(np.power.accumulate(np.random.random(20) + 0.5)), h(np.arctan2.accumulate(np.random.random(20) + 0.5)))
print(h(np.fmax.reduce(np.random.random((6, 7)), axis=None)), h(np.fmin.accumulate(np.random.random((6, 7)), axis=1)))
y = np.random.random((6, 7)); y[2, 3] = np.nan
print(h(np.maximum.reduce(y, axis=1)), h(np.fmax.reduce(y, axis=1)), h(np.minimum.accumulate(y, axis=1)), h(np.fmin.accumulate(y)))
