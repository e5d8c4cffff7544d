import numpy as np
for f, v in (('%x', 3.0), ('%o', 2.5), ('%c', 65.0), ('%X', np.float32(3)), ('%x', np.int8(10)), ('%d', 2.7), ('%c', 65), ('%x', True), ('%i', np.float64(-3.9)), ('%u', 7.5), ('%5.1f|%-6d|%+e', (1.25, 3, -2.5))):
    try:
        print(repr(f % v))
    except Exception as e:
        print(type(e).__name__, e)
