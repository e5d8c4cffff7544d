import numpy as np


def show(f):
    try:
        r = f()
        print(r.dtype, r.shape, r.tolist())
    except Exception as e:
        print(type(e).__name__, e)


dts = [np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32, np.int64, np.uint64,
       np.float16, np.float32, np.float64, np.complex64, np.complex128, np.bool_]
modes = ['constant', 'edge', 'wrap', 'reflect', 'symmetric', 'linear_ramp', 'maximum', 'minimum', 'mean', 'median']
base1 = np.array([3, 1, 4, 1, 5, 9, 2], np.float64)
base2 = np.array([[3, 1, 4], [1, 5, 9]], np.float64) / 4
for dt in dts:
    a1 = base1.astype(dt)
    a2 = base2.astype(dt)
    for mode in modes:
        for pw in [(3, 1), (0, 9), (11, 10)]:
            print(dt.__name__, mode, pw, np.pad(a1, pw, mode).tolist())
        for pw in [((2, 0), (1, 3)), ((3, 4), (5, 2))]:
            show(lambda: np.pad(a2, pw, mode))
    for mode in ['reflect', 'symmetric']:
        for pw in [3, (9, 8)]:
            print(dt.__name__, mode, 'odd', np.pad(a1, pw, mode, reflect_type='odd').tolist())
        show(lambda: np.pad(a2, ((4, 5), (7, 2)), mode, reflect_type='odd'))
    r = np.pad(a2, 2, 'empty')
    print('empty', r.dtype, r.shape)

# 3-d, non-contiguous and Fortran-ordered inputs
a3 = (np.arange(24, dtype=np.float32).reshape(2, 3, 4) * 1.25 - 3) / 7
nc = a3[:, ::2, ::-1]
for mode in modes:
    show(lambda: np.pad(nc, ((1, 2), (3, 0), (2, 5)), mode))
    show(lambda: np.pad(a3.T, 2, mode))
    r = np.pad(np.asfortranarray(a3), 1, mode)
    print(mode, r.flags['C_CONTIGUOUS'], r.flags['F_CONTIGUOUS'], r.strides)
print(np.pad(np.arange(6).reshape(2, 3)[:, ::2], ((1, 1), (2, 0)), 'wrap'))

# stat_length, end_values and constant_values spellings
b = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 10]], np.int64)
for sl in [None, 1, 2, 5, (1, 2), ((1, 2), (2, 1)), [[3], [1]], 2.5, 1.5, (0.4, 2.6), np.int8(2)]:
    for mode in ['maximum', 'minimum', 'mean', 'median']:
        show(lambda: np.pad(b, ((2, 3), (1, 2)), mode, stat_length=sl))
for ev in [0, 5, (1, 2), ((1, 2), (3, 4)), [[7], [-3]], 2.5, -1.5, np.float32(0.1), np.array([[1.5, 2], [3, 4.25]])]:
    show(lambda: np.pad(b, ((2, 3), (4, 2)), 'linear_ramp', end_values=ev))
    show(lambda: np.pad(b.astype(np.float32), ((2, 3), (4, 2)), 'linear_ramp', end_values=ev))
    show(lambda: np.pad(b.astype(np.float16)[0], (6, 3), 'linear_ramp', end_values=ev))
for cv in [0, 5, (1, 2), ((1, 2), (3, 4)), [[7], [-3]], 2.5, -1.5, np.nan, (np.inf, 1)]:
    show(lambda: np.pad(b, ((2, 1), (1, 2)), constant_values=cv))
    show(lambda: np.pad(b.astype(np.uint8), ((2, 1), (1, 2)), constant_values=cv))
    show(lambda: np.pad(b.astype(np.float16), ((2, 1), (1, 2)), constant_values=cv))
    show(lambda: np.pad(b.astype(bool), 1, constant_values=cv))
show(lambda: np.pad(b.astype(complex), 1, constant_values=1 + 2j))
show(lambda: np.pad([1., 2], 1, 'constant', constant_values=None))
show(lambda: np.pad([1, 2], 1, 'constant', constant_values=None))

# NumPy's rounding of integer statistics, bool and NaN inputs, edge cases
for a in [[1, 2, 4], [1, 2, 4, 5], [2, 3, 3, 3]]:
    print(np.pad(np.array(a), 2, 'mean'), np.pad(np.array(a), 2, 'median'), np.pad(np.array(a, np.uint8), (1, 2), 'mean', stat_length=(2, 3)))
print(np.pad(np.array([0.5, 1.5, 2.5]), 2, 'mean', stat_length=2))
print(np.pad(np.array([True, False, False]), 2, 'mean'), np.pad(np.array([True, False, False]), 2, 'median'))
print(np.pad(np.array([True, False, False]), 2, 'linear_ramp'), np.pad(np.array([True, False, False]), 4, 'reflect', reflect_type='odd'))
print(np.pad(np.array([np.nan, 1.0, 2.0]), 2, 'maximum'), np.pad(np.array([np.nan, 1.0, 2.0]), 2, 'median'))
print(np.pad(np.array([1.0, 2.0, 3.0]), 2, 'mean', stat_length=0))
print(np.pad(np.array([[1.0, 2.0], [3, 4]]), 1, 'mean', stat_length=((0, 1), (1, 0))))
print(np.pad(np.array([7]), 3, 'reflect'), np.pad(np.array([7]), 3, 'symmetric', reflect_type='odd'))
print(np.pad(np.array([7, 9]), 5, 'reflect', reflect_type='odd'), np.pad(np.array([[7, 9]]), 3, 'reflect'))
print(np.pad(np.array([200, 250], np.uint8), 3, 'linear_ramp', end_values=(-5, 300)))
print(np.pad(np.array([200, 250], np.uint8), 3, 'reflect', reflect_type='odd'))
print(np.pad(np.array([100, 120], np.int8), 3, 'symmetric', reflect_type='odd'))
print(np.pad(np.array([1e-310, 2e-310]), 2, 'linear_ramp', end_values=(1e-310, 2e-310)))
print(np.pad(np.array([[1e-310, 2e-310], [1, 2]]), 2, 'linear_ramp', end_values=(1e-310, 2e-310)))
print(np.pad(np.arange(6.).reshape(2, 3).astype(np.float16), 2, 'linear_ramp', end_values=(1e5, 2)))
print(np.pad(np.arange(6.).reshape(2, 3), 1, 'linear_ramp', end_values=(1j, 2)))
print(repr(np.pad(np.array(5), 3)), repr(np.pad(np.array(5.5), 3, 'edge')), repr(np.pad(np.array(5), 2, 'mean')))
print(repr(np.pad(np.zeros((0, 3)), ((0, 0), (1, 1)), 'edge')), repr(np.pad(np.zeros((0, 3)), 1, constant_values=4)))
print(repr(np.pad(np.zeros((2, 0), np.int8), 1, constant_values=4)), np.pad(np.zeros((0, 3)), 2, 'empty').shape)
print(np.pad([1, 2, 3], 1), np.pad([[1.5, 2], [3, 4]], ((1,), (2,))), np.pad([1, 2, 3], [[1, 2]]))
print(np.pad([1, 2, 3], np.array([1, 2], np.int8)), np.pad([1, 2, 3], np.int16(2), mode='wrap'))
print(np.pad(array=[1, 2], pad_width=1, mode='edge'), np.pad([1, 2], 1, 'reflect', reflect_type='even'))
print(np.pad(np.arange(1, 6), 1, 'reflect', reflect_type='foo'))

# NumPy's errors
a = np.arange(1, 6)
for bad in [lambda: np.pad(a, -1), lambda: np.pad(a, -1, 'foo'), lambda: np.pad(a, 1, 'foo'), lambda: np.pad(a, 1, 3),
            lambda: np.pad(a, 1, None), lambda: np.pad(a, 1, foo=2), lambda: np.pad(a, 1, 'maximum', stat_length=0),
            lambda: np.pad(a, 1, 'minimum', stat_length=(2, 0)), lambda: np.pad(a, 1, 'mean', stat_length=-1),
            lambda: np.pad(a, np.uint8(1)), lambda: np.pad(a, True), lambda: np.pad(a, 2.6), lambda: np.pad(a, []), lambda: np.pad(np.array(5), ()),
            lambda: np.pad(a, [1, 2, 3]), lambda: np.pad(a, [[1, 2], [3, 4]]), lambda: np.pad(a, [[1, -2], [3, 4]]),
            lambda: np.pad(np.ones((2, 3)), [[[1]]]), lambda: np.pad(np.zeros((2, 0)), 1, 'mean'),
            lambda: np.pad(np.zeros((2, 0)), 1, 'wrap'), lambda: np.pad(np.array(5), [1, 2, 3], 'mean'),
            lambda: np.pad(a, 1, 'linear_ramp', end_values=[1, 2, 3]), lambda: np.pad(a, 1, 'constant', constant_values=[1, 2, 3]),
            lambda: np.pad(a, 1, 'edge', end_values=2), lambda: np.pad(a, 1, mode='wrap', stat_length=2),
            lambda: np.pad(a, 1, 'edge', constant_values=3), lambda: np.pad(a, 1, 'reflect', stat_length=3),
            lambda: np.pad(a), lambda: np.pad(a, 1, 'edge', 2), lambda: np.pad(a, 1, array=a),
            lambda: np.pad(a, 1, 'linear_ramp', end_values=1j), lambda: np.pad(a, 1, constant_values=np.nan)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
