# Seed 001, "Reinterpreting dtype: same bytes, new meaning"
import numpy as np

arr = np.arange(10, dtype='int16')

print('arr:', arr)

v32 = arr.view('int32')

print('v32:', v32, 'shape:', v32.shape, 'dtype:', v32.dtype)

v32 += 1 # in-place change through the view

print('arr after v32 += 1:', arr)
