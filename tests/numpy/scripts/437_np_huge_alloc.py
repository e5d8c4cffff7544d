# Allocations far beyond memory fail with MemoryError (NumPy raises its
# subclass), leaving the interpreter usable.
import numpy as np

for make in [lambda: np.zeros(10**15), lambda: np.ones((10**8, 10**8)), lambda: np.empty(2**60, dtype=np.int8),
             lambda: np.arange(10**14), lambda: np.full((10**7, 10**7), 1.5), lambda: [0] * 10**13]:
    try:
        make()
        print("allocated?")
    except MemoryError:
        print("MemoryError")
a = np.zeros(3)
print(a + 1)
try:
    np.zeros(-1)
except ValueError as e:
    print("ValueError", e)
