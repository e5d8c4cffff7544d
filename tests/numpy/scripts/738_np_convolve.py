import numpy as np
print(np.convolve([1, 2, 3], [0, 1, 0.5]))
print(np.convolve([1, 2, 3], [0, 1, 0.5], 'same'), np.convolve([1, 2, 3], [0, 1, 0.5], 'valid'))
print(np.convolve([1, 2, 3], [4, 5, 6, 7, 8]), np.convolve([1, 2, 3], [4, 5, 6, 7, 8], 'same'), np.convolve([1, 2, 3], [4, 5, 6, 7, 8], 'valid'))
print(np.convolve([1, 2], [3]), np.convolve(2, [1, 2]), np.convolve([1, 2, 3, 4], [1, 1], mode=1))
x = (np.arange(40) * 0.37) % 1.1 - 0.5
for n in [1, 2, 3, 4, 5, 7, 9, 13]:
    k = (np.arange(n) * 0.61) % 0.9 / 3.3 - 0.1
    for mode in ['full', 'same', 'valid']:
        print(n, mode, np.convolve(x, k, mode).tolist())
        print(np.convolve(k, x, mode).tolist())
f = np.convolve(x.astype(np.float32), np.array([0.1, 0.7, 0.3, -0.2], np.float32))
print(f.dtype, f.tolist())
print(np.convolve(np.array([1, 2, 3], np.int8), np.array([100, 100], np.int8)))
print(np.convolve([1j, 2], [1, 1 - 1j]))
for bad in [lambda: np.convolve([], [1]), lambda: np.convolve([1], []), lambda: np.convolve([1, 2], [1], 'xyz'), lambda: np.convolve([1, 2, 3], [1, 1], 'Same'), lambda: np.convolve([1, 2], [1], 3),
            lambda: np.convolve([[1, 2]], [1])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
