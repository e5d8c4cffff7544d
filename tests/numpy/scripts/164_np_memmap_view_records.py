import numpy as np
raw = np.memmap('rec.bin', dtype='u1', mode='w+', shape=(16,))
raw[:] = np.arange(16)
raw.flush()
ro = np.memmap('rec.bin', dtype='uint8', mode='r')
words = ro.view('<u4')
print(words, words.shape, words.flags.writeable, type(words))
be = ro.view('>u4')
print(be, be.dtype)
rw = np.memmap('rec.bin', dtype='<u2', mode='r+', offset=2, shape=(3,))
rw[0] = 0xFFFF
rw.flush()
print(np.memmap('rec.bin', dtype='u1', mode='r')[:6])
