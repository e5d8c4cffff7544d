# ufunc.accumulate: dtypes as reduce (add/multiply in int64 for small ints),
# the running op for the other ufuncs, axis and dtype, and the errors.
import numpy as np
def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r), getattr(r, 'dtype', ''))
    except Exception as e:
        print(type(e).__name__, e)
a = np.arange(24).reshape(2, 3, 4)
for u in [np.add, np.subtract, np.multiply, np.maximum, np.minimum, np.fmax, np.bitwise_or, np.bitwise_xor,
          np.logical_and, np.logical_or, np.logical_xor, np.hypot, np.floor_divide, np.power, np.remainder]:
    print('--', u.__name__)
    show(lambda: u.accumulate(np.array([3, 1, 2], 'i1')))
    show(lambda: u.accumulate(np.array([1.5, 2.5, 0.5], 'f4')))
    show(lambda: u.accumulate(a + 1, axis=1))
    if u not in (np.floor_divide, np.remainder):
        show(lambda: u.accumulate(np.array([True, False, True])))
show(lambda: np.add.accumulate(a, dtype='f4', axis=2))
show(lambda: np.add.accumulate(a, 1, 'f4'))
show(lambda: np.add.accumulate(a, axis=(1,)))
show(lambda: np.add.accumulate(a, axis=-1))
show(lambda: np.multiply.accumulate([1, 2, 3, 4]))
show(lambda: np.divide.accumulate(np.array([8, 2, 4], 'i1')))
show(lambda: np.equal.accumulate(np.array([True, False, False])))
show(lambda: np.arctan2.accumulate(np.array([1, 2, 3], 'i1')))
show(lambda: np.maximum.accumulate(np.array([1, 3, 2], 'u1')))
show(lambda: np.maximum.accumulate(np.array([1, np.nan, 2])))
show(lambda: np.add.accumulate(np.empty((3, 0), 'i1'), axis=1))
show(lambda: np.subtract.accumulate(np.empty((3, 0)), axis=1))
show(lambda: np.maximum.accumulate(np.array([])))
o = np.zeros((2, 3))
show(lambda: np.add.accumulate(np.ones((2, 3)), out=o))
print(o)
for fn in [lambda: np.add.accumulate(np.array(5, 'i1')), lambda: np.add.accumulate(a, axis=None),
           lambda: np.add.accumulate(a, axis=(0, 1)), lambda: np.add.accumulate(a, axis=3),
           lambda: np.add.accumulate(), lambda: np.add.accumulate(a, 0, None, None, 3),
           lambda: np.add.accumulate(a, 0, axis=0), lambda: np.subtract.accumulate(np.array([True, True])),
           lambda: np.equal.accumulate(np.array([1, 2])), lambda: np.add.accumulate(a, dtype='i1', foo=2),
           lambda: np.bitwise_and.accumulate(np.array([1.5]))]:
    show(fn)
