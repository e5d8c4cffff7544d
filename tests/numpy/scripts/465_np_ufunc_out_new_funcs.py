# out= with the newer ufuncs, writing into views and casting checks
import numpy as np

a = np.array([1.0, 10.0, 100.0, 1000.0])
out = np.zeros(4)
r = np.log10(a, out=out)
print(r is out, out)
m = np.zeros((2, 4))
np.log2(a, out=m[1])
np.hypot(a[:2], 1.0, m[0, :2])
print(m)
i = np.zeros(4, dtype=np.int64)
np.fmod(np.array([7, 8, 9, 10]), 4, out=i)
print(i)
f32 = np.zeros(4, dtype=np.float32)
np.square(a, out=f32)
print(f32, f32.dtype)
for bad in [lambda: np.log10(a, out=np.zeros(4, dtype=np.int64)), lambda: np.trunc(a, out=np.zeros(3)), lambda: np.log2(a, out=[0, 0, 0, 0])]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
