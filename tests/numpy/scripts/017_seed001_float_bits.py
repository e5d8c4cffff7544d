# Seed 001, "Reinterpreting floats, complex numbers, and bit patterns"
import numpy as np

x = np.array([1.0, -2.5, np.nan, np.inf], dtype='float32')

raw = x.view('uint32')

print(raw)
