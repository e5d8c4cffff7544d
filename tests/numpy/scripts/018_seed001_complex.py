# Seed 001, complex as paired floats
import numpy as np

z = np.array([1+2j, 3+4j], dtype='complex64')

real_imag = z.view('float32')

print(real_imag) # [1. 2. 3. 4.]
