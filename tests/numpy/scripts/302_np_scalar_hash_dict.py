import numpy as np
d = {}
d[np.int64(1)] = 'a'
d[1] = 'b'
print(d, len(d))
keys = {int(k): v for k, v in zip(np.arange(3), 'xyz')}
print(keys)
print(hash(np.int8(5)) == hash(5), hash(np.float64(1.5)) == hash(1.5))
