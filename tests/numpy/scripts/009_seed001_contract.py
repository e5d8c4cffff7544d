# Seed 001, "The contract of ndarray.view()"
import numpy as np

numbers = np.arange(6, dtype='int16')

window = numbers.view()

print(numbers, numbers.dtype, numbers.shape)

print(window, window.dtype, window.shape)

print('shares memory:', np.shares_memory(numbers, window))

window += 10

print('after in-place add')

print(numbers)
