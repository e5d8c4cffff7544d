import math
print(0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e-5, 123456789012345678.0, 1.5e300 * 1e10, -0.0)
print(float('inf'), float('-inf'), float('nan'), float('1.5'), float(3), 3.0 == 3, 7.0 // 2, -7.0 % 3)
print(round(0.125, 2), round(2.675, 2), abs(-1.5), 5e-324, 1.7976931348623157e308, 2.0 ** 0.5)
print(math.sqrt(2), math.floor(-1.5), math.ceil(1.2), math.pi, math.isnan(float('nan')), math.inf)
print((1.5).is_integer(), (2.0).is_integer(), float.fromhex('0x1p-2') if False else 0.25)
