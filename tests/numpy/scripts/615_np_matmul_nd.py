# a @ b: stacked operands, broadcasting, errors, output layout, sums as NumPy's
# loops and reference BLAS (0 + p0 + p1 + ...; float16 in float32).
import numpy as np
a = np.ones((3, 4)); b = np.ones((4, 3)); print((a.T @ b.T).strides)
a = np.linspace(0, 1, 16).reshape(4, 4).astype('f2'); print((a @ a).tobytes()[:8])
print(np.ones((2, 2, 3)) @ np.ones((3, 2)))
a = np.ones((3,2,4,4)).transpose(1,0,2,3); print((a@a).strides, (a@a).shape)
a = np.ones((3,2,4,5)).transpose(1,0,3,2); print((a@np.ones((4,2))).strides)
a = np.ones((4,3,2)).T; print((a@np.ones((4,2))).strides, (a@np.ones(4)).strides, (np.ones(3) @ np.ones((5,3,2))).strides)
for x,y in [((2,2,3),(3,3,2)), ((2,3),(2,3)), ((4,2,3),(5,3,2)), ((4,2,3),(5,2,2)), ((3,),(2,2)), ((3,),(2,)),((2,3),(2,)),((5,1,2,3),(4,3,2)), ((5,1,2,3),(4,2,2)),
            ((2,5,2,3),(3,3,2)), ((7,2,3),(6,1,3,4)), ((2,1,3),(3,1,3,4)), ((2,2,3),(3,3)), ((4,2,3),(5,3,1)), ((4,1,3),(5,3,6)),((4,0,3),(5,3,6)), ((3,),(3,)), ((0,),(0,)), ((2,0),(0,3)), ((3,), (2,3,4))]:
  try:
    r = np.arange(np.prod(x)).reshape(x) @ (np.arange(np.prod(y)) - 3).reshape(y)
    print(x, y, r.shape, r.strides, r.dtype, repr(r))
  except Exception as e: print(type(e).__name__, e)
print(np.matmul(np.ones((2,3),'f2'), np.ones(3,'f2')).dtype, (np.ones((2,3),bool)@np.ones((3,2),bool)), (np.ones((2,3),'i1')@np.ones((3,),'u1')).dtype)
np.random.seed(3)
for dt in ['f2', 'f4', 'f8', 'c8', 'c16', 'i1', 'u2', '?']:
    for sh in [((5, 9), (9, 4)), ((3, 20), (20,)), ((40,), (40,)), ((2, 3, 17), (17, 2)), ((17,), (3, 17, 2)), ((6, 6), (6, 6))]:
        x = (np.random.random(sh[0]) * 10 - 5).astype(dt) if dt != '?' else np.random.random(sh[0]) > 0.7
        y = (np.random.random(sh[1]) * 10 - 5).astype(dt) if dt != '?' else np.random.random(sh[1]) > 0.7
        if dt[0] == 'c':
            x = x + 1j * x[..., ::-1]; y = y * (1 - 2j)
            x = x.astype(dt); y = y.astype(dt)
        r = x @ y
        print(dt, r.dtype, r.tobytes().hex()[:64], (x.T @ y.T if x.ndim == 2 and y.ndim == 2 and sh[0][0] == sh[1][1] else r).tobytes().hex()[-32:])
        if x.ndim == 2 and y.ndim == 2:
            print((x[::-1] @ y[:, ::-1]).tobytes().hex()[-48:], np.dot(x, y).tobytes().hex()[-32:])
x = np.array([[-0.0, -0.0]]); print(x @ x.T, np.array([-0.0]) @ np.array([-0.0, 0.0])[:1], np.dot(np.array([-0.0]), np.array([2.0])))
print((np.ones((2,3),'>f8') @ np.ones(3, '>f8')).dtype)
