from numpy import *
a = arange(6).reshape(2, 3)
print(a, sum(a), sum(range(4), 0), all([1, 0]), any([0, 1]), divmod(7, 2), abs(-3), max(1, 2), min([3, 1]), round(2.567, 1))
print(pi, e, inf, nan, newaxis, float64(1.5), int8(3), dtype('f4'), linalg.det(eye(2)), zeros((2, 2)), sqrt(2), mean([1, 2]))
print(linspace(0, 1, 3), concatenate([[1], [2]]), where(a > 2), unique([3, 1, 3]), random.rand() < 2, isnan(nan))
from math import *
print(sqrt(2), floor(2.5), pi)
