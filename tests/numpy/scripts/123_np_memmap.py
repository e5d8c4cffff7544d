import numpy as np
mm = np.memmap('data.bin', dtype='int32', mode='w+', shape=(4,))
mm[:] = [1, 2, 3, 4]
mm.flush()
print(mm, type(mm), mm.dtype, mm.shape)
r = np.memmap('data.bin', dtype='int32', mode='r')
print(r, r.flags.writeable, r[1:3], type(r[1:3]), type(r + 1))
try:
    r[0] = 5
except ValueError as e:
    print("ValueError:", e)
c = np.memmap('data.bin', dtype='int32', mode='c')
c[0] = 100
print(c, np.memmap('data.bin', dtype='int32', mode='r'))
u8 = np.memmap('data.bin', dtype='uint8', mode='r')
print(u8.view('uint32'), u8.shape)
try:
    np.memmap('missing.bin', mode='r')
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
try:
    np.memmap('new.bin', dtype='int32', mode='w+')
except ValueError as e:
    print("ValueError:", e)
