# int/float conversions, rounding and the errors Python gives
print(int(3.99), int(-3.99), int("  42 "), int("0b101", 0), int("ff", 16), int("-0o17", 8), int(True))
print(float("1e3"), float(" -inf "), float(7), round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234, -2))
print(int(1e18), int(2.5e18), int(-9.2e18), float(2**62 + 1), 10 ** 18 * 10, (10 ** 19) // 3)
print(7 // 2, -7 // 2, 7 % -2, -7 % 2, 7 / 2, divmod(-7, 2), 2 ** -1, 8 ** (1 / 3))
for bad in [lambda: int("1.5"), lambda: int(float("nan")), lambda: int(float("inf")), lambda: float("abc"), lambda: int("12", 2)]:
    try:
        bad()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
