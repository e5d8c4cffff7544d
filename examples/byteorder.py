# byteorder.py — the NumPy original of byteorder.c (seed 001, "Endianness
# control: newbyteorder and byteswap").
import numpy as np

raw = np.array([0, 0, 0, 1], dtype='u1')
be = raw.view('>u4')  # big-endian unsigned 32-bit
le = raw.view('<u4')  # little-endian unsigned 32-bit
print(be[0], le[0])  # be is 1, le is 16777216

# byteswap() copies and reverses the bytes; newbyteorder() only relabels.
b = np.array([1, 256], dtype='<i2')
swapped = b.byteswap()
relabelled = b.newbyteorder()
print(swapped, swapped.dtype, np.shares_memory(b, swapped))
print(relabelled, relabelled.dtype.str, np.shares_memory(b, relabelled))
# Both: same values again, now stored big-endian.
both = b.byteswap().view(b.dtype.newbyteorder())
print(both, both.dtype.str, both.tobytes())
