import numpy as np
s = np.float64(3.75)
print(int(s), float(s), bool(s), str(s), round(float(s), 1))
i = np.int32(-9)
print(int(i), float(i), abs(i), -i, type(abs(i)).__name__)
print(np.arange(5)[2].item(), type(np.arange(5)[2].item()).__name__)
print(np.float32(0.1).item(), np.array([1.5], dtype=np.float32)[0])
print(isinstance(np.int64(1), np.integer), isinstance(np.float32(1), np.floating), isinstance(np.int8(1), np.signedinteger))
