import numpy as np
print(np.arange(24).reshape(2, 3, 4) - 10)
print(np.ones((2, 2, 2), dtype=bool))
print(repr(np.array([[True, False], [False, True]])))
print(np.zeros((2, 1, 3)), np.empty((0, 3)).shape)
print(repr(np.zeros((1, 2, 0))))
