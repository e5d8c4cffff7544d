# An explicitly native descriptor ('<f8' from newbyteorder) carried into results as NumPy's resolver carries it.
import numpy as np
a = np.zeros(3, '>f8').newbyteorder()
b = np.zeros(3)
i = np.zeros(3, '>i4').newbyteorder()
for name, r in [('a*2', a * 2), ('2*a', 2 * a), ('a+b', a + b), ('b+a', b + a), ('a+a', a + a), ('-a', -a), ('sqrt', np.sqrt(a)),
                ('copy', a.copy()), ('sum kd', a.sum(keepdims=True)), ('a.sum', a.sum()), ('cat', np.concatenate([a, a])),
                ('astype', a.astype(float)), ('a>0', a > 0), ('i+1', i + 1), ('i*2.5', i * 2.5), ('sqrt i', np.sqrt(i)),
                ('i//2', i // 2), ('abs', abs(a)), ('a[1:]', a[1:]), ('a**2', a ** 2), ('np.add', np.add(a, 1)),
                ('maximum', np.maximum(a, b)), ('where', np.where(a > 0, a, a)), ('a.T', a.T), ('a*b', a * b), ('i&3', i & 3),
                ('a.astype(a.dtype)', a.astype(a.dtype)), ('np.abs', np.abs(a)), ('floor', np.floor(a)), ('exp', np.exp(a)),
                ('a/2', a / 2), ('i/2', i / 2), ('clip', np.clip(a, 0, 1)), ('cumsum', np.cumsum(a)), ('round', np.round(a)),
                ('a.mean', a.mean(keepdims=True)), ('x', np.zeros(2, a.dtype)), ('empty_like', np.empty_like(a)), ('a*True', a * True)]:
    print(name, repr(r.dtype))
print(repr(a.sum().dtype), repr(a.max().dtype), repr(a[0].dtype), repr((a * 2)[0].dtype), repr(np.cumprod(a, axis=0).dtype))
x = np.ones((2, 3), '>f4').newbyteorder()
print(repr(x.sum(axis=0).dtype), repr(x.max(axis=1, keepdims=True).dtype), repr((x @ x.T).dtype), repr(x.prod(0).dtype), repr(x.std(0).dtype), repr(x.var(keepdims=True).dtype))
print(repr(np.add.reduce(x).dtype) if hasattr(np.add, 'reduce') else '', repr(x.argmax(0).dtype), repr(x.any(0).dtype), repr(np.sort(x).dtype), repr(x[[0, 1]].dtype), repr(x[x > 0].dtype))
