import numpy as np
print(np.int8(3) == 3, np.float32(0.1) == 0.1, np.float64(0.1) == 0.1, np.uint8(255) == -1)
print(np.int64(5) > 4.5, np.bool_(True) == 1, np.float16(0.5) < np.float32(0.6))
print(type(np.int8(3) == 3).__name__, np.nan == np.float64('nan'), np.isnan(np.float32('nan')))
print(np.int32(7) in [7, 8], 3 in np.arange(5), 10 in np.arange(5))
