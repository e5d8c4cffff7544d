# nansum, nanprod, nanmean, nanmax, nanmin
import numpy as np

m = np.array([[1.0, 5.0, np.nan], [4.0, np.nan, 6.0], [np.nan, np.nan, np.nan]])
print(np.nansum(m), np.nansum(m, axis=0), np.nansum(m, axis=1, keepdims=True))
print(np.nanprod(m), np.nanprod(m, axis=1))
print(np.nanmean(m[:2]), np.nanmean(m[:2], axis=0), np.nanmean(m, axis=1))
print(np.nanmax(m, axis=1), np.nanmin(m, axis=0), np.nanmax(m[:2]), np.nanmin(m[:2]))
print(np.nansum([1, 2, 3]), np.nanmean(np.arange(4)), np.nanmax(np.array([3, 1, 2])), type(np.nansum(m)).__name__)
f = np.array([1.0, np.nan, 2.0], dtype=np.float32)
print(np.nansum(f), np.nanmean(f), np.nanmax(f), np.nansum(f).dtype, np.nanmean(f).dtype)
print(np.nanmax(np.array([-np.inf, np.nan])), np.nanmin(np.array([np.nan, np.inf])))
print(np.nansum(np.array([np.nan, np.nan])), np.nansum(m, dtype=np.float32).dtype)
