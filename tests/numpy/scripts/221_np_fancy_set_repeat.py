import numpy as np
a = np.zeros(5, dtype=int)
a[[0, 0, 1]] += 1
print(a)
a[[2, 2, 2]] = [7, 8, 9]
print(a)
b = np.arange(6)
b[[1, 3]] = 99
print(b)
b[np.array([-1, -2])] = [-5, -6]
print(b)
