# numpy functions from nd's Python prelude: real/imag/iscomplex/isreal and friends
import numpy as np
a = np.array([1+2j, 3, 0j])
print(np.real(a), np.imag(a), np.real(3+4j), np.imag(5))
print(np.iscomplex(a), np.isreal(a), np.iscomplexobj(a), np.isrealobj([1, 2]))
print(np.iscomplex(3), np.isreal(np.arange(3.)))
from numpy import real
print(real(np.array([1.5])))
print(type(np.real).__name__)
try:
    np.nosuch
except AttributeError as e:
    print(e)
