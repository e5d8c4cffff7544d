# Unbounded work through function calls (each call returns, so the
# recursion limit never triggers).
def step(x):
    return x + 1

x = 0
while x >= 0:
    x = step(x) - 1
