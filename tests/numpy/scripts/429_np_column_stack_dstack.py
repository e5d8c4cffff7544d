# column_stack, row_stack, dstack against hstack/vstack
import numpy as np

x = np.array([1, 2, 3])
y = np.array([4, 5, 6])
print(np.column_stack((x, y)), np.column_stack([x, y]).shape)
print(np.column_stack((np.ones((3, 2)), x)))
print(np.row_stack((x, y)), np.vstack((x, y)).shape, np.hstack((x, y)))
print(np.dstack((x, y)), np.dstack((x, y)).shape, np.dstack((np.ones((2, 2)), np.zeros((2, 2)))).shape)
print(np.column_stack((1, 2)), np.dstack((1, 2)).shape)
print(np.column_stack((x.astype(np.int8), y.astype(np.float32))).dtype)
try:
    np.column_stack((x, np.arange(2)))
except ValueError as e:
    print("ValueError", e)
