import numpy as np
a = np.zeros((1, 5))
print(a.flags['C_CONTIGUOUS'], a.flags['F_CONTIGUOUS'])
b = np.zeros((3, 1))[:, ::2] if False else np.zeros((3, 1))
print(b.flags['C_CONTIGUOUS'], b.flags['F_CONTIGUOUS'])
c = np.zeros(5)[::2]
print(c.flags['C_CONTIGUOUS'], c.flags['F_CONTIGUOUS'])
d = np.zeros((4, 4))[:, :1]
print(d.flags['C_CONTIGUOUS'], d.flags['F_CONTIGUOUS'])
e = np.zeros(0)
print(e.flags['C_CONTIGUOUS'], e.flags['F_CONTIGUOUS'], np.zeros((2, 0, 3))[:, :, ::2].flags['C_CONTIGUOUS'])
s = np.zeros(1)[::5]
print(s.flags['C_CONTIGUOUS'], s.strides)
