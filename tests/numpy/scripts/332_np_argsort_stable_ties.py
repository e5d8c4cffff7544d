import numpy as np
a = np.array([3, 1, 2, 1, 3, 0])
print(np.argsort(a, kind='stable'), np.argsort(a, kind='mergesort'), a[np.argsort(a, kind='stable')])
print(np.sort(np.array([-0.0, 0.0, -1.0])), np.sort(np.array([True, False, True])))
b = np.array([[5, 1], [2, 4]])
print(np.argsort(b, axis=None), np.sort(b, axis=-1), np.argsort(-b, axis=0))
