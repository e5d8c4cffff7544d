# uint64 arithmetic wraps; mixing with signed ints promotes to float64
import numpy as np

u = np.array([0, 1, 2**64 - 1], dtype=np.uint64)
print(u + np.uint64(1), u - np.uint64(1), u * np.uint64(2), u // np.uint64(2))
print((u + 1).dtype, (u + np.int64(1)).dtype, u.astype(np.int64), u.astype(np.float64))
print(np.uint64(2**63) + np.uint64(2**63), np.uint64(2**64 - 1) == 18446744073709551615)
big = np.uint64(18446744073709551615)
print(big, big // np.uint64(10), big % np.uint64(10), int(big) % 10, str(big)[-3:], big > 2**63)
print(np.array([2**63, 1], dtype=np.uint64).sum(), np.array([2**63, 2**63], dtype=np.uint64).sum())
print(np.cumsum(np.array([2**63, 2**62], dtype=np.uint64)), np.sort(np.array([2**64 - 1, 5, 2**63], dtype=np.uint64)))
