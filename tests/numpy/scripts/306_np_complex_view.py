import numpy as np
z = np.array([1 + 2j, 3 + 4j])
f = z.view(np.float64)
print(f, f.shape)
f[1] = -2
print(z)
r = np.array([1.0, 2.0, 3.0, 4.0]).view(np.complex128)
print(r, r.shape)
print(np.array([1 + 1j], dtype=np.complex64).view(np.float32))
