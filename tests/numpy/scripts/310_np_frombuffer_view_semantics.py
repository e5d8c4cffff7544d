import numpy as np
src = np.arange(6, dtype=np.int32)
raw = src.tobytes()
print(len(raw), raw[:8])
b = np.frombuffer(raw, dtype=np.int32)
print(b, b.base is not None, b.flags['OWNDATA'], b.flags.writeable)
w = b.copy()
w[0] = 100
print(w, b[0])
print(np.frombuffer(raw, dtype=np.int16)[:4], np.frombuffer(raw, dtype=np.int64))
