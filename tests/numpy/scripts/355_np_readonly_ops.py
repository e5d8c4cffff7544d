import numpy as np
a = np.arange(4)
a.setflags(write=False)
print(a + 1, a.sum(), a.copy().flags.writeable, a[::2].flags.writeable, a.view().flags.writeable)
for op in ['a += 1', 'a.fill(0)', 'a.sort()', 'np.add(a, 1, out=a)']:
    try:
        if op == 'a += 1':
            a += 1
        elif op == 'a.fill(0)':
            a.fill(0)
        elif op == 'a.sort()':
            a.sort()
        else:
            np.add(a, 1, out=a)
    except ValueError as e:
        print(op, '->', type(e).__name__, e)
