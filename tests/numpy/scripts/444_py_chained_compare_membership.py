# Chained comparisons, identity and membership tests
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, x == 5 == 5.0, 1 < 2 < 3 < 2)
print(None is None, [] is [], x is not None, 3 in [1, 2, 3], "b" in "abc", "ab" not in "abc")
print(2 in {1: "a", 2: "b"}, "a" in {1: "a"}, (1, 2) in [(1, 2)], 3 in range(0, 10, 3), 4 in range(0, 10, 3))
print([] == [], [1, [2]] == [1, [2]], (1, 2) < (1, 3), [1, 2] < [1, 2, 0], "abc" < "abd", "Z" < "a")
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(0) < v(2), calls)
try:
    print(1 < "a")
except TypeError as e:
    print("TypeError", e)
