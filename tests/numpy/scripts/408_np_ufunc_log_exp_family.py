# log10, log2, exp2, expm1, log1p, cbrt on float64 (printed with the array
# printer's precision) and their result dtypes for each input type
import numpy as np

x = np.array([0.5, 1.0, 2.0, 10.0, 100.0, 1024.0])
print(np.log10(x))
print(np.log2(x))
print(np.exp2(np.array([-1.0, 0.0, 3.0, 10.5])))
print(np.expm1(np.array([0.0, 1e-10, 1.0])), np.log1p(np.array([0.0, 1e-10, 1.0])))
print(np.cbrt(np.array([-27.0, 8.0, 2.0])))
print(np.log10(100), type(np.log10(100)).__name__, np.log2(8), np.exp2(5))
for t in [np.int8, np.uint8, np.int16, np.uint16, np.int32, np.int64, np.float16, np.float32, np.float64, np.bool_]:
    a = np.array([1, 2], dtype=t)
    print(t.__name__, np.log10(a).dtype, np.exp2(a).dtype, np.cbrt(a).dtype)
print(np.log10(np.array([0.0, -1.0])), np.log2(np.array([np.inf, np.nan])))
print(np.log2(np.array([1, 2, 4, 8], dtype=np.float32)), np.exp2(np.array([0, 1, 2], dtype=np.float16)))
