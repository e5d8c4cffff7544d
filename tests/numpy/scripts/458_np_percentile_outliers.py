# Percentile-based clipping and ranking
import numpy as np

v = np.array([12, 15, 14, 10, 100, 13, 11, 16, -40, 14])
lo, hi = np.percentile(v, [5, 95])
print(lo, hi, np.clip(v, lo, hi))
ranks = np.argsort(np.argsort(v))
print(ranks, np.quantile(v, ranks / (v.size - 1)))
m = v.reshape(2, 5)
print(np.percentile(m, 50, axis=1), np.median(m, axis=1), np.percentile(m, [0, 100], axis=0))
print(np.quantile(np.linspace(0, 1, 11), [0.33, 0.5, 0.67]))
