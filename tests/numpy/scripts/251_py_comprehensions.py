sq = [x * x for x in range(10) if x % 2]
print(sq)
pairs = [(i, j) for i in range(3) for j in range(i)]
print(pairs)
d = {k: len(k) for k in ['a', 'bb', 'ccc']}
print(d)
s = {x % 3 for x in range(10)}
print(sorted(s))
print(sum(x for x in range(5)), any(x > 3 for x in [1, 2]), all([]))
nested = [[r * c for c in range(3)] for r in range(3)]
print(nested)
