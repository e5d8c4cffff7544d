import numpy as np
print(np.array([1 + 2j, 3 - 4.5j]))
print(np.array([0j, -1j]), repr(np.array([1 + 1j], dtype=np.complex64)))
print(np.array([np.nan + 1j, complex(np.inf, -np.inf)]))
print(np.complex128(1 + 2j), repr(np.complex128(-0.5j)), np.complex64(3))
print(np.array([1e10 + 1j, 1 + 1e-10j]))
