import numpy as np
print(np.concatenate([np.array([1], dtype=np.uint8), np.array([-1], dtype=np.int8)]).dtype)
print(np.concatenate([np.array([True]), np.array([2])]), np.concatenate([[1, 2], [3.5]]))
print(np.stack([np.int8(1), np.int8(2)]) if False else np.stack([np.arange(2), np.arange(2)], axis=1))
print(np.vstack([np.arange(3), np.arange(3) * 2]), np.hstack([np.zeros(2), np.ones(1)]))
print(np.concatenate([np.zeros((0, 2)), np.ones((1, 2))]), np.vstack([1, 2]).shape, np.hstack([1, 2]).shape)
