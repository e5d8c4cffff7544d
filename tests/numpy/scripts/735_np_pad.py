import numpy as np
a = np.arange(1, 6)
for mode in ['constant', 'edge', 'wrap', 'reflect', 'symmetric']:
    for pw in [2, (3, 1), (0, 7), (9, 8), [(4, 0)]]:
        print(mode, pw, np.pad(a, pw, mode=mode).tolist())
for n in [1, 2, 3]:
    for mode in ['wrap', 'reflect', 'symmetric', 'edge']:
        print(n, mode, np.pad(np.arange(n), (5, 6), mode).tolist())
b = np.arange(6).reshape(2, 3)
print(np.pad(b, 1))
print(np.pad(b, ((1, 0), (2, 1)), constant_values=((7, 8), (9, -1))))
print(np.pad(b, (1, 2), constant_values=5))
print(np.pad(b, 1, constant_values=(1.7, -2)))
print(np.pad(b.astype(float), ((0, 1), (1, 0)), constant_values=np.nan))
for mode in ['edge', 'wrap', 'reflect', 'symmetric']:
    print(mode)
    print(np.pad(b, ((2, 1), (1, 3)), mode))
c = np.arange(8).reshape(2, 2, 2)
print(np.pad(c, 1, 'reflect').tolist())
print(np.pad(c, [(0, 1), (1, 0), (1, 1)], 'wrap').shape)
print(np.pad([1.5, 2.5], 1).dtype, np.pad(np.array([1, 2], np.int8), 1, constant_values=300).tolist())
print(np.pad(np.zeros((0, 2)), 1))
for bad in [lambda: np.pad(a, -1), lambda: np.pad(a, 1, 'foo'), lambda: np.pad(np.zeros((0, 2)), 1, 'edge'),
            lambda: np.pad(a, 1, 'edge', constant_values=3), lambda: np.pad(a, 2.6).tolist()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
