vals = [0.1, 0.2, 0.1 + 0.2, 1e16, 1e15, 1.5e-5, 0.0001, 123456789.123, -0.0, 1/3, 2/3, 1e300*10, 3.0, 1e-7, 5e-324, 1.7976931348623157e308]
for v in vals:
    print(v, repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), float("1.5"), float(" 2 "), float(7))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(123.456, -1), round(1.5), round(-0.5))
print(3.0 // 2, 3.5 % 1, -3.5 % 1, 2.0 ** 0.5, 7.0 / 2, (0.1).is_integer(), (2.0).is_integer())
