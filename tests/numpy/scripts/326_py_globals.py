counter = 0
def bump(n):
    global counter
    for _ in range(n):
        counter += 1
    return counter
print(bump(3), bump(2), counter)
data = []
def add(x):
    data.append(x)
add(1); add(2)
print(data)
def shadow():
    counter = 100
    return counter
print(shadow(), counter)
