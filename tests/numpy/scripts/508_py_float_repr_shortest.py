# repr(float) is the shortest string that reads back, the closest of those
# (powers of two have a narrower interval below them)
import numpy as np

print(2.0 ** -1007, np.array([1]).view('>f8').tolist())
for k in range(-1074, 1021, 3):
    print(repr(2.0 ** k), repr(-(2.0 ** (k + 1))), 2.0 ** (k + 2))
for i in range(-200, 200):
    print(repr(i / 1000), repr(i * 0.1), repr(i * 1.1e-300), repr(i * 7.7e250), repr(i / 7))
print(0.1, 0.3, 1 / 3, 1e16, 1e15, 123456789012345678.0, 1e-5, 5e-324, 1.7976931348623157e308, 1e23)
print(np.arange(5, dtype=np.float32).view(np.int32)[1:].astype(np.float64).tolist())
print((np.linspace(0, 1, 7, dtype=np.float32) * 3).tolist())
