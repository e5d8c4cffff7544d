rows = [("alpha", 1, 0.5), ("beta", 22, 12.25), ("gamma", 333, 100.125)]
print(f"{'name':<8}|{'n':>5}|{'value':>10}")
print("-" * 25)
for name, n, v in rows:
    print(f"{name:<8}|{n:>5}|{v:>10.3f}")
print("%-8s|%5d|%10.2e" % rows[1])
print("{:<8}|{:>5}|{:>10.1f}".format(*rows[2]))
total = sum(r[2] for r in rows)
print(f"total={total:.2f} mean={total / len(rows):.4f}")
