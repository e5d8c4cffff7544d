# readonly.py — the NumPy original of readonly.c (seed 000, "Writeable
# Flags and Read-Only Views").
import numpy as np

data = np.array([1, 2, 3, 4, 5])

# Create read-only view
readonly_view = data.view()
readonly_view.flags.writeable = False

try:
    readonly_view[0] = 999
except ValueError as e:
    print(f"Error: {e}")

# Check writeable status
print(f"Original writeable: {data.flags.writeable}")
print(f"View writeable: {readonly_view.flags.writeable}")

# The owner can still write, and the read-only view sees it.
data[0] = 42
print(f"View after writing through data: {readonly_view}")

# A read-only owner cannot be made writeable again through a view.
data.flags.writeable = False
v = data[1:]
try:
    v.flags.writeable = True
except ValueError as e:
    print(f"Error: {e}")
