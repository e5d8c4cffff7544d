# Deep recursion, deeply nested data and self-referencing containers end in
# Python's errors (or Python's output), never a crash.
def down(n):
    return down(n + 1) + 1

try:
    down(0)
except RecursionError as e:
    print("RecursionError", e)

def depth(n):
    return depth(n + 1) if n < 900 else n

print(depth(0))
nested = []
for i in range(100000):
    nested = [nested]
try:
    print(len(str(nested)))
except RecursionError as e:
    print("RecursionError", e)
other = []
for i in range(100000):
    other = [other]
try:
    print(nested == other)
except RecursionError as e:
    print("RecursionError", e)
del nested, other
print("freed")
d = {}
d["self"] = d
d["list"] = [d, 1]
print(d)
x = [1]
x.append([x, {"k": x}])
print(x, len(x))
y = [0]
y[0] = y
print(y, y == y)
