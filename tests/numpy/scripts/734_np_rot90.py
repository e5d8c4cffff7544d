import numpy as np
m = np.arange(6).reshape(2, 3)
for k in range(-2, 6):
    r = np.rot90(m, k)
    print(k, r.tolist(), r.shape, r.strides, np.shares_memory(r, m))
a = np.arange(24).reshape(2, 3, 4)
print(np.rot90(a, 1, axes=(1, 2)).tolist())
print(np.rot90(a, 3, (2, 0)).shape, np.rot90(a, 2, (0, 2)).strides)
print(np.rot90([[1, 2], [3, 4]]))
for args in [((m, 1, (0,)),), ((m, 1, (1, 1)),), ((m, 1, (0, 2)),), ((m, 1, (0, -3)),), ((np.arange(3),),)]:
    try:
        print(np.rot90(*args[0]))
    except Exception as e:
        print(type(e).__name__, e)
