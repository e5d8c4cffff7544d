import numpy as np
z = np.array([1.5 + 2j, -3 - 0.5j])
print(z.astype(np.complex64), z.astype(np.complex64).dtype, np.abs(z).dtype)
print(np.array([1, 2]).astype(complex), np.array([True]).astype(np.complex64))
try:
    z.astype(np.float64, casting='safe')
except TypeError as e:
    print(type(e).__name__, e)
print(np.array([1j]) + np.array([1], dtype=np.float32), (np.array([1j], dtype=np.complex64) * 2.5).dtype)
