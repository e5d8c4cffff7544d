# A small statistics report: robust summaries of seeded data
import numpy as np

np.random.seed(7)
data = np.round(np.random.normal(50.0, 10.0, size=200), 2)
data[::37] = np.nan
clean = data[~np.isnan(data)]
q1, med, q3 = np.percentile(clean, [25, 50, 75])
iqr = q3 - q1
print(f"n={clean.size} missing={np.isnan(data).sum()}")
print(f"median={med:.3f} mean={np.nanmean(data):.3f} q1={q1:.3f} q3={q3:.3f} iqr={iqr:.3f}")
print(f"min={np.nanmin(data):.2f} max={np.nanmax(data):.2f} ptp={np.ptp(clean):.2f}")
lo, hi = q1 - 1.5 * iqr, q3 + 1.5 * iqr
out = clean[(clean < lo) | (clean > hi)]
print("outliers", np.sort(out))
counts, edges = np.histogram(clean, bins=8)
for c, a, b in zip(counts, edges[:-1], edges[1:]):
    print(f"{a:7.2f} .. {b:7.2f} | {'#' * (int(c) // 2)} {c}")
print(np.median(clean.reshape(-1, 1)), np.average(clean, weights=np.arange(clean.size) + 1.0).round(4))
