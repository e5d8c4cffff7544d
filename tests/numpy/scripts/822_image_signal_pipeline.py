import numpy as np
# image-pipeline style
img = (np.arange(64 * 48) % 251).astype(np.uint8).reshape(48, 64)
f = img.astype(np.float32) / 255.0
print(f.dtype, f.mean(), f.std(), f.min(), f.max())
k = np.array([[1, 2, 1], [2, 4, 2], [1, 2, 1]], dtype=np.float32) / 16
from numpy.lib.stride_tricks import sliding_window_view
win = sliding_window_view(np.pad(f, 1, mode='edge'), (3, 3))
blur = (win * k).sum(axis=(-1, -2))
print(blur.shape, blur.dtype, blur[:2, :4])
gx = np.zeros_like(f); gx[:, 1:-1] = f[:, 2:] - f[:, :-2]
gy = np.zeros_like(f); gy[1:-1, :] = f[2:, :] - f[:-2, :]
mag = np.hypot(gx, gy); print(mag.max(), np.percentile(mag, 90), (mag > 0.1).sum())
hist, edges = np.histogram(img, bins=16, range=(0, 256)); print(hist, edges[:3])
cdf = hist.cumsum(); cdf_n = (cdf - cdf.min()) * 255 / (cdf.max() - cdf.min()); print(cdf_n.astype(np.uint8))
lut = np.clip(np.arange(256) * 1.5, 0, 255).astype(np.uint8); out = lut[img]; print(out[:2, :8], out.dtype)
rgb = np.stack([img, img // 2, 255 - img], axis=-1); print(rgb.shape, rgb.strides, rgb[0, :3])
gray = (rgb @ np.array([0.299, 0.587, 0.114])).round().astype(np.uint8); print(gray[:2, :6])
small = img[::4, ::4]; print(small.shape, small.flags['C_CONTIGUOUS'], np.shares_memory(small, img))
tiles = img.reshape(6, 8, 8, 8).swapaxes(1, 2); print(tiles.shape, tiles[1, 2].sum(), np.may_share_memory(tiles, img))
flipped = img[::-1, ::-1]; rot = np.rot90(img); print(flipped[0, :4], rot.shape, rot.base is img or rot.base is img.base)
thr = np.where(img > 128, 255, 0).astype(np.uint8); print(np.unique(thr, return_counts=True))
# signal style
t = np.linspace(0, 1, 1000, endpoint=False)
sig = np.round(np.sin(2 * np.pi * 5 * t) + 0.5 * np.sin(2 * np.pi * 40 * t), 10)  # NumPy takes sin from SVML here
win = np.hanning(64); print(win[:4], np.hamming(5), np.blackman(5), np.bartlett(5), np.kaiser(5, 14) if hasattr(np, 'kaiser') else '')
frames = sliding_window_view(sig, 64)[::32]; print(frames.shape, (frames * win).sum(axis=1)[:3])
ma = np.convolve(sig, np.ones(5) / 5, mode='valid'); print(ma[:3], ma.shape)
zc = np.nonzero(np.diff(np.sign(sig)))[0]; print(zc[:5], len(zc))
env = np.maximum.accumulate(np.abs(sig)); print(env[-1], np.argmax(sig), sig.argmin())
q = np.round(sig * 127).astype(np.int8); print(q[:10], q.tobytes()[:8])
b = q.view(np.uint8); print(b[:4], np.frombuffer(q.tobytes(), dtype=np.int8)[:4])
be = q.astype('>i2'); print(be.dtype, be.byteswap().view('<i2')[:3], be.newbyteorder().dtype)
rec = np.zeros(4, dtype=[('t', '<f8'), ('v', '<i2'), ('flag', 'u1')]); rec['t'] = t[:4]; rec['v'] = q[:4]; rec['flag'] = [1, 0, 1, 1]
print(rec, rec[rec['flag'] == 1]['v'], rec.tobytes()[:11])
