import numpy as np
x = np.array([0.0, 0.5, 1.0, 2.0])
print(np.sqrt(x), np.exp(x), np.log(x + 1))
print(np.sin(x), np.cos(x))
print(np.floor(x * 3.3), np.ceil(x * 3.3), np.rint(x * 3))
print(np.round(np.array([0.5, 1.5, 2.5, -0.5])), np.round(np.array([1.2345, 9.8765]), 2))
print(np.abs(np.array([-3, 3])), np.sign(np.array([-2.0, 0.0, 3.0])), np.absolute(np.array([-1.5])))
