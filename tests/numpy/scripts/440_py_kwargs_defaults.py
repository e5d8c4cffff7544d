# Default arguments (evaluated once), keyword calls, errors for bad calls
def power(base, exp=2, *, mod=None):
    r = base ** exp
    return r % mod if mod else r

print(power(3), power(3, 3), power(base=2, exp=10), power(2, 10, mod=1000))

def append_to(x, acc=[]):
    acc.append(x)
    return acc

print(append_to(1), append_to(2))

def describe(name, *tags, sep=", ", **extra):
    return name + ": " + sep.join(tags) + (" " + str(sorted(extra)) if extra else "")

print(describe("a"), describe("b", "x", "y"), describe("c", "z", sep="|", k=1, j=2))
for call in [lambda: power(), lambda: power(1, 2, 3), lambda: power(2, base=3), lambda: power(2, foo=1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
