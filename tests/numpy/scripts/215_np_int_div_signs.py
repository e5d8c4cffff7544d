import numpy as np
a = np.array([7, -7, 7, -7])
b = np.array([2, 2, -2, -2])
print(a // b, a % b)
print(np.remainder(a, b), np.floor_divide(a, b))
print(7 // 2, -7 // 2, 7 % -2, -7 % 2)
f = np.array([7.5, -7.5])
print(f // 2, f % 2, f % -2, -f // -2)
print(np.int8(-7) // np.int8(2), np.int8(-7) % np.int8(2), np.uint8(7) // np.uint8(2))
