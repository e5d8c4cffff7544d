import numpy as np
for seed in (0, 1, 12345, 2 ** 32 - 1, 2 ** 32, 2 ** 64 + 5, [1, 2, 3], (7,), [0]):
    rng = np.random.default_rng(seed)
    print(seed, rng.random(3), rng.random(), rng.integers(10, size=4), rng.integers(-5, 5), rng.random(2, dtype=np.float32))
rng = np.random.default_rng(42)
for dt in (np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32, np.int64, np.uint64, np.bool_):
    print(dt.__name__, rng.integers(0, 2 if dt is np.bool_ else 100, size=7, dtype=dt), rng.integers(0, 1, 2, dtype=dt))
print(rng.integers(-2 ** 63, 2 ** 63 - 1, size=3), rng.integers(0, 2 ** 64 - 1, size=2, dtype=np.uint64, endpoint=True), rng.integers(0, 2 ** 32, 3))
print(rng.integers(5, 10, size=(2, 3), endpoint=True), rng.integers(0, 256, 5, dtype=np.uint8), rng.integers(-128, 128, 5, dtype=np.int8), rng.integers(0, 65536, 3, dtype=np.uint16))
print(rng.integers(3, 4, size=3), rng.uniform(1, 3, 4), rng.uniform(), rng.uniform(size=2), rng.uniform(-1, 1))
a = np.arange(10); rng.shuffle(a); print(a)
m = np.arange(12).reshape(4, 3); rng.shuffle(m); print(m)
print(rng.permutation(8), rng.permutation(np.arange(6).reshape(3, 2)), rng.permutation([5, 6, 7]))
print(rng.choice(5), rng.choice(10, 4), rng.choice([1, 2, 3], size=(2, 2)), rng.choice(5, 3, replace=False), rng.choice(100, 10, replace=False, shuffle=False))
print(rng.choice([10, 20, 30, 40], 6, p=[0.1, 0.2, 0.3, 0.4]), rng.choice(4, 3, replace=False, p=[0.1, 0.2, 0.3, 0.4]), rng.choice(np.arange(12).reshape(4, 3), 2))
print(rng.choice(np.arange(12).reshape(4, 3), 2, axis=1), rng.choice(5, size=()), rng.choice([3, 4], size=0))
for bad in (lambda: rng.integers(5, 5), lambda: rng.integers(0, 300, dtype=np.uint8), lambda: rng.integers(-1, 3, dtype=np.uint8),
            lambda: rng.integers(3, 2, endpoint=True), lambda: np.random.default_rng(-1), lambda: np.random.default_rng(1.5),
            lambda: rng.choice(3, 5, replace=False), lambda: rng.choice([1, 2], p=[0.5, 0.6]), lambda: rng.choice(0, 2),
            lambda: rng.normal(0, -1), lambda: rng.choice([1, 2], p=[0.5, np.nan])):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
r2 = np.random.default_rng(rng); print(r2 is rng)
