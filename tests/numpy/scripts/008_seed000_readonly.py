# Seed 000, "Advanced: Writeable Flags and Read-Only Views"
import numpy as np

data = np.array([1, 2, 3, 4, 5])

# Create read-only view
readonly_view = data.view()
readonly_view.flags.writeable = False

try:
    readonly_view[0] = 999
except ValueError as e:
    print(f"Error: {e}")  # assignment destination is read-only

# Check writeable status
print(f"Original writeable: {data.flags.writeable}")  # True
print(f"View writeable: {readonly_view.flags.writeable}")  # False

# Use case: protecting data in multi-threaded contexts
def process_readonly(data_view):
    # Function receives read-only view
    # Cannot accidentally modify shared data
    result = data_view * 2  # Creates new array
    return result

print(process_readonly(readonly_view))
