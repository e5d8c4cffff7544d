import numpy as np
for n in ('CLIP RAISE WRAP MAXDIMS BUFSIZE ALLOW_THREADS UFUNC_BUFSIZE_DEFAULT ERR_CALL ERR_DEFAULT ERR_IGNORE ERR_LOG ERR_PRINT ERR_RAISE ERR_WARN '
          'FLOATING_POINT_SUPPORT FPE_DIVIDEBYZERO FPE_INVALID FPE_OVERFLOW FPE_UNDERFLOW SHIFT_DIVIDEBYZERO SHIFT_INVALID SHIFT_OVERFLOW '
          'SHIFT_UNDERFLOW little_endian euler_gamma infty Infinity NAN NINF NZERO PINF PZERO').split():
    print(n, repr(getattr(np, n)))
print(np.binary_repr(10), np.binary_repr(-3, width=8), np.binary_repr(0, 4), np.binary_repr(-8, 4), np.binary_repr(-5))
print(np.base_repr(255, 16), np.base_repr(-10, 3, padding=2), np.base_repr(0), np.base_repr(7, 2, 3))
print(np.isfortran(np.ones((2, 2), order='F')), np.isfortran(np.ones(3)), np.iterable([1]), np.iterable(3), np.iterable(np.arange(2)))
print(np.asfarray([1, 2]).dtype, np.asfarray([1, 2], dtype=np.int32).dtype, np.asfarray([1], dtype=np.complex64).dtype)
print(np.alltrue([1, 1]), np.sometrue([0, 0]), np.product([2, 3]), np.cumproduct([1, 2, 3]))
print(np.polyadd([1, 2], [3]), np.polysub([1, 2], [3, 4, 5]), np.polymul([1, 2], [1, 3]), np.polymul([0, 0, 1, 2], [0, 1]), np.polydiv([1, 3, 2], [1, 1]), np.polydiv([3.0, 5, 2], [2, 1]))
for bad in (lambda: np.base_repr(5, 40), lambda: np.base_repr(5, 1)):
    try:
        bad()
    except ValueError as e:
        print(e)
