# Seed 001, "Endianness control: newbyteorder and byteswap"
import numpy as np

raw = np.array([0, 0, 0, 1], dtype='u1')

be = raw.view('>u4') # big-endian unsigned 32-bit

le = raw.view('<u4') # little-endian unsigned 32-bit

print(be[0], le[0]) # be is 1, le is 16777216
