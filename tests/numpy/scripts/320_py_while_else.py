n = 0
while n < 5:
    n += 1
    if n == 3:
        continue
    print(n, end=' ')
print()
for i in range(3):
    if i == 10:
        break
else:
    print('no break')
for i in range(3):
    if i == 1:
        break
else:
    print('unreachable')
print('done', i)
i = 10
while i:
    i //= 3
print(i)
