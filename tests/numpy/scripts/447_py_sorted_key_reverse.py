# sorted/min/max with key= and reverse=, stable ordering, list.sort
people = [("ann", 31), ("bob", 25), ("cy", 31), ("dee", 19)]
print(sorted(people, key=lambda p: p[1]), sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])), min(people, key=lambda p: p[1]), max(people, key=lambda p: len(p[0])))
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words), sorted(words, key=len), sorted({w: 0 for w in words}, key=lambda w: (len(w), w), reverse=True))
nums = [3, -1, 4, -1, 5, -9, 2, 6]
nums.sort(key=abs)
print(nums, sorted(nums, reverse=True), list(reversed(nums)), max(nums, default=0), min([], default="none"))
print(sorted("NumPy"), sorted([2.5, 1, True, 0.5]), sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
