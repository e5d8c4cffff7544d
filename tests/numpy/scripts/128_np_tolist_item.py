import numpy as np
a = np.arange(6).reshape(2, 3)
print(a.tolist(), type(a.tolist()[0][0]), np.array([1.5, 2.5]).tolist(), np.array([True]).tolist(), np.array(7).tolist())
print(a.item(4), a.item(1, 2), a.item((0, 1)), np.array([3.5]).item(), type(np.array([3.5]).item()))
try:
    a.item()
except ValueError as e:
    print("ValueError:", e)
print(a.tobytes()[:16], np.array([1, 2], dtype=np.uint8).tobytes(), np.array([[1, 2], [3, 4]], dtype='u1').tobytes(order='F'))
b = np.zeros(3)
b.fill(7)
print(b, [x for x in np.arange(3)], [type(x).__name__ for x in np.arange(2)], [row for row in a])
for i, row in enumerate(a):
    print(i, row, row.sum())
