# Seed 001, "A practical pattern I use for safety" (events.bin is created first)
import numpy as np

np.arange(4000000, dtype='uint32').tofile('events.bin')

raw = np.memmap('events.bin', dtype='uint8', mode='r')

# Treat raw bytes as 32-bit records without copying

records = raw.view('uint32')

# Make read-only to prevent accidental writes through views

records.flags.writeable = False

# Work on a copy only where mutation is required

working = records[:1000000].copy()

print('shares memory:', np.shares_memory(records, working))
