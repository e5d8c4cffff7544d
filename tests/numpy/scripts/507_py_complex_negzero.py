# Python complex numbers with signed zeros: complex() keeps them, repr
# prints (1-0j)
import numpy as np

print(complex(1, -0.0), (np.array([2 - 2.5j]) / np.array([2 - 2.5j])).tolist())
for a in [0.0, -0.0, 1.0, float('nan'), float('inf'), 1 + 2j, complex(0.0, -0.0)]:
    row = []
    for b in [0.0, -0.0, 2.5, float('nan'), float('-inf'), 1j, -1j, complex(1, -0.0)]:
        c = complex(a, b)
        row.append(repr(c))
    print(' '.join(row), str(complex(a)))
print(complex(), complex(np.float64(2)), complex(np.complex64(1 - 2j)), complex(True, 2))
print([complex(-0.0, -0.0), complex(0.0, -0.0), -complex(0, 0), -(1 + 0j)])
print(np.array([1 - 0j, -1 + 0j]).conj().tolist(), np.complex128(complex(3, -0.0)).item())
