# Seed 000, "Understanding Memory Allocation in NumPy"
import numpy as np

# Original array
original = np.array([1, 2, 3, 4, 5])

# Creating a view
view = original[1:4]

# Creating a copy
copy = original[1:4].copy()

# Modify the view
view[0] = 999

print(f"Original after view modification: {original}")
# Output: [1 999 3 4 5]

# Modify the copy
copy[0] = 777

print(f"Original after copy modification: {original}")
# Output: [1 999 3 4 5] (unchanged by copy modification)
