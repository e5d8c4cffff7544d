# diag (build and extract), diagonal (read-only view), trace
import numpy as np

m = np.arange(12).reshape(3, 4)
d = np.diagonal(m)
print(d, d.flags.writeable, d.base is not None, np.shares_memory(d, m))
print(m.diagonal(1), m.diagonal(-1), m.diagonal(5).shape, np.diagonal(m, 0, 1, 0))
print(np.diag([1, 2, 3]), np.diag([1, 2], k=1), np.diag([1, 2], k=-2))
print(np.diag(m), np.diag(m, 2), np.diag(m, -1), np.diag(np.diag([4, 5])))
print(np.trace(m), np.trace(m, 1), m.trace(), m.trace(-1), type(np.trace(m)).__name__)
c = np.arange(24).reshape(2, 3, 4)
print(np.diagonal(c), np.diagonal(c, axis1=1, axis2=2), np.trace(c, axis1=1, axis2=2))
print(np.trace(np.eye(3, dtype=np.int8)), np.trace(np.eye(3, dtype=np.int8)).dtype, np.trace(np.eye(2), dtype=np.int32))
try:
    d[0] = 5
except ValueError as e:
    print("ValueError", e)
for bad in [lambda: np.diagonal(np.arange(3)), lambda: m.diagonal(0, 0, 0), lambda: m.diagonal(0, 0, 5),
            lambda: np.diag(np.ones((2, 2, 2)))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
