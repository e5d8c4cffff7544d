# np.ptp and the ptp method: axes, keepdims, integer wrap-around
import numpy as np

a = np.array([4, 9, 2, 10, 6])
print(np.ptp(a), a.ptp(), type(np.ptp(a)).__name__)
m = np.array([[1, 8, 3], [7, 2, 9]])
print(np.ptp(m, axis=0), np.ptp(m, axis=1), m.ptp(1), np.ptp(m, axis=(0, 1)), np.ptp(m, keepdims=True))
print(np.ptp(np.array([100, -100], dtype=np.int8)), np.ptp(np.array([0.5, np.nan])), np.ptp(np.array([-1.5, 2.25])))
print(np.ptp(np.array([200, 10], dtype=np.uint8)), np.ptp([[1.0], [4.0]], axis=0))
try:
    np.ptp(np.array([True, False]))
except TypeError as e:
    print("TypeError", e)
try:
    np.ptp(np.zeros(0))
except ValueError as e:
    print("ValueError", e)
