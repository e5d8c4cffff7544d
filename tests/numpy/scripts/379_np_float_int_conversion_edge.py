import numpy as np
f = np.array([0.5, 1.5, 2.5, -0.5, -1.5, 1e10])
print(f.astype(np.int64), f.astype(np.int32)[:5], np.round(f[:5]).astype(int), np.floor(f[:5]).astype(np.int8))
print(np.array([1e20]).astype(np.float32), np.array([1e-50]).astype(np.float32), np.array([70000.0]).astype(np.float16))
print(np.array([-1.5]).astype(np.uint8) if False else np.array([255.9]).astype(np.uint8), np.array([True, False]).astype(np.float64))
