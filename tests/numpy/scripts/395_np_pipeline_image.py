import numpy as np
img = np.arange(48, dtype=np.uint8).reshape(4, 4, 3)
gray = img.mean(axis=2)
print(gray, gray.dtype)
flipped = img[:, ::-1]
print(np.shares_memory(img, flipped), flipped[0, 0])
crop = img[1:3, 1:3].copy()
crop[...] = 255
print(img[1, 1], crop.flags['OWNDATA'])
bright = np.clip(img.astype(np.int16) * 3, 0, 255).astype(np.uint8)
print(bright[3, 3], (img * 3)[3, 3])
