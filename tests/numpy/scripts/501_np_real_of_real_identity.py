# x.real of a real array is x itself; x.imag is a read-only zero array
import numpy as np

a = np.zeros(3)
r = a.real
print(r is a, r.flags.owndata, r.base is None)
r[0] = 5
print(a)
b = np.arange(6, dtype=np.int16).reshape(2, 3)[:, ::2]
print(b.real is b, b.real.base is b.base, b.real.dtype, b.imag, b.imag.flags.writeable)
c = np.array([1 + 2j, 3 - 4j])
print(c.real is c, c.real, c.real.base is c, c.imag.dtype)
print(np.float64(2.5).real, np.complex64(1 - 2j).imag, np.int8(3).real)
f = np.asfortranarray(np.ones((2, 3), '>f4'))
z = f.imag
print(z.strides, z.dtype, z.flags.f_contiguous, z.flags.c_contiguous, f.T.imag.strides, f[:, ::2].imag.strides)
