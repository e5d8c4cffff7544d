import numpy as np
a = np.array([5, 6], dtype=np.int16)
x = a[0]
print(x, repr(x), type(x), x.dtype, type(x + 1), x + 1, type(x * 1.5), x * 1.5, x / 2, type(x / 2))
f = np.float32(1.5)
print(f, repr(f), type(f), f * 2, type(f * 2), type(f + 1.0), np.float32(0.1), np.float64(0.1), np.float16(0.1))
print(np.int8(127) + np.int8(1), np.uint8(200) + np.uint8(100), np.int64(2) ** 10, -np.int32(5), abs(np.int16(-3)))
print(np.bool_(True), type(np.bool_(True)), np.True_ if hasattr(np, "True_") else True, np.float64(3) == 3, np.int16(3) < 4)
print(int(np.float32(2.7)), float(np.int16(3)), np.int16(5).item(), type(np.int16(5).item()), np.float32(2.5).item())
print(isinstance(np.float64(1), float), isinstance(np.int64(1), int), isinstance(x, np.integer), isinstance(f, np.floating))
print(np.complex64(1 + 2j), np.complex128(3j), type(np.array([1j])[0]), np.array([1.5, 2.5])[1])
print(f"{np.float32(0.1):.4f} {np.int16(42):5d} {np.float64(2.5)} {np.int64(7):x}", "%d %.2f" % (np.int8(3), np.float32(1.25)))
print(np.uint8(255), np.int16(-1).astype(np.uint16) if hasattr(np.int16(-1), 'astype') else 65535, np.float64(1e16), np.float64(1e-5))
