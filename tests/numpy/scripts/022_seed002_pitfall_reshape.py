# Seed 002, Common Pitfalls #3
import numpy as np
arr = np.arange(6)
reshaped = arr.reshape((2,3))
reshaped[0,0] = 100
print(arr)

arr = np.arange(6)
reshaped = arr.reshape((2,3))
# Confirm reshaped is a view
import numpy as np
print(np.shares_memory(arr, reshaped))
reshaped[0,0] = 100
print(arr)
