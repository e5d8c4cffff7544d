# Seed 000, "Operations That Create Views"
import numpy as np

data = np.arange(12).reshape(3, 4)

# Basic slicing - returns view
row_view = data[1, :]
col_view = data[:, 2]
subarray_view = data[0:2, 1:3]

# Transpose - returns view
transposed = data.T

# Reshape (when possible) - returns view
reshaped = data.reshape(4, 3)

# Verify all are views
print(f"Row view shares memory: {np.shares_memory(data, row_view)}")  # True
print(f"Transpose shares memory: {np.shares_memory(data, transposed)}")  # True
print(f"Reshape shares memory: {np.shares_memory(data, reshaped)}")  # True

# Modify through view
transposed[0, 0] = 999
print(f"Original data[0, 0]: {data[0, 0]}")  # 999
