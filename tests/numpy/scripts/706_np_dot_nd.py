# np.dot with an operand above 2-d: dot(a, b)[i,j,k,m] = sum(a[i,j,:] * b[k,:,m]),
# each element summed 0 + p0 + p1 + ... as NumPy's dot loops and reference BLAS
# (bit for bit on random data); scalar operands; out=; the alignment errors.
import numpy as np
np.random.seed(11)
def h(r):
    r = np.asarray(r)
    b = r.tobytes().hex()
    return r.dtype.str + str(r.shape) + str(r.strides) + ':' + b[:32] + '..' + b[-32:]
def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r), getattr(r, 'dtype', ''))
    except Exception as e:
        print(type(e).__name__, e)
for dt in ['f2', 'f4', 'f8', 'c8', 'c16', 'i1', 'u2', 'i8', '?']:
    for sa, sb in [((2, 3, 4), (4, 5)), ((2, 3, 4), (4,)), ((5,), (2, 5, 3)), ((3, 7), (2, 7, 4)), ((2, 3, 17), (4, 17, 2)),
                   ((6, 5, 40), (40, 3)), ((4, 3, 2, 9), (2, 9, 5)), ((3, 50, 64), (64, 30)), ((30,), (4, 30, 6))]:
        x = (np.random.random(sa) * 10 - 5).astype(dt) if dt != '?' else np.random.random(sa) > 0.7
        y = (np.random.random(sb) * 10 - 5).astype(dt) if dt != '?' else np.random.random(sb) > 0.7
        if dt[0] == 'c':
            x = (x + 1j * x[..., ::-1]).astype(dt)
            y = (y * (1 - 2j)).astype(dt)
        print(dt, sa, sb, h(np.dot(x, y)))
        if x.ndim == 3:
            print(h(np.dot(x.transpose(1, 0, 2), y)), h(np.dot(x[:, ::-1], y)))
a = np.arange(24).reshape(2, 3, 4)
b = np.arange(40).reshape(5, 4, 2)
print(np.dot(a, b).shape, np.dot(a, b)[1, 2, 3, 1], np.sum(a[1, 2, :] * b[3, :, 1]))
x = np.random.random((3, 4, 5)); y = np.random.random((2, 5, 3))
print(h(np.dot(x, y.astype('f4'))), h(np.dot(x.astype('i2'), y.astype('u1'))))
show(lambda: np.dot(np.ones((2, 3, 4), 'f2'), np.ones((4, 2), 'f2')))
show(lambda: np.dot(np.ones((2, 3, 4), bool), np.ones((4, 2), 'i1')))
show(lambda: np.dot(np.ones((2, 0, 4)), np.ones((3, 4, 2))))
show(lambda: np.dot(np.ones((2, 3, 0)), np.ones((3, 0, 2))).shape)
show(lambda: np.dot(np.ones((2, 3, 0)), np.ones((3, 0, 2))).sum())
show(lambda: np.dot(np.ones((2, 3, 4)), np.ones((3, 4, 2))).strides)
show(lambda: np.dot(np.ones((2, 3, 4)).transpose(2, 1, 0), np.ones((2, 2, 3))).strides)
show(lambda: np.dot(np.ones((2, 3, 4)), np.ones((4,), 'c16')))
show(lambda: np.dot(np.ones((2, 3, 4), '>f8'), np.ones((4,), '>f8')).dtype.str)
show(lambda: np.dot(np.ones((2, 2, 2)), [[1, 2], [3, 4]]))
print('scalars')
show(lambda: np.dot(a, 2))
show(lambda: np.dot(2, 3))
show(lambda: np.dot(2.5, np.int8(3)))
show(lambda: np.dot(np.array(2, 'i1'), np.array([1, 2], 'i1')))
show(lambda: np.dot(3, np.array([1, 2], 'i1')))
show(lambda: np.dot(2.5, np.ones(2, 'f4')))
show(lambda: np.dot(np.float32(2), np.ones(2, 'f2')))
show(lambda: np.dot([1, 2], [3, 4]))
show(lambda: np.dot(np.array(1.5), np.ones((2, 2, 2))))
print('out')
o = np.zeros((2, 3, 2))
r = np.dot(np.ones((2, 3, 4)), np.ones((4, 2)), out=o); print(r is o, o[1])
o = np.zeros((3, 2))
r = np.dot(np.ones((3, 4)), np.ones((4, 2)), out=o); print(r is o, o[0])
show(lambda: np.dot(np.ones((2, 3, 4)), np.ones((4, 2)), out=np.zeros((2, 3, 2), 'f4')))
show(lambda: np.dot(np.ones((2, 3, 4)), np.ones((4, 2)), out=np.zeros((2, 3, 3))))
show(lambda: np.dot(np.ones((2, 3, 4)), np.ones((4, 2)), out=np.zeros((2, 3, 2)).T.copy().T))
show(lambda: np.dot(np.ones((2, 3, 4)), np.ones((4, 2)), out=[1]))
show(lambda: np.dot(np.ones((3, 4)), np.ones((4, 2)), out=np.zeros((3, 2), 'f4')))
print('errors')
for x, y in [((2, 3, 4), (5, 5)), ((5, 5), (2, 3, 4)), ((2, 3, 4), (5,)), ((5,), (2, 3, 4)), ((2, 3, 4), (2, 3, 4)),
             ((2, 3), (2, 3)), ((3,), (4,)), ((2, 3, 4), (1, 2, 3, 4, 5))]:
    show(lambda: np.dot(np.ones(x), np.ones(y)))
