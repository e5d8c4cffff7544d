# reinterpret.py — the NumPy original of reinterpret.c (seed 001).
import numpy as np

# "The contract of ndarray.view()"
numbers = np.arange(6, dtype='int16')
window = numbers.view()
print(numbers, numbers.dtype, numbers.shape)
print(window, window.dtype, window.shape)
print('shares memory:', np.shares_memory(numbers, window))
window += 10
print('after in-place add')
print(numbers)

# "Reinterpreting dtype: same bytes, new meaning"
arr = np.arange(10, dtype='int16')
print('arr:', arr)
v32 = arr.view('int32')
print('v32:', v32, 'shape:', v32.shape, 'dtype:', v32.dtype)
v32 += 1  # in-place change through the view
print('arr after v32 += 1:', arr)

arr = np.arange(10, dtype='int16')
v16 = arr.view('int16')
v16 += 1
print(arr)

# "The byte-level view: int8 and endianness surprises"
arr = np.arange(10, dtype='int16')
v8 = arr.view('int8')
v8 += 1
print(arr)

# "Reinterpreting floats, complex numbers, and bit patterns"
x = np.array([1.0, -2.5, np.nan, np.inf], dtype='float32')
raw = x.view('uint32')
print(raw)
z = np.array([1+2j, 3+4j], dtype='complex64')
real_imag = z.view('float32')
print(real_imag)
