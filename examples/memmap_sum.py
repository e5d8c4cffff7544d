# memmap_sum.py — the NumPy original of memmap_sum.c: a float64 file summed
# through memmap windows, so only one window is mapped at a time.
#
# The C program takes the size (and a directory, and "dense") on its command
# line; this one uses the defaults: 64 MiB in the current directory.
import numpy as np

try:
    from os import remove
except ImportError:  # the nd interpreter has no os module: the file stays
    remove = None

MIB = 64
WINDOW_MIB = 16
PER_MIB = 1 << 17  # float64 elements in a MiB
path = "memmap_sum.f64"
n = MIB * PER_MIB
step = PER_MIB  # one value per MiB: element k * step is k % 1000 + 1
per = WINDOW_MIB * PER_MIB

# Create the file (all holes), then write the values window by window.
m = np.memmap(path, dtype=np.float64, mode="w+", shape=(n,))
del m
for s in range(0, n, per):
    w = np.memmap(path, dtype=np.float64, mode="r+", offset=s * 8, shape=(min(per, n - s),))
    first = (step - s % step) % step
    w[first::step] = np.arange((s + first) // step, (s + len(w) + step - 1) // step) % 1000 + 1
    w.flush()
    del w

# The point: sum one window at a time; dropping a window unmaps it.
total = 0.0
windows = 0
for s in range(0, n, per):
    w = np.memmap(path, dtype=np.float64, mode="r", offset=s * 8, shape=(min(per, n - s),))
    total += float(w.sum())
    del w
    windows += 1

k = (n + step - 1) // step
want = float(k // 1000 * 500500 + (k % 1000) * (k % 1000 + 1) // 2)
print(f"float64 file of {MIB} MiB: {n} elements, one value per MiB, the rest holes")
print(f"summed through {windows} memmap windows of {WINDOW_MIB} MiB")
print(f"sum = {total:.1f}, expected {want:.1f}")
if remove:
    remove(path)
