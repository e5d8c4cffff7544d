# Seed 001, "view() vs reshape() vs ravel()"
import numpy as np

arr = np.arange(12, dtype='int32').reshape(3, 4)

sub = arr[:, ::2] # stride of 2 columns

print(sub.shape, sub.strides)

print('sub contiguous:', sub.flags['C_CONTIGUOUS'])

v = sub.view()

print('view shares:', np.shares_memory(sub, v))

r = sub.ravel()

print('ravel shares:', np.shares_memory(sub, r))

r2 = sub.reshape(-1)

print('reshape shares:', np.shares_memory(sub, r2))
