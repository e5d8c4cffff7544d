# tour.py — the NumPy original of tour.c: the seed documents' main points,
# one short step each.
import numpy as np

print('1. A slice is a view; .copy() is not')
original = np.array([1, 2, 3, 4, 5])
view = original[1:4]
copy = original[1:4].copy()
view[0] = 999
copy[0] = 777
print('original:', original)
print('view.base is original:', view.base is original)
print('shares memory:', np.shares_memory(original, view), np.shares_memory(original, copy))

print('2. Transpose and reshape are views too')
data = np.arange(12).reshape(3, 4)
t = data.T
t[0, 0] = 999
print('data[0, 0]:', data[0, 0], 'strides:', data.strides, t.strides)
print('flatten copies:', not np.shares_memory(data, data.flatten()))
print('ravel of the transpose copies:', not np.shares_memory(data, t.ravel()))

print('3. Same bytes, new dtype')
arr = np.arange(10, dtype='int16')
v32 = arr.view('int32')
v32 += 1
print('int16 after int32 view += 1:', arr)
arr = np.arange(10, dtype='int16')
v8 = arr.view('int8')
v8 += 1
print('int16 after int8 view += 1:', arr)

print('4. Read-only views')
data = np.array([1, 2, 3, 4, 5])
ro = data.view()
ro.flags.writeable = False
try:
    ro[0] = 999
except ValueError as e:
    print(f"{type(e).__name__}: {e}")
print('writeable:', data.flags.writeable, ro.flags.writeable)

print('5. HWC image to CHW float32')
img = np.arange(224 * 224 * 3, dtype='uint8').reshape(224, 224, 3)
chw = np.transpose(img, (2, 0, 1))
chw_f32 = chw.astype('float32') / 255.0
print(img.shape, chw.shape, chw.dtype, chw_f32.shape, chw_f32.dtype)
print('chw is a view:', np.shares_memory(img, chw), 'chw_f32 is a copy:', not np.shares_memory(img, chw_f32))

print('6. Byte order')
raw = np.array([0, 0, 0, 1], dtype='u1')
print(raw.view('>u4')[0], raw.view('<u4')[0])
b = np.array([1, 256], dtype='<i2')
print(b.byteswap(), b.newbyteorder(), b.newbyteorder().dtype.str)

print('7. Fancy and boolean indexing copy')
a = np.arange(10) * 10
picked = a[[1, 3, 5]]
big = a[a > 60]
picked[0] = -1
print(picked, big, np.shares_memory(a, picked), np.shares_memory(a, big), picked.base is None)
a[a > 60] = 0  # as an assignment target it writes into a
print(a)

print('8. memmap: a file seen as an array')
m = np.memmap('/tmp/nd_tour_memmap.dat', dtype='float64', mode='w+', shape=(4, 3))
m[:] = np.arange(12.0).reshape(4, 3)
m.flush()
col = m[:, 1]
r = np.memmap('/tmp/nd_tour_memmap.dat', dtype='float64', mode='r', shape=(4, 3))
print(col, col.base is m, r[2], r.flags.writeable)

print('9. Structured records over raw bytes')
rec = np.dtype([('id', 'u4'), ('ts', 'u4'), ('value', 'f8')])
raw = np.arange(0, 160, dtype='u1')
records = raw.view(rec)
ids = records['id']
print(records.shape, rec.itemsize, ids.strides, ids.base is raw, np.shares_memory(ids, raw))
ids[0] = 7
print(raw[:4], records[0])

print('10. Errors carry NumPy\'s class and message')
try:
    np.arange(12).reshape(5)
except ValueError as e:
    print(f"{type(e).__name__}: {e}")
