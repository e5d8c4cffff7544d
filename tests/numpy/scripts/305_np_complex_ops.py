import numpy as np
z = np.array([1 + 2j, 3 - 1j])
print(z * 1j, z.conj(), z.real, z.imag, np.abs(z))
print(z + 1, (z * z).dtype, z.sum(), z.mean(), z == (1 + 2j))
print(z.real.base is z, np.shares_memory(z, z.imag))
z.real[0] = 10
print(z)
c = np.complex64(1 + 1j)
print(c * 2, type(c * 2).__name__, type(c * 2.0).__name__, abs(np.complex128(3 + 4j)))
