import numpy as np
np.random.seed(11)
data = np.random.randint(0, 5, size=50)
counts = np.array([(data == k).sum() for k in range(5)])
print(counts, counts.sum(), np.unique(data, return_counts=True)[1])
order = np.argsort(-counts, kind='stable')
print(order, counts[order])
