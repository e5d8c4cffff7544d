# nanvar/nanstd with where= (needs the reductions' where= support)
import numpy as np

np.random.seed(1)
a = np.random.randn(4, 5)
a[a > 1] = np.nan
w = np.random.rand(4, 5) > 0.3
print(np.nanvar(a, where=w).tobytes().hex(), np.nanstd(a, axis=1, where=w, ddof=1).tobytes().hex())
print(np.nanvar(a, axis=0, where=w[0], keepdims=True), np.nanstd(a.astype(np.float32), axis=1, where=w))
print(np.nanvar(np.arange(6.).reshape(2, 3), where=[True, False, True]), np.nanvar(np.arange(6).reshape(2, 3), axis=1, where=[True, False, True]))
print(np.nanstd(a + 1j * a[::-1], axis=0, where=w))
