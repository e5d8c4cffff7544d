# a.sort() on read-only arrays: NumPy checks the axis before writeability.
import numpy as np
for a in [np.ones(()), np.arange(5.)[::-1], np.arange(6).reshape(2, 3), np.zeros(0)]:
    a.flags.writeable = False
    for ax in [None, -1, 0, 1, 2, -3]:
        try:
            if ax is None:
                a.sort()
            else:
                a.sort(axis=ax)
            print('ok', a)
        except Exception as e:
            print(type(e).__name__, e)
    for k in ['stable', 'bogus']:
        try:
            a.sort(kind=k); print('ok')
        except Exception as e:
            print(type(e).__name__, e)
