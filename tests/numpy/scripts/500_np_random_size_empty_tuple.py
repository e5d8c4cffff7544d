# numpy.random samplers: size=() gives a 0-d array, no size a scalar
import numpy as np


def show(x):
    print(repr(x), type(x).__name__, getattr(x, 'shape', None))


np.random.seed(12)
show(np.random.randint(0, 100, size=()))
show(np.random.randint(0, 100))
show(np.random.randint(0, 100, dtype=np.int16))
show(np.random.randint(0, 100, size=(), dtype=np.uint8))
show(np.random.randint(5, size=None))
show(np.random.random(()))
show(np.random.random())
show(np.random.random_sample(()))
show(np.random.rand())
show(np.random.randn())
show(np.random.uniform(size=()))
show(np.random.uniform(2, 3))
show(np.random.normal(size=()))
show(np.random.normal(1.0, 0.5, None))
show(np.random.choice(5, size=()))
show(np.random.choice(5))
show(np.random.choice(np.array([1.5, 2.5])))
show(np.random.choice([1, 2], size=()))
z = np.random.randint(0, 10, size=())
print(z.ndim, z.dtype, z.flags.owndata, z + 1, type(z + 1).__name__)
