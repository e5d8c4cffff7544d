# Binning values: searchsorted, digitize and bincount agree
import numpy as np

edges = np.array([0.0, 10.0, 20.0, 50.0, 100.0])
vals = np.array([3.0, 10.0, 15.5, 20.0, 49.9, 50.0, 99.0, 0.0, 7.5])
idx = np.searchsorted(edges, vals, side='right') - 1
print(idx, np.digitize(vals, edges) - 1)
counts = np.bincount(idx, minlength=len(edges) - 1)
print(counts, counts.sum())
h, _ = np.histogram(vals, bins=edges)
print(h, np.array_equal(h[:-1], counts[:-1]))
sums = np.bincount(idx, weights=vals, minlength=4)
print(sums, np.round(sums / np.maximum(counts, 1), 3))
labels = ["low", "mid", "high", "top"]
print([labels[i] for i in idx])
