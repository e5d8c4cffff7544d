# cumsum / cumprod along axes, dtype= and the method forms
import numpy as np

m = np.arange(1, 7).reshape(2, 3)
print(np.cumsum(m), np.cumsum(m, axis=0), np.cumsum(m, axis=1), m.cumsum(axis=-1))
print(np.cumprod(m), np.cumprod(m, axis=0), m.cumprod(1))
print(np.cumsum(np.array([1, 2, 3], dtype=np.int8), dtype=np.float32), np.cumsum(np.array([100, 100], dtype=np.int8)).dtype)
print(np.cumsum([True, True, False]), np.cumprod(np.array([0.5, 2.0, 4.0])))
c = np.arange(8).reshape(2, 2, 2)
print(np.cumsum(c, axis=2))
print(np.cumsum(c, axis=-3))
print(np.cumsum(np.array([1.0, np.nan, 2.0])), np.cumsum(np.zeros((0,))).shape)
try:
    np.cumsum(m, axis=2)
except np.AxisError as e:
    print("AxisError", e)
