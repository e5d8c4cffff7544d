import numpy as np
a = np.arange(6, dtype=np.uint8).reshape(2, 3)
print(a.tobytes(), a.tobytes(order='F'), a.T.tobytes(), a[:, ::2].tobytes())
print(np.array([1], dtype=np.int16).tobytes(), np.array([True, False]).tobytes())
print(np.array([], dtype=np.int32).tobytes(), np.array(7, dtype=np.int8).tobytes())
