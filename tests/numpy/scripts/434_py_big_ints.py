# Python ints past 64 bits: literals, arithmetic, formatting, comparisons
x = 2**63
print(-2**63, type(-2**63).__name__, -9223372036854775808, x, 2**64 - 1, -(2**63) - 1, 2**100, -2**126)
print(x + 1, x - 1, x * 2, x // 3, x % 7, -x // 3, -x % 7, x / 2, x ** 1, x >> 3, x << 2)
print(x & 0xFF, x | 1, x ^ x, ~x, -x, +x, abs(-x), divmod(2**64, 7), pow(2, 100))
print(x == 2**63, x != x + 1, x > 2**62, x < 2.0**64, x == 2.0**63, float(x), int(float(x)))
print(int("18446744073709551615"), int("-0x8000000000000000", 16), hex(2**64 - 1), bin(2**64), oct(x))
print(f"{x:,} {x:x} {x:>30} {2**64:e} {x:_d} {-x:+d}", "%d %x" % (x, x), str(x), repr(-x))
print(round(x, -10), (2**64 - 1).bit_length(), 2**63 - 2**63, type(2**63 - 2**63).__name__)
print(sum([2**62, 2**62, 2**62]), max(2**70, 3), sorted([2**65, -2**65, 0]), min(-2**64, 5))
print({2**64: 'a'}[2**64], 2**64 in [2**64], isinstance(2**64, int), bool(2**64), 10**30, 10**30 // 10**20)
print(9223372036854775807 + 1, -9223372036854775807 - 2, 3037000500 * 3037000500, (-2) ** 63, 2 ** 64 // 2 ** 32)
print([1, 2, 3][:2**70], [1, 2, 3][-2**70:], "abc"[2**64:])
for bad in [lambda: [1][2**63], lambda: "ab" * 2**63, lambda: 1 @ 2, lambda: 2**63 @ 1]:
    try:
        bad()
    except (IndexError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
