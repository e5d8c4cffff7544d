import numpy as np
rs = np.random.RandomState(42)
print(rs.rand(3), rs.randn(2, 2), rs.randint(0, 10, 5), rs.uniform(1, 2, 3), rs.normal(0, 1, 2), rs.random_sample(), rs.random((2,)))
print(rs.choice(5, 3), rs.choice([1, 2, 3], 2, replace=False), rs.permutation(5))
a = np.arange(6); rs.shuffle(a); print(a)
r1 = np.random.RandomState(0); r2 = np.random.RandomState(0)
print(r1.rand(2), r2.rand(2), r1.rand(), r2.rand())
np.random.seed(0); g = np.random.rand(); r3 = np.random.RandomState(0); print(g == r3.rand(), np.random.rand() == r3.rand())
r3.seed(7); print(r3.randint(100, size=4)); r3.seed([1, 2, 3]); print(r3.rand())
rs2 = np.random.RandomState(np.array([5, 6])); print(rs2.rand(2))
for bad in (lambda: np.random.RandomState(-1), lambda: np.random.RandomState(2 ** 32), lambda: rs.normal(0, -1)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
f = rs.rand
del rs
print(f(2).shape)
print(np.random.RandomState().rand(3).shape)
