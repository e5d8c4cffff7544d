# An uncaught error from np.split: NumPy's message is the last line
import numpy as np
x = np.arange(10)
print(np.array_split(x, 3)[0])
parts = np.split(x, 4)
print("never printed")
