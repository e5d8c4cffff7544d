import numpy as np
for v in [0.1, 1/3, 2.5, 1e-8, 123456789.0, 3.4e38, 1e-45]:
    f = np.float32(v)
    print(repr(f), str(f), f.item() == v)
print(np.float32(0.1) + np.float32(0.2), np.float64(0.1) + np.float64(0.2))
print(np.array([0.1, 0.2], dtype=np.float32).sum())
