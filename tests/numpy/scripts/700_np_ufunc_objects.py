# NumPy's ufuncs are objects of type numpy.ufunc: repr, type, attributes,
# aliases (the same object), calls as before, and the methods' errors on
# unary ufuncs and on matmul (a gufunc with a signature).
import numpy as np
us = [np.add, np.subtract, np.multiply, np.divide, np.true_divide, np.floor_divide, np.remainder, np.mod,
      np.power, np.maximum, np.minimum, np.fmax, np.fmin, np.bitwise_and, np.bitwise_or, np.bitwise_xor,
      np.logical_and, np.logical_or, np.logical_xor, np.equal, np.not_equal, np.less, np.less_equal,
      np.greater, np.greater_equal, np.left_shift, np.right_shift, np.arctan2, np.hypot, np.logaddexp,
      np.negative, np.positive, np.absolute, np.abs, np.invert, np.bitwise_not, np.logical_not, np.sqrt,
      np.exp, np.log, np.sin, np.cos, np.floor, np.ceil, np.rint, np.sign, np.isnan, np.isinf, np.isfinite,
      np.conjugate, np.conj, np.log10, np.square, np.signbit, np.fmod, np.matmul]
for u in us:
    print(repr(u), str(u), u.__name__, u.nin, u.nout, u.nargs, repr(u.identity), u.signature)
print(type(np.add), type(np.sqrt).__name__, np.ufunc, isinstance(np.add, np.ufunc), isinstance(np.sum, np.ufunc))
print(np.divide is np.true_divide, np.abs is np.absolute, np.mod is np.remainder, np.conj is np.conjugate,
      np.bitwise_not is np.invert, np.add is np.subtract, np.add == np.add, np.add != np.multiply)
print(callable(np.add), {np.add: 'plus', np.multiply: 'times'}[np.add], [np.add, np.sqrt], (np.exp,))
print(str(np.add.reduce).split(' at ')[0], str(np.sqrt.at).split(' at ')[0])
print('%s and %r' % (np.add, np.sqrt), '{} {}'.format(np.minimum, np.maximum), f'{np.hypot}')
# calling is unchanged
print(np.add(1, 2), np.add([1, 2], 3.5), np.sqrt(np.arange(4)), np.fmax([1, np.nan], [np.nan, 0]))
out = np.zeros(3)
print(np.multiply([1, 2, 3], 2, out=out) is out, out, np.negative(np.arange(3), out))
print(list(map(np.square, [1, 2, 3])), sorted([-3, 1, -2], key=np.abs))
f = np.add
print(f(2, 3), f.reduce([1, 2, 3]), np.matmul(np.ones((2, 3)), np.ones(3)))
for fn in [lambda: np.sqrt.reduce([1, 2]), lambda: np.negative.accumulate([1, 2]), lambda: np.isnan.outer([1], [2]),
           lambda: np.matmul.reduce(np.ones((2, 2, 2))), lambda: np.matmul.accumulate(np.ones((2, 2))),
           lambda: np.matmul.outer(np.ones((2, 2)), np.ones((2, 2))), lambda: np.add.nosuch,
           lambda: np.add(1), lambda: np.divide(1, 2, 3, 4), lambda: np.sqrt(1, 2, 3)]:
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__, e)
for name in ['nin', 'identity', 'reduce', 'other']:
    try:
        setattr(np.add, name, 3)
    except Exception as e:
        print(type(e).__name__, e)
try:
    np.ufunc()
except Exception as e:
    print(type(e).__name__, e)
print(np.add.__class__ is np.ufunc, type(np.multiply) is np.ufunc)
