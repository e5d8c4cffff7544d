# records.py — the NumPy original of records.c (seed 001, "Structured
# dtypes: zero-copy parsing of binary records").
import numpy as np

record_dtype = np.dtype([('id', 'u4'), ('ts', 'u4'), ('value', 'f8')])
raw = np.arange(0, 160, dtype='u1')  # 160 bytes, 10 records
records = raw.view(record_dtype)
print(records.shape)  # (10,)
print(records['id'][:3])  # first 3 ids
print(records['value'][:3])  # first 3 values
print(record_dtype, record_dtype.itemsize, np.shares_memory(records, raw), records.base is raw)

# A field is a strided view of the records: writes land in raw's bytes.
ids = records['id']
print(ids.strides, ids.flags['C_CONTIGUOUS'], ids.base is raw)
ids[0] = 4294967295
print(raw[:8])

# Padding: a u1 between u4 fields.  Packed stays 9 bytes; align=True pads
# like a C struct, so b moves to offset 8.
packed = np.dtype([('a', 'u4'), ('flag', 'u1'), ('b', 'u4')])
aligned = np.dtype([('a', 'u4'), ('flag', 'u1'), ('b', 'u4')], align=True)
print(packed.itemsize, aligned.itemsize, aligned.fields['b'][1])
print(aligned)

# 1,000,000 16-byte records in one byte buffer (a network capture, say):
# viewed in place, one field summed.
n = 1000000
buf = (np.arange(n * 16) % 251).astype(np.uint8).tobytes()
packets = np.frombuffer(buf, dtype=record_dtype)
print(packets.shape, packets.flags.writeable, packets.flags.owndata)
print(packets['id'].sum(), packets['ts'][-1])
print(packets[:2])
