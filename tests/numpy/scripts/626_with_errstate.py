# with np.errstate(...): seterr on entry, restored however the block ends (NumPy's context manager).
import numpy as np
print(np.geterr())
with np.errstate(divide='ignore', invalid='ignore'):
    print(np.geterr())
    r = np.array([1.0, 0.0]) / 0.0
print(r, np.geterr())
with np.errstate(all='raise') as e:
    print(e, np.geterr()['over'])
def f():
    with np.errstate(over='ignore'):
        return np.geterr()['over']
print(f(), np.geterr()['over'])
for i in range(3):
    with np.errstate(under='warn'):
        if i == 1:
            break
print(i, np.geterr()['under'])
try:
    with np.errstate(divide='ignore'):
        raise ValueError('inside')
except ValueError as ex:
    print('caught', ex, np.geterr()['divide'])
try:
    with np.errstate(divide='bogus'):
        print('not here')
except Exception as ex:
    print(type(ex).__name__, ex, np.geterr()['divide'])
try:
    with np.errstate(bogus='ignore'):
        print('not here')
except Exception as ex:
    print(type(ex).__name__, ex)
try:
    with 5:
        pass
except Exception as ex:
    print(type(ex).__name__, ex)
with np.errstate(call=None, divide='ignore'):
    print(np.geterr()['divide'])
print(np.geterr())
