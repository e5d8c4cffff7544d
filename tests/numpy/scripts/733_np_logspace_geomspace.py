import numpy as np
# values whose powers are exact (nd's power is libm pow; NumPy's may be SIMD)
print(np.logspace(0, 3, 4))
print(np.logspace(0, 4, 5, base=2.0).tolist())
print(np.logspace(0, 2, 5, base=4).tolist())
print(np.logspace(1, 4, 3, endpoint=False).tolist())
print(np.logspace(0, 3, 4, dtype=int))
print(np.logspace(0, 3, 4, dtype=np.float32))
print(np.logspace(0, 1, 0).tolist(), np.logspace(2, 3, 1).tolist())
print(np.geomspace(1, 1000, 4))
print(np.geomspace(1, 1000, 4).tolist())
print(np.geomspace(-1, -1000, 4).tolist())
print(np.geomspace(1000, 1, 4).tolist())
print(np.geomspace(2, 5, 1).tolist(), np.geomspace(2, 5, 0).tolist(), np.geomspace(3, 7, 2).tolist())
print(np.geomspace(1, 100, 3, dtype=np.float32))
print(np.geomspace(1, 10000, 5, dtype=int))
for bad in [lambda: np.geomspace(0, 10, 3), lambda: np.geomspace(1, 0.0, 3)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
