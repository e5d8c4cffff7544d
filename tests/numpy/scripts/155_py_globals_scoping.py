total = 0
def add_to_total(n):
    global total
    total += n
for k in range(5):
    add_to_total(k)
print(total)
x = "global"
def show():
    return x
def shadow():
    x = "local"
    return x
print(show(), shadow(), x)
squares = [n * n for n in range(4)]
print(squares)
def use_default(a, lst=None):
    if lst is None:
        lst = []
    lst.append(a)
    return lst
print(use_default(1), use_default(2))
