import numpy as np
m = np.memmap('corpus_mm.dat', dtype=np.float32, mode='w+', shape=(3, 4))
m[:] = np.arange(12).reshape(3, 4)
m.flush()
r = np.memmap('corpus_mm.dat', dtype=np.float32, mode='r', shape=(3, 4))
print(r[1], r.flags.writeable, r.sum())
try:
    r[0, 0] = 1
except ValueError as e:
    print(type(e).__name__, e)
o = np.memmap('corpus_mm.dat', dtype=np.float32, mode='r', offset=16, shape=(2,))
print(o)
