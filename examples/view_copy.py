# view_copy.py — the NumPy original of view_copy.c (seeds 000, 001, 002).
import numpy as np

# Seed 000, "Understanding Memory Allocation in NumPy"
original = np.array([1, 2, 3, 4, 5])
view = original[1:4]
copy = original[1:4].copy()
view[0] = 999
print(f"Original after view modification: {original}")
copy[0] = 777
print(f"Original after copy modification: {original}")

# Seed 000, "Detecting Views and Copies" (basic slicing)
arr = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
slice_view = arr[0:2, 1:3]
print(f"Is slice a view? {slice_view.base is arr}")
print(f"Shares memory? {np.shares_memory(arr, slice_view)}")

# Seed 000, "Operations That Create Views"
data = np.arange(12).reshape(3, 4)
row_view = data[1, :]
col_view = data[:, 2]
subarray_view = data[0:2, 1:3]
transposed = data.T
reshaped = data.reshape(4, 3)
print(f"Row view shares memory: {np.shares_memory(data, row_view)}")
print(f"Transpose shares memory: {np.shares_memory(data, transposed)}")
print(f"Reshape shares memory: {np.shares_memory(data, reshaped)}")
transposed[0, 0] = 999
print(f"Original data[0, 0]: {data[0, 0]}")

# Seed 000, "Operations That Create Copies" (flatten and ravel)
arr = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
flattened = arr.flatten()
print(f"flatten() is copy: {not np.shares_memory(arr, flattened)}")
raveled = arr.ravel()
print(f"ravel() shares memory: {np.shares_memory(arr, raveled)}")

# Seed 001, "view() vs reshape() vs ravel()"
arr = np.arange(12, dtype='int32').reshape(3, 4)
sub = arr[:, ::2]
print(sub.shape, sub.strides)
print('sub contiguous:', sub.flags['C_CONTIGUOUS'])
v = sub.view()
print('view shares:', np.shares_memory(sub, v))
r = sub.ravel()
print('ravel shares:', np.shares_memory(sub, r))
r2 = sub.reshape(-1)
print('reshape shares:', np.shares_memory(sub, r2))

# Seed 002, "Common Pitfalls" #1 and #3
arr = np.array([1, 2, 3, 4])
slice_arr = arr[1:3]
slice_arr[0] = 100
print(arr)
arr = np.array([1, 2, 3, 4])
slice_arr = arr[1:3].copy()
slice_arr[0] = 100
print(arr)
arr = np.arange(6)
reshaped = arr.reshape((2, 3))
print(np.shares_memory(arr, reshaped))
reshaped[0, 0] = 100
print(arr)
