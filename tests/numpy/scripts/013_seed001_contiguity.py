# Seed 001, "Strides, contiguity, and when a view is not possible"
import numpy as np

arr = np.arange(12, dtype='int16').reshape(3, 4)

col = arr[:, 1] # non-contiguous in memory

print('col contiguous?', col.flags['C_CONTIGUOUS'])

try:

    col.view('int32')

except ValueError as exc:

    print('view failed:', exc)
