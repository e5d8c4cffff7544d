import numpy as np
np.random.seed(2024)
print(np.random.rand(2, 3).round(4))
print(np.random.randn(3).round(4))
print(np.random.randint(100, size=6), np.random.randint(1, 7, size=(2, 2)))
print(np.random.uniform(-1, 1, 3).round(4), np.random.normal(size=2).round(4))
print(np.random.choice(4, size=6, replace=True), np.random.permutation(np.arange(5) * 10))
