import numpy as np
a = np.arange(12, dtype='>i4').reshape(3, 4).T
np.save('a.npy', a)
b = np.load('a.npy')
print(b, b.dtype, b.flags.f_contiguous, np.array_equal(a, b))
np.save('noext', np.arange(3)[::2])
print(np.load('noext.npy'), np.load('noext.npy').strides)
m = np.load('a.npy', mmap_mode='r')
print(m, m.flags.writeable)
np.savez('z.npz', np.arange(3), y=np.ones(2))
d = np.load('z.npz')
print(d['arr_0'], d['y'])
