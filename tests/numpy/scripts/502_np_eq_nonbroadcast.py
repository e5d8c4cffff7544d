# == and != between arrays that do not broadcast: NumPy 1.24 answers False /
# True (with a DeprecationWarning); a str compares to an array as a scalar
import numpy as np

a = np.arange(3)
b = np.zeros((2, 2))
r = a == b
print(r, type(r).__name__, a != b, type(a != b).__name__)
print(a == [1, 2], a != [1, 2], np.zeros((2, 3)) == np.zeros((3, 2)))
print(a == 'x', a != 'x', 'x' == a, a == b'x', a == None, None != a)
try:
    print(a < b)
except ValueError as e:
    print('ValueError', e)
try:
    print(np.equal(a, b))
except ValueError as e:
    print('ValueError', e)
print(a == np.arange(3), (a == a).all(), 1 in a, 7 in a)
