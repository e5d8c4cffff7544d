words = ['banana', 'Apple', 'cherry', 'date']
print(sorted(words), sorted(words, key=len), sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=lambda w: (-len(w), w)))
pts = [(1, 2), (3, 1), (2, 2)]
pts.sort(key=lambda p: p[1])
print(pts, max(pts, key=lambda p: p[0]), min(pts, key=lambda p: p[0] + p[1]))
print(list(map(lambda x: x * 2, [1, 2])), list(filter(lambda x: x % 2, range(6))))
