# Running statistics with cumsum/cumprod and diff
import numpy as np

x = np.array([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])
n = np.arange(1, x.size + 1)
run_mean = np.cumsum(x) / n
run_var = np.cumsum(x ** 2) / n - run_mean ** 2
print(run_mean, np.round(run_var, 6))
w = 3
c = np.cumsum(np.concatenate(([0.0], x)))
print((c[w:] - c[:-w]) / w)
growth = np.array([1.1, 0.9, 1.05, 1.2])
print(np.cumprod(growth).round(6), np.diff(np.cumprod(growth)).round(6))
prices = np.array([100, 102, 101, 105, 110, 108])
ret = np.diff(prices) / prices[:-1]
print(np.round(ret, 5), np.argmax(ret), np.sign(np.diff(prices)), np.diff(np.sign(np.diff(prices))))
