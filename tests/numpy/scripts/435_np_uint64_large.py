# NumPy uint64 values at and above 2**63: printing, item(), tolist(),
# comparisons with Python ints, and conversions that NumPy refuses
import numpy as np

u = np.array([18446744073709551615, 9223372036854775808], dtype=np.uint64)
print(u, u[0], repr(u[0]), u.tolist(), u[0].item(), int(u[0]), u.max(), u.sum())
print(u[0] == 18446744073709551615, u[1] > 2**63 - 1, u[1] == 2**63, u == 2**63, np.uint64(5) == 2**64 - 1)
print(np.uint64(2**64 - 1), np.array([1, 2**63]), np.array([2**63, 2**64 - 1]), np.full(2, 2**63))
print(np.arange(3, dtype=np.uint64) + 2**63, np.arange(3, dtype=np.int64) + 2**63, np.int64(5) < 2**63)
v = np.zeros(2, dtype=np.uint64)
v[0] = 2**64 - 1
v[1] = 2**63
print(v, v[0] - v[1], f"{u[0]:,}", "%d" % u[0], hex(int(u[0])), str(u[1]))
f = np.zeros(1, dtype=np.float32)
f[0] = 2**64 - 1
print(f, np.float64(2**70), np.array([2**64 - 1], dtype=np.float64))
for bad in [lambda: np.int64(2**63), lambda: np.uint64(2**64), lambda: np.array([2**63], dtype=np.int64),
            lambda: np.arange(3)[2**63], lambda: np.uint8(2**63)]:
    try:
        bad()
    except (OverflowError, IndexError) as e:
        print(type(e).__name__, e)
a = np.zeros(2, dtype=np.int64)
try:
    a[0] = 2**63
except OverflowError as e:
    print("OverflowError", e)
print(a)
