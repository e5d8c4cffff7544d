import numpy as np
x = np.array([1.0, 2.0, 3.0, 4.0, 10.0])
print(x.mean(), x.var(), x.std(), x.var(ddof=1), x.std(ddof=1), np.mean(x), np.var(x, ddof=1))
m = np.arange(20, dtype=np.float32).reshape(4, 5)
print(m.mean(axis=0), m.mean(axis=1), m.var(axis=0), m.std(axis=1), m.mean(dtype=np.float64))
i = np.arange(10)
print(i.mean(), type(i.mean()), i.var(), i.std(), np.array([1, 2], dtype=np.int8).mean())
