import numpy as np
a = np.arange(24).reshape(2, 3, 4)
print(a[0], a[1, 2], a[1, 2, 3], a[-1, -1, -1], a[:, 1], a[..., 0], a[0, ..., 1], a[:, :, ::2])
print(a[None].shape, a[:, None].shape, a[..., None].shape, a[1:, ::-1, 1:3].shape, a[1:, ::-1, 1:3])
print(a[0, [0, 2]], a[[0, 1], [1, 2]], a[:, [0, 2], :].shape, a[a > 20], a[0][a[0] % 2 == 0])
b = np.arange(10)
print(b[2:8:2], b[::-3], b[-3:], b[[1, 5, -1]], b[np.array([True] * 5 + [False] * 5)], b[b > 6])
b[2:4] = 0
b[[5, 6]] = [50, 60]
b[b > 50] = -1
print(b)
c = np.zeros((3, 3), dtype=int)
c[1] = 5
c[:, 2] = [7, 8, 9]
c[0, 0] = 1
print(c)
try:
    b[20]
except IndexError as e:
    print("IndexError:", e)
try:
    a[0, 0, 0, 0]
except IndexError as e:
    print("IndexError:", e)
print(b[np.int64(3)], c[1][2], c[(1, 2)], a[0, 1:2, 2].shape)
