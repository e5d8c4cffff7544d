import numpy as np
z = np.array([1 + 2j, 3 - 4j])
print(z.real, z.imag, z.real.dtype, np.shares_memory(z, z.real), abs(z), z * 1j, z.conj() if hasattr(z, 'conj') else 0)
z.imag[0] = 10
print(z)
print(np.array([1.5, 2.5]).imag, np.array([1, 2]).real)
print((1 + 2j) * (3 - 1j), (1 + 2j) / (1 - 1j), abs(3 + 4j), (1j) ** 2, complex(1, 2), (2 + 0j).real, 1j.imag)
