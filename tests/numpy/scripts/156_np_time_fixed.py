import numpy as np
import time
t0 = time.time()
p0 = time.perf_counter()
a = np.arange(100000).sum()
elapsed = time.perf_counter() - p0
print(a, elapsed >= 0, time.time() >= t0, type(elapsed).__name__)
print("elapsed: (fixed message)")
