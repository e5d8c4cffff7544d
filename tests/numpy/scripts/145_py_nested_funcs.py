def make_counter():
    count = [0]
    def inc(step=1):
        count[0] += step
        return count[0]
    return inc
c = make_counter()
c(); c(5)
print(c(), c(step=10))
def apply(f, *args, **kw):
    return f(*args, **kw)
print(apply(max, 3, 9, 2), apply(sorted, [3, 1, 2], reverse=True), apply(lambda a, b=1: a - b, 10, b=3))
def kwonly(a, *, scale=2):
    return a * scale
print(kwonly(4), kwonly(4, scale=3))
try:
    kwonly(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
