for x in [-2, 0, 3]:
    s = 'neg' if x < 0 else 'zero' if x == 0 else 'pos'
    print(x, s, x and 'truthy' or 'falsy', not x)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 != 2, None is None, [] is not None, 0 or None, '' or 'default')
print(bool([]), bool([0]), bool(''), bool(0.0), bool(None), bool(1j))
