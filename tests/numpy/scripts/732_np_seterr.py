import numpy as np
print(np.geterr())
old = np.seterr(all='ignore')
print(old)
print(np.geterr())
print(np.seterr(divide='raise', over='warn'))
print(np.geterr())
print(np.seterr(under='print', invalid='call'))
print(np.seterr(**old))
print(np.geterr())
for bad in [dict(divide='bogus'), dict(all=3), dict(over=None, under='Raise')]:
    try:
        np.seterr(**bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    np.seterr(foo='raise')
except Exception as e:
    print(type(e).__name__, e)
print(np.geterr())
print(np.seterr())
