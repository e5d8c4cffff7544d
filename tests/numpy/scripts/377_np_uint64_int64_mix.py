import numpy as np
u = np.array([1, 2], dtype=np.uint64)
i = np.array([1, 2], dtype=np.int64)
print((u + i).dtype, (u + 1).dtype, (u - 1).dtype, (u * -1).dtype if False else (u + np.uint8(1)).dtype)
print(np.uint64(5) + np.int64(1), type(np.uint64(5) + np.int64(1)).__name__, type(np.uint64(5) + 1).__name__)
print(np.array([2**63], dtype=np.uint64) if False else np.array([2**62], dtype=np.uint64) * np.uint64(2))
