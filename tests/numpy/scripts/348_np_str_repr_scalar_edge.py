import numpy as np
print(np.float64(1e16), np.float64(1e-5), np.float64(0.1 + 0.2), np.float64(-0.0), np.float64(np.inf), np.float64(np.nan))
print(repr(np.float64(2.0)), repr(np.float32(2.0)), repr(np.int8(0)), repr(np.uint64(2**62)), repr(np.bool_(False)))
print(str(np.float16(0.1)), np.float32(16777217.0), np.float64(123456789012345680.0))
print(f'{np.float64(2.5):.3f}', f'{np.int32(42):5d}', f'{np.float32(0.1)}', '%.2f' % np.float64(1.005), '%d' % np.int8(-3))
