# Histogram equalisation of a small integer image
import numpy as np

img = np.array([[52, 55, 61, 59], [79, 61, 76, 61], [62, 59, 55, 104], [94, 85, 59, 71]], dtype=np.uint8)
hist = np.bincount(img.ravel(), minlength=256)
cdf = np.cumsum(hist)
cdf_min = cdf[cdf > 0].min()
lut = np.round((cdf - cdf_min) / (img.size - cdf_min) * 255).clip(0, 255).astype(np.uint8)
out = lut[img]
print(out)
print(np.histogram(img, bins=4, range=(0, 256)))
print(np.histogram(out, bins=4, range=(0, 256))[0], out.dtype, np.unique(out).size)
