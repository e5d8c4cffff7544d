# NumPy complex scalar * scalar is scalarmath (no fused multiply-add); arrays use the ufunc.
import numpy as np
np.random.seed(5)
x = (np.random.random(400) - .5) + 1j * (np.random.random(400) - .5)
y = (np.random.random(400) - .5) + 1j * (np.random.random(400) - .5)
out = []
for i in range(400):
    a, b = x[i], y[i]
    out.append(repr(a * b)); out.append(repr(np.complex64(a) * np.complex64(b)))
    out.append(repr(a * complex(b))); out.append(repr(complex(a) * b)); out.append(repr(np.complex64(a) * b))
    out.append(repr(a * np.float64(b.real))); out.append(repr(np.complex64(a) * 2.5)); out.append(repr(np.complex64(a) * np.float32(b.imag)))
print(' '.join(out))
print(repr(np.complex128(complex(np.inf, 1)) * np.complex128(2j)), repr(np.complex64(1j) * np.int8(3)), repr(np.array(x[0]) * y[0]), repr(x[:1] * y[0]))
