import numpy as np
a=np.arange(3, dtype='i1'); f=np.arange(3.)
cases = [
    ('np.add(a, 1, dtype="f4")', lambda: np.add(a, 1, dtype="f4")),
    ('np.sqrt(a, dtype="i4")', lambda: np.sqrt(a, dtype="i4")),
    ('np.add(f, 1, dtype="i8")', lambda: np.add(f, 1, dtype="i8")),
    ('np.true_divide(a, 2, dtype=int)', lambda: np.true_divide(a, 2, dtype=int)),
    ('np.equal(a, 1, dtype="f8")', lambda: np.equal(a, 1, dtype="f8")),
    ('np.equal(a, 1, dtype=bool)', lambda: np.equal(a, 1, dtype=bool)),
    ('np.add(a, 1000, dtype="i1")', lambda: np.add(a, 1000, dtype="i1")),
    ('np.add(a, 1.5, dtype="i1")', lambda: np.add(a, 1.5, dtype="i1")),
    ('np.add(f, 1, dtype="i8", casting="unsafe")', lambda: np.add(f, 1, dtype="i8", casting="unsafe")),
    ('np.add(1, 2, dtype="f4")', lambda: np.add(1, 2, dtype="f4")),
    ('np.add(a, a, signature="bb->b")', lambda: np.add(a, a, signature="bb->b")),
    ('np.add(a, a, signature=(None, None, "f8"))', lambda: np.add(a, a, signature=(None, None, "f8"))),
    ('np.add(a, a, dtype="f4", out=np.zeros(3))', lambda: np.add(a, a, dtype="f4", out=np.zeros(3))),
    ('np.negative(a, dtype="f2")', lambda: np.negative(a, dtype="f2")),
    ('np.add(a, a, signature="ff->f")', lambda: np.add(a, a, signature="ff->f")),
    ('np.logical_and(a, a, dtype=bool)', lambda: np.logical_and(a, a, dtype=bool)),
    ('np.add(a, 1, dtype=np.complex64)', lambda: np.add(a, 1, dtype=np.complex64)),
    ('np.maximum(f, 1, dtype="i8")', lambda: np.maximum(f, 1, dtype="i8")),
    ('np.add(a, a, signature="ii->d")', lambda: np.add(a, a, signature="ii->d")),
    ('np.add(True, False, dtype=bool)', lambda: np.add(True, False, dtype=bool)),
    ('np.floor_divide(f, 2, dtype="f4")', lambda: np.floor_divide(f, 2, dtype="f4")),
    ('np.add(a,1,dtype="f4",casting="no")', lambda: np.add(a,1,dtype="f4",casting="no")),
    ('np.multiply(a, 100, dtype="i2")', lambda: np.multiply(a, 100, dtype="i2")),
    ('np.sqrt(np.arange(3), dtype="f4")', lambda: np.sqrt(np.arange(3), dtype="f4")),
    ('np.add(a, a, dtype="f4", signature="ff->f")', lambda: np.add(a, a, dtype="f4", signature="ff->f")),
    ('np.exp(a, dtype=np.float64)', lambda: np.exp(a, dtype=np.float64)),
    ('np.less(f, 2, signature=(None, None, bool))', lambda: np.less(f, 2, signature=(None, None, bool))),
    ('np.subtract(a, 1, dtype=float, where=[True, False, True], out=np.full(3, 9.0))', lambda: np.subtract(a, 1, dtype=float, where=[True, False, True], out=np.full(3, 9.0))),
    ('np.add(np.arange(4).reshape(2, 2), 1, dtype="u1")', lambda: np.add(np.arange(4).reshape(2, 2), 1, dtype="u1")),
    ('np.power(a, 2, dtype="f4")', lambda: np.power(a, 2, dtype="f4")),
    ('np.bitwise_and(a, 3, dtype="i2")', lambda: np.bitwise_and(a, 3, dtype="i2")),
    ('np.bitwise_and(f, 3, dtype="f8")', lambda: np.bitwise_and(f, 3, dtype="f8")),
    ('np.absolute(np.array([-1+1j]), dtype="f8")', lambda: np.absolute(np.array([-1+1j]), dtype="f8")),
    ('np.add(a, 1, dtype="bogus")', lambda: np.add(a, 1, dtype="bogus")),
]
for name, fn in cases:
    try:
        r = fn()
        print(name, '->', repr(r))
    except Exception as e:
        print(name, '!!', type(e).__name__, e)
