# Pieces from split are views: writes go through to the original array
import numpy as np

a = np.arange(12).reshape(3, 4)
left, right = np.hsplit(a, 2)
right *= -1
print(a)
rows = np.vsplit(a, 3)
rows[1][:] = 0
print(a, [r.base is a for r in rows])
flat = np.arange(10)
chunks = np.array_split(flat, 3)
for i, c in enumerate(chunks):
    c += i * 100
print(flat, [c.flags['C_CONTIGUOUS'] for c in chunks])
cols = np.split(a, 4, axis=1)
print(cols[0].strides, cols[0].flags['C_CONTIGUOUS'], np.shares_memory(cols[0], cols[1]))
