import numpy as np
a = np.zeros(1000, dtype=np.int64)
for i in range(len(a)):
    a[i] = i * i
total = 0
for i in range(len(a)):
    total += a[i]
print(total, a.sum(), type(total))
f = np.zeros(5)
for i in range(5):
    f[i] = i / 3
print(f, f[1] + f[2], type(f[1] + 1))
m = np.zeros((3, 3))
for i in range(3):
    for j in range(3):
        m[i, j] = i * 3 + j
print(m, m[2, 1])
