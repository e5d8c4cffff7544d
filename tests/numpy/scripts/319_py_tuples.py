t = (1, 2, 3)
a, b, c = t
print(t, a + b + c, t[1:], t * 2, t + (4,), len(t), (1,), (), tuple([5, 6]))
x, *rest = [1, 2, 3, 4]
*init, last = 'abc'
print(x, rest, init, last)
print(t.index(2), t.count(3), 2 in t, t == (1, 2, 3), t < (1, 3), min(t), sorted(t, reverse=True))
(p, q), r = (1, 2), 3
print(p, q, r)
for i, (k, v) in enumerate([('a', 1), ('b', 2)]):
    print(i, k, v)
