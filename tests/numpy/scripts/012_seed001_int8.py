# Seed 001, "The byte-level view: int8 and endianness surprises"
import numpy as np

arr = np.arange(10, dtype='int16')

v8 = arr.view('int8')

v8 += 1

print(arr)
