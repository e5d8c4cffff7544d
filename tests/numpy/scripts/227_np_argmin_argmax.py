import numpy as np
a = np.array([[3, 9, 1], [9, 0, 9]])
print(a.argmax(), a.argmin(), a.argmax(axis=0), a.argmin(axis=1))
print(np.argmax(np.array([1.0, np.nan, 3.0])), np.argmin(np.array([2, 2, 2])))
print(type(a.argmax()).__name__)
try:
    np.array([]).argmax()
except ValueError as e:
    print(type(e).__name__, e)
