for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print(i, end=" ")
print()
n = 0
while True:
    n += 1
    if n >= 5:
        break
else:
    print("not reached")
print("n", n)
for i in range(3):
    pass
else:
    print("for-else runs")
i = 0
while i < 3:
    i += 1
else:
    print("while-else", i)
x = 5
if x < 3:
    print("small")
elif x < 10:
    print("medium")
else:
    print("large")
print("yes" if x else "no", x if x > 10 else -x, not x, x and 0, x or 0, None or "default")
