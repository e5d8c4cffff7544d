import numpy as np
a = np.arange(12).reshape(3, 4)
for o in ['C', 'F', 'A', 'K']:
    print(o, a.flatten(o), a.T.flatten(o), a.ravel(o).base is a, np.shares_memory(a.T.ravel(o), a))
