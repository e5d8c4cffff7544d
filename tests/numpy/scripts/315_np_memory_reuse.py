import numpy as np
a = np.arange(8)
views = [a[i:i + 2] for i in range(0, 8, 2)]
for v in views:
    v += 100
print(a)
del a
print([int(v[0]) for v in views], views[0].base is views[1].base)
