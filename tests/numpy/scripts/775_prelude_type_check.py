# real_if_close, common_type, mintypecode, issubdtype, isposinf, isneginf,
# sort_complex from nd's prelude
import numpy as np

a = np.array([2.1 + 4e-14j, 5.2 + 3e-15j])
print(np.real_if_close(a), np.real_if_close(a, tol=1000), np.real_if_close([2.1 + 4e-13j]), np.real_if_close(a, tol=1e-13))
print(repr(np.real_if_close(np.array([1 + 1e-7j], np.complex64))), repr(np.real_if_close(np.array([1 + 1e-4j], np.complex64))))
print(repr(np.real_if_close([1, 2])), repr(np.real_if_close(3 + 0j)), repr(np.real_if_close(np.array([], complex))))
print(repr(np.real_if_close(np.array([[1 + 0j, 2 - 0j]])[:, ::-1])), np.real_if_close(np.array([1 + 1j, 2]), tol=0.5))

print(np.common_type(np.arange(2, dtype=np.float32)), np.common_type(np.arange(2, dtype=np.float32), np.arange(2)))
print(np.common_type(np.arange(3, dtype=np.float16)), np.common_type(np.array([1j], np.complex64), np.zeros(1, np.float16)))
print(np.common_type(np.zeros(1, np.int8), np.zeros(1, np.complex64)), np.common_type(), np.common_type(np.zeros(1, np.uint64)))
print(np.common_type(np.zeros(1, np.complex128), np.zeros(1, np.float32)), np.common_type(np.float32(1), np.float16(2)))
try:
    np.common_type(np.array([True]))
except TypeError as e:
    print(type(e).__name__, e)

print(np.mintypecode(['d', 'f', 'S']), np.mintypecode('abf'), np.mintypecode('dF'), np.mintypecode('i'), np.mintypecode('Ff'))
print(np.mintypecode([np.zeros(1, np.float32), 'D']), np.mintypecode('efg', typeset='gf'), np.mintypecode([], default='f'))

for a1, a2 in [(np.float64, np.floating), (np.float32, np.float64), (np.int8, np.signedinteger), (np.uint8, np.signedinteger),
               ('f4', np.floating), (np.dtype('i8'), np.integer), (float, np.floating), (np.float64, float),
               (int, np.integer), (np.int32, int), (np.complex64, np.complexfloating), (np.bool_, np.number),
               (np.bool_, np.generic), (np.float16, np.inexact), (np.uint64, np.unsignedinteger),
               ('float64', 'f8'), (np.dtype('c16'), np.complex128), ('i', np.int32), (np.complex128, np.floating),
               (np.dtype([('a', 'i4')]), np.void), (np.int64, np.number)]:
    print(a1, a2, np.issubdtype(a1, a2))

x = np.array([-np.inf, 0., np.inf, np.nan, -0., 1e308, -5])
print(np.isposinf(x), np.isneginf(x), np.isposinf(np.inf), np.isneginf(-np.inf), type(np.isposinf(1.0)).__name__)
print(np.isposinf([1, 2]), np.isneginf(np.array([-1, 0], np.int8)), np.isposinf(np.array([np.inf], np.float16)), np.isneginf(np.array([-np.inf], np.float32)))
print(np.isposinf(x.reshape(7, 1)[::2]), np.isneginf([[True, False]]), np.isposinf(np.array([], np.float64)))
out = np.zeros(7, bool)
print(np.isneginf(x, out) is out, out, np.isposinf(x, out=out), out)
for f in [np.isposinf, np.isneginf]:
    try:
        f(np.array([1 + 1j, np.inf]))
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        f(np.complex64(1))
    except TypeError as e:
        print(type(e).__name__, e)

print(np.sort_complex([5, 3, 6, 2, 1]), np.sort_complex([1 + 2j, 2 - 1j, 3 - 2j, 3 - 3j, 3 + 5j]))
for dt in ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'float16', 'float32', 'float64', 'complex64', 'bool']:
    r = np.sort_complex(np.array([3, 1, 2, 0], dtype=dt))
    print(dt, r.dtype, r)
print(np.sort_complex(np.array([[3, 1j], [2, -1j]])), np.sort_complex(np.array([np.nan, 1, -np.inf, 1j * np.nan, 2j])))
print(repr(np.sort_complex([])), np.sort_complex(np.arange(10.)[::-3]))
