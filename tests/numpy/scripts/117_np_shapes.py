import numpy as np
a = np.arange(12)
print(a.reshape(3, 4), a.reshape((2, 6)), a.reshape(-1, 3).shape, a.reshape(2, 2, 3).shape, a.reshape(3, 4, order='F'))
m = a.reshape(3, 4)
print(m.ravel(), m.T.ravel(), m.flatten(order='F'), np.ravel(m), m.T.reshape(12), np.shares_memory(m, m.T.reshape(12)))
print(np.transpose(m).shape, m.transpose(1, 0).shape, np.swapaxes(m, 0, 1).shape, np.moveaxis(np.zeros((2, 3, 4)), 0, -1).shape)
print(np.expand_dims(a, 0).shape, np.squeeze(np.zeros((1, 3, 1))).shape, np.zeros((1, 3, 1)).squeeze(axis=0).shape)
try:
    a.reshape(5)
except ValueError as e:
    print("ValueError:", e)
try:
    a.reshape(5, -1)
except ValueError as e:
    print("ValueError:", e)
w = m.T.view()
try:
    w.shape = (12,)
except AttributeError as e:
    print("AttributeError:", e)
z = np.arange(6)
z.shape = (2, 3)
print(z)
