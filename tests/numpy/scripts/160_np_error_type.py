import numpy as np
print("a" + "b")
print("a" + 1)
