import numpy as np
a = np.arange(3)
print('before', a)
b = a + np.arange(2)
print('never printed')
