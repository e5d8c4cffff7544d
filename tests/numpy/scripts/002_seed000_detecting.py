# Seed 000, "Detecting Views and Copies"
import numpy as np

arr = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])

# Slicing creates a view
slice_view = arr[0:2, 1:3]
print(f"Is slice a view? {slice_view.base is arr}")  # True
print(f"Shares memory? {np.shares_memory(arr, slice_view)}")  # True

# Fancy indexing creates a copy
fancy_copy = arr[[0, 2], :]
print(f"Is fancy index a view? {fancy_copy.base is arr}")  # False
print(f"Shares memory? {np.shares_memory(arr, fancy_copy)}")  # False

# Boolean indexing creates a copy
bool_copy = arr[arr > 5]
print(f"Is boolean index a view? {bool_copy.base is None}")  # True (no base)
print(f"Shares memory? {np.shares_memory(arr, bool_copy)}")  # False
