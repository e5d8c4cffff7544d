import numpy as np
a = np.arange(12, dtype=np.int32).reshape(3, 4)
print(a.shape, a.strides, a.ndim, a.size, a.itemsize, a.nbytes, a.dtype, a.T.shape, a.T.strides)
print(a.base is not None, a.flags['C_CONTIGUOUS'], a.flags['F_CONTIGUOUS'], a.flags['OWNDATA'], a.flags.writeable, a.flags.c_contiguous, a.flags.owndata)
print(a.T.flags)
print(a[:, 1].flags.c_contiguous, a[1].flags.c_contiguous, a[::-1].strides, np.zeros((1, 4)).flags.f_contiguous)
print(a.ctypes.data == a[0].ctypes.data, a[1].ctypes.data - a.ctypes.data, a[0, 1:].ctypes.data - a.ctypes.data)
b = np.arange(3)
print(b.base, b[1:].base is b, b[1:][1:].base is b, b.view().base is b, b.copy().base, b.reshape(3, 1).base is b)
print(len(a), len(b), a.T.T.shape, a.real.shape, a.imag.flags.writeable if False else 0)
try:
    len(np.array(5))
except TypeError as e:
    print("TypeError:", e)
