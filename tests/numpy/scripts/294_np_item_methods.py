import numpy as np
a = np.arange(12).reshape(3, 4)
print(a.item(5), a.item(1, 2), a.item(-1), type(a.item(0)).__name__)
try:
    a.item()
except ValueError as e:
    print(type(e).__name__, e)
b = np.array([2.5])
print(b.item(), float(b), int(b), bool(np.array([0])))
try:
    bool(np.array([1, 2]))
except ValueError as e:
    print(type(e).__name__, e)
