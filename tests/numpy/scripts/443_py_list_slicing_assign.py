# List slicing with steps, slice assignment and deletion
a = list(range(10))
print(a[2:8:2], a[::-3], a[-3:], a[:-7:-1], a[8:2], a[::])
b = a[:]
b[2:5] = ["x", "y"]
print(b, len(b))
b[::2] = [0] * len(b[::2])
print(b)
del b[1:3]
print(b)
del b[::3]
print(b)
c = [1, 2, 3]
c[1:1] = [9, 9]
c[len(c):] = [7]
print(c, c.index(9), c.count(9))
try:
    c[::2] = [1]
except ValueError as e:
    print("ValueError", e)
s = "abcdefgh"
print(s[1:7:3], s[::-2], s[-100:100], (1, 2, 3, 4)[1::2])
