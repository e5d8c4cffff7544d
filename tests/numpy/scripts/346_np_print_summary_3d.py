import numpy as np
print(np.arange(2002).reshape(2, 1001))
print(np.arange(3000).reshape(10, 10, 30))
print(repr(np.zeros(1005, dtype=np.int8)))
print(np.ones(1001, dtype=bool))
