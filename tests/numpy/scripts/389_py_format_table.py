rows = [('alpha', 1, 0.5), ('beta', 22, 12.25), ('gamma', 333, -1.125)]
print(f"{'name':<8}|{'n':>5}|{'x':>9}")
print('-' * 24)
for name, n, x in rows:
    print(f'{name:<8}|{n:>5d}|{x:>9.3f}')
print('%-8s|%5s|%9s' % ('total', sum(r[1] for r in rows), '%.2f' % sum(r[2] for r in rows)))
print('{:=^24}'.format(' end '))
