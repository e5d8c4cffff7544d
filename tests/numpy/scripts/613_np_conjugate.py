# np.conj / np.conjugate are the ufunc; ndarray.conj() returns self for real arrays.
import numpy as np
a = np.arange(3); print(a.conj() is a, a.conjugate() is a, np.conj(a) is a, np.conj(a).flags.owndata)
b = np.array([True]); print(b.conj() is b, np.conj(b), np.conjugate(b).dtype)
c = np.array([1+2j, -0.0-0.0j, complex(np.nan, -np.nan)]); print(c.conj(), np.conj(c[::-1]).strides, c.conj().base is None)
print(type(np.conj(np.float32(2))), type(np.float32(2).conj()), type(np.complex64(1j).conj()), np.conj(2), type(np.conj(2)), np.conj(1j))
print(np.conj(np.ones((2,3)).T).strides, np.conjugate(np.ones((2,3),'c8').T).strides)
print(np.conj(c, out=np.zeros(3, 'c16')))
x = np.array([1+1j, 2-2j]); np.conj(x, out=x); print(x)
print(np.conj(np.array(3+4j)), repr(np.conjugate(np.array(3+4j))), repr(np.array(3+4j).conj()))
print(np.conj(c).imag.tobytes().hex(), c.conj().imag.tobytes().hex())
print(np.conj(np.array([1, 2], '>c8')).dtype, np.array([1, 2], '>c8').conj().dtype, np.conj(np.array([1, 2], '>i4')).dtype, np.array([1, 2], '>f4').conj().dtype)
o = np.zeros(3); print(np.arange(3).conj(o) is o, o)
try:
    np.arange(3).conj(out=np.zeros(3))
except Exception as e:
    print(type(e).__name__, e)
for x in [np.arange(4, dtype='u1'), np.arange(3.0)[::-1], np.array([1 + 1j, -2j], 'c8')[::-1], np.ones((2, 3), 'c16').T]:
    print(repr(np.conjugate(x)), repr(x.conjugate()), np.conj(x).strides, x.conj() is x)
print(np.conj.__name__, np.conjugate.__name__)
print(np.conj(np.float16(2)), np.conj([1, 2j]), np.array([1.5]).conjugate(), np.conj(np.array(True)), np.conj(True))
