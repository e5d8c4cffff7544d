print(10 / 4)
print(10 // 0)
