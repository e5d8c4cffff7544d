# Seed 000, "Practical Implications for Data Processing"
import numpy as np

def process_data_unsafe(data):
    """Dangerous: modifies original data through view"""
    subset = data[data > 0]  # Copy due to boolean indexing
    subset *= 2  # Safe - modifies copy

    slice_data = data[10:20]  # View
    slice_data[:] = 0  # Dangerous - modifies original!

    return subset

def process_data_safe(data):
    """Safe: explicit copy prevents side effects"""
    working_copy = data.copy()
    subset = working_copy[working_copy > 0]
    subset *= 2

    slice_data = working_copy[10:20]
    slice_data[:] = 0

    return working_copy

# Test with sample data
original = np.arange(100)
original_backup = original.copy()

result_unsafe = process_data_unsafe(original)
print(f"Original modified: {not np.array_equal(original, original_backup)}")  # True

original = original_backup.copy()
result_safe = process_data_safe(original)
print(f"Original preserved: {np.array_equal(original, original_backup)}")  # True
