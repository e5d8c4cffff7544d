# Seed 000, "Forcing Copies When Needed" (seeded so both sides agree)
import numpy as np

np.random.seed(42)

def analyze_subset(data, start, end):
    """Process a subset without affecting original data"""
    # Force copy to ensure independence
    subset = data[start:end].copy()

    # Safe to modify
    subset -= subset.mean()
    subset /= subset.std()

    return subset

# Original data remains unchanged
sensor_data = np.random.randn(1000)
normalized = analyze_subset(sensor_data, 100, 200)

print(f"Original mean: {sensor_data[100:200].mean():.4f}")
print(f"Normalized mean: {normalized.mean():.4f}")
print(f"Original unchanged: {sensor_data[100:200].std() > 0.9}")  # True
