import numpy as np
tests = [
    lambda: np.zeros((2, 2)).reshape(3),
    lambda: np.arange(3)[5],
    lambda: np.arange(3).astype('q9'),
    lambda: np.zeros(3) @ np.zeros(4),
    lambda: np.zeros(-1),
    lambda: np.arange(4).reshape(2, 2)[0, 0, 0],
    lambda: np.arange(3).view(np.complex128),
    lambda: np.concatenate([]),
]
for t in tests:
    try:
        t()
        print('no error')
    except Exception as e:
        print(type(e).__name__, '|', e)
