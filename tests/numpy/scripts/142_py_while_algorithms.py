def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
def primes(n):
    out = []
    for k in range(2, n):
        is_p = True
        for d in out:
            if d * d > k:
                break
            if k % d == 0:
                is_p = False
                break
        if is_p:
            out.append(k)
    return out
print(gcd(48, 18), primes(50))
fib = [0, 1]
while len(fib) < 20:
    fib.append(fib[-1] + fib[-2])
print(fib)
words = "the quick brown fox jumps over the lazy dog the end".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
