import numpy as np
# Normal draws agree with NumPy to ~1e-13 relative (NumPy's ziggurat tables are
# literal constants nd computes itself), so they are printed at array precision.
rng = np.random.default_rng(7)
x = rng.standard_normal(2000)
print(x[:6], x.reshape(40, 50)[::7, ::9], rng.normal(3, 2, 5), rng.normal(size=(2, 2)))
print(np.round(x.mean(), 6), np.round(x.std(), 6), (x > 0).sum(), rng.random(3), rng.integers(100, size=5))
print(np.round(rng.standard_normal(), 8), np.round(rng.normal(-1.5), 8))
