# flip / fliplr / flipud (views) and roll (copies) on several axes
import numpy as np

m = np.arange(12).reshape(3, 4)
print(np.flip(m), np.flip(m, 0), np.flip(m, axis=1), np.flip(m, (0, 1)).base is m)
print(np.fliplr(m), np.flipud(m), np.flipud(np.arange(3)))
f = np.fliplr(m)
f[0, 0] = 99
print(m[0], f.strides, np.shares_memory(f, m))
print(np.roll(np.arange(10), 3), np.roll(np.arange(10), -2), np.roll(np.arange(10), 13))
print(np.roll(m, 1), np.roll(m, 1, axis=0), np.roll(m, -1, axis=1))
print(np.roll(m, (1, 2), axis=(0, 1)), np.roll(m, 1, axis=(0, 1)))
print(np.shares_memory(np.roll(m, 1), m), np.roll(np.array([]), 1).shape)
try:
    np.fliplr(np.arange(3))
except ValueError as e:
    print("ValueError", e)
