import numpy as np
a = np.array([1.0, np.nan, 3.0, np.nan])
print(a.sum(), a.max(), a.min(), a.mean(), np.isnan(a).sum(), np.isfinite(np.array([np.inf, 1.0, np.nan])))
print(a[~np.isnan(a)].sum(), np.where(np.isnan(a), 0.0, a))
print(np.isinf(np.array([np.inf, -np.inf, 0.0])), np.maximum(a, 2.0), np.minimum(np.nan, 1.0))
print(np.nan == np.nan, np.inf > 1e308, -np.inf < 0, np.nan != np.nan)
