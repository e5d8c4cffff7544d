# Seed 000, "Operations That Create Copies"
import numpy as np

arr = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])

# Fancy indexing - copy
fancy = arr[[0, 2], [1, 2]]
print(f"Fancy indexing is copy: {not np.shares_memory(arr, fancy)}")  # True

# Boolean indexing - copy
boolean = arr[arr > 5]
print(f"Boolean indexing is copy: {not np.shares_memory(arr, boolean)}")  # True

# flatten() - copy
flattened = arr.flatten()
print(f"flatten() is copy: {not np.shares_memory(arr, flattened)}")  # True

# ravel() - view when possible
raveled = arr.ravel()
print(f"ravel() shares memory: {np.shares_memory(arr, raveled)}")  # True

# Arithmetic operations - copy
result = arr + 10
print(f"Arithmetic is copy: {not np.shares_memory(arr, result)}")  # True
