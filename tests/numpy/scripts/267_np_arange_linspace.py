import numpy as np
print(np.arange(5), np.arange(2, 10, 3), np.arange(1.0, 2.0, 0.25), np.arange(10, 0, -3))
print(np.arange(0, 1, 0.1).shape, np.arange(5, dtype=np.uint8).dtype, np.arange(0.0).shape)
print(np.linspace(0, 1, 5), np.linspace(0, 10, 4, endpoint=False), np.linspace(1, 2, 3, dtype=np.float32))
v, step = np.linspace(0, 1, 5, retstep=True)
print(step)
