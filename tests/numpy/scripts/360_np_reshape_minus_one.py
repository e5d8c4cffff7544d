import numpy as np
a = np.arange(24)
print(a.reshape(-1, 6).shape, a.reshape(2, -1, 3).shape, a.reshape((4, -1)).shape, a.reshape(24, -1).shape)
for shape in [(5, -1), (-1, -1), (7,)]:
    try:
        a.reshape(shape)
    except ValueError as e:
        print(shape, type(e).__name__, e)
print(np.reshape(a, (2, 12), order='F')[1, :4], a.reshape(2, 3, 4, order='F').strides)
