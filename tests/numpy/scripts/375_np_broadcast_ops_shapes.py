import numpy as np
shapes = [((3,), (1,)), ((2, 1), (1, 3)), ((4, 1, 2), (3, 1)), ((1,), (2, 2)), ((0,), (1,)), ((2, 0), (2, 1))]
for s1, s2 in shapes:
    r = np.ones(s1) + np.zeros(s2)
    print(s1, s2, r.shape)
print((np.arange(3).reshape(3, 1) * np.arange(4)).sum(axis=0))
