# Seed 002, Common Pitfalls #2
import numpy as np
arr = np.array([10, 20, 30, 40])
fancy = arr[[1, 3]]
fancy[0] = 999
print(arr)

arr = np.array([10, 20, 30, 40])
fancy = arr[[1, 3]].copy()
fancy[0] = 999
print(arr)
