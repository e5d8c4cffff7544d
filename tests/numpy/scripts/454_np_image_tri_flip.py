# Image-style array work: masks from tril/triu, flips, rolls and padding by concatenation
import numpy as np

img = np.arange(36, dtype=np.uint8).reshape(6, 6)
print(np.tril(img) - np.triu(img, 1).T == np.tril(img) - np.tril(img.T, -1))
mirror = np.fliplr(img)
print(mirror[:2], np.array_equal(np.flipud(np.flipud(img)), img))
shifted = np.roll(img, (1, -1), axis=(0, 1))
print(shifted[:3, :3])
border = np.zeros((8, 8), dtype=np.uint8)
border[1:-1, 1:-1] = img
print(border.sum() == img.sum(), border[0].tolist(), border[1, :4].tolist())
mask = np.tri(6, dtype=bool)
print(img[mask].size, img[~mask].max(), np.where(mask, img, 255)[-2:])
print(np.diag(np.fliplr(img)), np.trace(np.fliplr(img)))
