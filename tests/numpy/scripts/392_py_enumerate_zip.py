names = ['a', 'b', 'c']
vals = [10, 20, 30, 40]
for i, n in enumerate(names, start=1):
    print(i, n)
print(list(zip(names, vals)), dict(zip(names, vals)), list(enumerate('xy')))
for n, v in zip(names, vals):
    print(f'{n}={v}', end=';')
print()
pairs = list(zip(*[(1, 'x'), (2, 'y')]))
print(pairs, list(range(10, 0, -3)), list(range(0)), range(5)[2], len(range(3, 30, 4)))
