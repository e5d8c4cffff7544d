import numpy as np
a = np.array([[1.123456789, 2.5], [3.0, -4.25]])
print(np.array2string(a))
print(np.array2string(a, precision=3))
print(repr(np.array2string(np.arange(5))))
print(np.array2string(np.array([1e-10, 1.0]), suppress_small=True))
print(np.array2string(np.arange(30), max_line_width=40))
print(np.array2string(np.array(5.5)), np.array2string(np.array([], float)))
print(np.array_repr(a), np.array_repr(np.arange(3, dtype=np.int8)))
print(np.array_repr(np.arange(30.0), max_line_width=50))
print(np.array_repr(np.array([0.123456, 2.0]), precision=2))
print(np.array_str(a), np.array_str(np.array([1e-12, 3.0]), suppress_small=True))
print(np.array_str(np.arange(3)), np.array_str(np.array(3)), repr(np.array_str(np.array([True, False]))))
for bad in [lambda: np.array2string([1, 2, 3]), lambda: np.array_repr([1.5, 2]), lambda: np.array_str((1, 2))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(np.array2string(a, separator=' '))
