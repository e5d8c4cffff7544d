import numpy as np
for x in (np.array([0., 1., -3.5, 1e-310, np.inf, np.nan, 1e300, -0.0]), np.float32(6.0), np.int8(3), np.int32(5), np.array([1, 2], np.uint16), 8, 2.5, True,
          np.array([0.1, 65504], np.float16), np.array([[1.5, 3.0]], np.float32)):
    m, e = np.frexp(x)
    print(repr(m), repr(e), type(m).__name__)
for a, b in ((np.array([1., 2.]), np.array([3, -1])), (np.float32(1.5), 2), (3, 4), (np.array([1.], np.float16), np.int64(2)), (1.0, 1100), (1e-300, -100),
             (np.int8(3), 2), (2.0, np.array([1, 2], np.int8)), (np.array([[1.0], [2.0]]), np.arange(3)), (5e-324, 1), (1.0, -1075), (np.float32(1.0), -149), (1.0, 2 ** 40)):
    with np.errstate(all='ignore'):
        r = np.ldexp(a, b)
    print(repr(r), type(r).__name__)
m, e = np.frexp(np.array([3.0, 100.0, 1e-5]))
print(np.ldexp(m, e))
for bad in (lambda: np.ldexp(1.0, 1.5), lambda: np.ldexp(1.0, np.uint64(3)), lambda: np.frexp(1j)):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
