# Dict and set comprehensions, nested comprehensions with conditions
squares = {n: n * n for n in range(6)}
print(squares, {k: v for k, v in squares.items() if v % 2})
words = ["apple", "banana", "avocado", "cherry", "blueberry"]
by_letter = {}
for w in words:
    by_letter.setdefault(w[0], []).append(w)
print(by_letter, {k: len(v) for k, v in sorted(by_letter.items())})
print(sorted({len(w) for w in words}), sorted({c for w in words for c in w if c in "aeiou"}))
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid, [row[i] for i, row in enumerate(grid)], [x for row in grid for x in row if x % 2 == 0])
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv, dict(zip("xyz", range(3))), list({3: 0, 1: 0, 2: 0}))
