t = (1, 2, 3)
a, b, c = t
print(a, b, c, t[1:], t + (4,), t * 2, len(t), (1,), (), tuple([5, 6]))
first, *rest = [1, 2, 3, 4]
*init, last = "abcd"
print(first, rest, init, last)
x, (y, z) = 1, (2, 3)
print(x, y, z)
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, d["a"], d.get("z"), d.get("z", 0), "a" in d, len(d), list(d.keys()), list(d.values()), list(d.items()))
del d["a"]
d.update({"x": 10})
print(d, d.pop("b"), d, d.setdefault("y", 5), d)
for k, v in d.items():
    print(k, v)
print({i: i * i for i in range(4)}, dict(a=1, b=2), dict([("k", "v")]), {(1, 2): "tuple key"})
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e, repr(e))
