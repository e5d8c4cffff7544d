def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = make_counter()
print(c(), c(), c())
def adder(n):
    return lambda x: x + n
adds = [adder(i) for i in range(3)]
print([f(10) for f in adds])
def compose(f, g):
    def h(x):
        return f(g(x))
    return h
print(compose(abs, lambda x: x - 10)(3))
