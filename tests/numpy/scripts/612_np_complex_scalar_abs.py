# abs() of a NumPy complex scalar is npy_cabs (hypot); np.abs of arrays is the ufunc.
import numpy as np
np.random.seed(1)
x = (np.random.random(4000) - 0.5) * np.array([1e-5, 1e-3, 0.1, 1.0, 10.0, 1e4, 1e5])[np.random.randint(0, 7, 4000)]
y = (np.random.random(4000) - 0.5) * np.array([1e-5, 1e-3, 0.1, 1.0, 10.0, 1e4, 1e5])[np.random.randint(0, 7, 4000)]
for dt in ['c16', 'c8']:
    z = (x + 1j * y).astype(dt)
    out = []
    for i in range(4000):
        out.append(repr(abs(z[i])))
    print(dt, " ".join(out))
vals = [complex(0, 0), complex(-0.0, 0), complex(np.inf, np.nan), complex(np.nan, np.inf), complex(np.nan, 1), complex(1e308, 1e308), complex(3, 4), complex(-1e-320, 1e-320)]
for v in vals:
    print(repr(abs(np.complex128(v))), repr(abs(np.complex64(v))), type(abs(np.complex64(v))).__name__)
z = np.complex128(-1.5+2.5j)
print(abs(z), np.abs(z), np.abs(np.array([z])), np.absolute(np.array([z]))[0], abs(np.array(z)), abs(np.array([z]))[0])
w = np.complex64(-1.5+2.5j)
print(abs(w), np.abs(w), np.abs(np.array([w]))[0], repr(abs(w)))
