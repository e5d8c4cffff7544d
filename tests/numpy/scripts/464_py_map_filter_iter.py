# map, filter, zip, enumerate, iter/next, any/all with generators
nums = [4, 7, 1, 8, 3]
print(list(map(lambda x: x * 2, nums)), list(filter(lambda x: x % 2, nums)), list(map(pow, [2, 3], [5, 2])))
print(list(zip(nums, "abcde", range(100))), list(enumerate(nums, start=1)), dict(enumerate("xy")))
it = iter(nums)
print(next(it), next(it), list(it), next(iter([]), "default"))
print(any(x > 7 for x in nums), all(x > 0 for x in nums), sum(x * x for x in nums), max(x % 5 for x in nums))
pairs = [(a, b) for a in range(3) for b in range(a)]
print(pairs, list(zip(*pairs)), sorted(map(str, nums)), "".join(map(str, reversed(nums))))
try:
    next(iter(()))
except StopIteration:
    print("StopIteration")
