# np.split with sections and indices; the pieces are views
import numpy as np

x = np.arange(10)
for part in np.split(x, 5):
    print(part, part.base is x)
print(np.split(x, [3, 5, 6]))
print(np.split(x, [3, 20]), np.split(x, [-3]))
print(np.split(x, [5, 2]))
m = np.arange(24).reshape(4, 6)
top, bottom = np.split(m, 2)
print(top)
print(bottom)
left, mid, right = np.split(m, 3, axis=1)
print(mid, np.shares_memory(mid, m))
mid[0, 0] = -1
print(m[0])
print([p.shape for p in np.split(m, [1, 3], axis=0)])
print([p.shape for p in np.split(m, np.array([2, 4]), axis=-1)])
