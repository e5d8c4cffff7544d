import numpy as np
a = np.arange(12, dtype=np.int32)
checks = {
    'slice view': np.shares_memory(a, a[2:5]),
    'reshape view': np.shares_memory(a, a.reshape(3, 4)),
    'fancy copy': np.shares_memory(a, a[[1, 2]]),
    'mask copy': np.shares_memory(a, a[a > 5]),
    'transpose ravel copy': np.shares_memory(a, a.reshape(3, 4).T.ravel()),
    'view dtype': np.shares_memory(a, a.view(np.int16)),
    'astype copy': np.shares_memory(a, a.astype(np.int64)),
    'byteswap copy': np.shares_memory(a, a.byteswap()),
}
for k, v in checks.items():
    print(f'{k:>22}: {v}')
