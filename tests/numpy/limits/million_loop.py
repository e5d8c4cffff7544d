# A legitimate 1,000,000-iteration scalar loop stays far under the default
# step limit.
import numpy as np

a = np.zeros(10, dtype=np.int64)
total = 0
for i in range(1000000):
    total += i
a[0] = total
print(a[0], total)
