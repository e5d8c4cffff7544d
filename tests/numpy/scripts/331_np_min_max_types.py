import numpy as np
a = np.array([3, -1, 7], dtype=np.int16)
print(a.max(), type(a.max()).__name__, a.min(), np.amax(a), np.amin(a))
print(np.max(np.array([[1, 9], [5, 2]]), axis=0), np.min(np.array([1.5, -0.0, 0.0])))
print(np.array([True, False]).max(), np.array([1 + 1j, 1 + 2j]).max() if False else 0)
print(np.ptp(a) if hasattr(np, 'ptp') else a.max() - a.min())
