# Seed 001, same dtype view
import numpy as np

arr = np.arange(10, dtype='int16')

v16 = arr.view('int16')

v16 += 1

print(arr)
