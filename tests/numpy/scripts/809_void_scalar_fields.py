import numpy as np
x = np.array([(1, 2., 3.)], dtype='i, f, f')
s = x[0]
print(s[1], s['f2'], s[-1], len(s))
s['f1'] = 7; print(x)
s[2] = 8; print(x)
x[0][0] = 5; print(x)
x[0]['f0'] = 6; print(x)
try:
    s[3] = 1
except Exception as e:
    print(type(e).__name__, e)
print(s[0:2] if False else '', [v for v in s], tuple(s), s.tolist() if hasattr(s, 'tolist') else None)
for k in (3, -4):
    try: s[k]
    except Exception as e: print(type(e).__name__, e)
s[-1] = 9; print(s, x)
