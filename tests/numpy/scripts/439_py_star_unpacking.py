# Starred assignment targets, *args/**kwargs in calls and displays
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
a, *mid, b = range(6)
print(a, mid, b)
(x, y), z = (1, 2), 3
print(x, y, z)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)

def f(*args, **kwargs):
    return args, sorted(kwargs.items())

print(f(1, *[2, 3], *(4,), k=5, **{"j": 6}))
print([*range(3), *"ab"], (*[1, 2], 3), {**{"a": 1}, "b": 2, **{"a": 3}})
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print("ValueError", e)
try:
    p, q, *r = [1]
except ValueError as e:
    print("ValueError", e)
