# Closures with nonlocal state, function factories, lambdas capturing loop vars
def counter(start=0):
    n = start
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc

c1, c2 = counter(), counter(10)
print(c1(), c1(), c2(5), c1(), c2())
adders = [lambda x, k=k: x + k for k in range(3)]
late = [lambda x: x + k for k in range(3)]
print([f(10) for f in adders], [f(10) for f in late])

def memo(fn):
    cache = {}
    def wrapped(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapped

@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), fib(90))
