import numpy as np
print(np.array([1, 2]) // 0 if False else "skip", np.int64(7) // np.int64(2), np.int64(-7) // 2, np.int64(-7) % 3)
print(np.array([-7, 7]) // 2, np.array([-7, 7]) % -3, np.array([2, 3]) ** np.array([3, 2]), np.uint8(250) + np.uint8(10))
print(np.array([127], dtype=np.int8) + np.array([1], dtype=np.int8), np.array([0], dtype=np.uint8) - np.array([1], dtype=np.uint8))
print(np.iinfo if False else 0, np.array([1, 2, 3]).astype(np.float16), np.array([65504.0]).astype(np.float16), np.float16(1) / 3)
