a = [3, 1, 4, 1, 5, 9, 2, 6]
print(sorted(a), sorted(a, reverse=True), min(a), max(a), sum(a), len(a), a.index(4), a.count(1))
b = a.copy()
b.sort()
b.append(10); b.insert(0, -1); b.extend([20, 30]); print(b, b.pop(), b.pop(0), b)
b.remove(1); b.reverse(); print(b, b[2:5], b[::-1], b[-3:], 5 in b)
del b[0]; del b[1:3]; print(b)
c = [[1, 2], [3, 4]]
c[0][1] = 99
print(c, [x * 2 for x in a if x > 2], [(i, j) for i in range(3) for j in range(2) if i != j])
print(list(range(5)), list(range(2, 10, 3)), list(range(10, 0, -2)), list("abc"), list((1, 2)))
print(a + [0], [0] * 3, [1, 2] == [1, 2], [1, 2] < [1, 3], any([0, 0, 1]), all([1, 1, 0]))
print(list(zip([1, 2, 3], "abc")), list(enumerate("xy", start=1)), list(reversed([1, 2, 3])), list(map(abs, [-1, 2])))
print(sorted(["banana", "apple", "cherry"], key=len), max([1, -5, 3], key=abs), list(filter(None, [0, 1, "", "a"])))
x = [1, 2, 3]
x[1:2] = [7, 8, 9]
print(x, x[::2])
