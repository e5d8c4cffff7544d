# Which NaN a result carries when both operands are NaN: x86 returns the
# first operand's, and NumPy's loops and reductions keep that order (the
# sign bit tells -nan from nan; printing shows both as nan).  NumPy's
# contiguous SIMD loops (8 or more items) answer by the arrays' addresses,
# so only short contiguous runs are compared.
import numpy as np
P = np.float64(np.nan)
N = -P
for dt in ['f8', 'f4', 'f2']:
    for name, f in [('add', np.add), ('sub', np.subtract), ('mul', np.multiply), ('div', np.divide)]:
        row = []
        for n in [1, 3, 5, 8, 17, 40]:
            if n < 8:
                a = np.full(n, N, dt)
                b = np.full(n, P, dt)
                row.append(np.signbit(f(a, b)).tolist().count(True))
                row.append(np.signbit(f(b, a)).tolist().count(True))
            a2 = np.full(2 * n, N, dt)
            b2 = np.full(2 * n, P, dt)
            row.append(np.signbit(f(a2[::2], b2[::2])).tolist().count(True))
        print(dt, name, row)
    for v in [[N, P], [P, N], [np.inf, -0.0, P], [P, np.inf, 0.0, N], [N] + [1.5] * 20 + [P]]:
        a = np.array(v, dt)
        print(dt, a.prod().tobytes().hex(), a.sum().tobytes().hex(), np.cumprod(a).tobytes().hex(), np.cumsum(a).tobytes().hex())

# complex division of NaN parts (NumPy's Smith division as compiled)
x = np.array([-33, -47, -65, -78], dtype='i4').view('c8')
for d in [0.5 - 1j, 1 - 0.5j, 2 + 0j, 0 + 2j, np.nan + 1j, 1 + np.nan * 1j]:
    print(d, (x / np.complex64(d)).view('i4').tolist(), (x.astype('c16') / d).view('i8').tolist()[:2])
