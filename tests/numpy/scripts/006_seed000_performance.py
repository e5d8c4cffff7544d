# Seed 000, "Performance Considerations"
# Made runnable: a fixed seed, a 1000x1000 array instead of 10000x10000 (the
# test runs both sides), and the timing lines print fixed text instead of times.
import numpy as np
import time

np.random.seed(0)

# Large array
large_array = np.random.rand(1000, 1000)

# Timing view creation
start = time.time()
for _ in range(1000):
    view = large_array[100:200, 100:200]
view_time = time.time() - start

# Timing copy creation
start = time.time()
for _ in range(1000):
    copy = large_array[100:200, 100:200].copy()
copy_time = time.time() - start

print(f"View creation: (time)s")
print(f"Copy creation: (time)s")
print(f"Speedup: (ratio)x")

# Memory footprint
print(f"Original size: {large_array.nbytes / 1e6:.2f} MB")
print(f"View additional memory: ~0 MB")
print(f"Copy additional memory: {(large_array[100:200, 100:200].copy().nbytes) / 1e6:.2f} MB")
