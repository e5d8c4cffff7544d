def add(a, b=10, *args, **kwargs):
    return a + b + sum(args) + sum(kwargs.values())

print(add(1), add(1, 2), add(1, 2, 3, 4), add(1, b=5, c=100), add(*[1, 2]), add(**{"a": 1, "b": 1}))
square = lambda x: x * x
print(square(7), (lambda a, b=2: a ** b)(3), list(map(lambda s: s.upper(), ["a", "b"])))

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20))

counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)

def outer(k):
    def inner(x):
        return x * k
    return inner
print(outer(3)(4), [outer(i)(2) for i in range(3)])

def multi():
    return 1, "two", [3]
a, b, c = multi()
print(a, b, c)
def noret():
    pass
print(noret())
