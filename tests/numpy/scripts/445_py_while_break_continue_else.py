# while/for with break, continue and else clauses; nested loops
def find_prime_factor(n):
    f = 2
    while f * f <= n:
        if n % f == 0:
            break
        f += 1
    else:
        return None
    return f

print([find_prime_factor(n) for n in [15, 17, 49, 97, 1001]])
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if i + j > 2:
            break
        print(i, j, end="; ")
    else:
        print("inner done", i, end="; ")
print()
n, steps = 27, 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz", steps)
for x in []:
    print("never")
else:
    print("empty for-else")
