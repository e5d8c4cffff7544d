import numpy as np
cases = [(1000, np.int8), (100, np.int8), (np.int64(1000), np.int8), (np.int64(100), 'i1'), (np.array(100), 'i1'),
         (np.array([100]), 'i1'), (1.5, np.float16), (1e300, np.float32), (True, np.int8), (-1, np.uint8),
         (1 + 2j, 'c8'), (np.float64(1e300), 'f4'), (np.array(-1), 'u2'), ('i4', 'i8'), (np.int32, 'f4'),
         (np.dtype('>f8'), '<f8'), (2 ** 63, np.uint64), (np.uint8(200), np.int8)]
for f, t in cases:
    print(repr(f), t, np.can_cast(f, t), np.can_cast(f, t, 'same_kind'), np.can_cast(f, t, 'unsafe'))
for v in (0, 255, 256, -1, -129, 1.0, 1e40, 1e300, 1j, 1e40j, np.int64(7), np.float64(0.5), np.array(70000), np.array([1])):
    print(repr(v), np.min_scalar_type(v))
print(np.find_common_type([np.int32], [np.float32]), np.find_common_type([np.float32], [np.int16]),
      np.find_common_type(['i1', 'u1'], []), np.find_common_type([], ['f4', 'c8']), np.find_common_type([np.int8], [np.uint64]),
      np.find_common_type([], []), np.sctype2char(np.float64), np.sctype2char(np.int8))
try:
    np.can_cast(1, 'x9')
except Exception as e:
    print(type(e).__name__, e)
