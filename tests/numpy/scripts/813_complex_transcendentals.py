import numpy as np
z = np.array([1 + 2j, -1.5 + 0.5j, 0j, -2 + 0j, 1e-10 + 1e-10j, 3 - 4j, np.inf + 1j, complex(np.nan, 1), 0.5 - 0.25j])
for f in (np.log10, np.log2, np.exp2, np.expm1, np.log1p, np.tan, np.arcsin, np.arccos, np.arctan, np.sinh, np.cosh, np.tanh, np.arcsinh, np.arccosh, np.arctanh):
    with np.errstate(all='ignore'):
        r = f(z)
        r32 = f(z.astype(np.complex64))
    print(f.__name__, [complex(v) for v in r], r.dtype)
    print(f.__name__, [complex(v) for v in r32], r32.dtype)
print(np.log10(1j), np.tan(np.complex64(1 + 1j)), np.arcsin(np.array(2 + 0j)))
