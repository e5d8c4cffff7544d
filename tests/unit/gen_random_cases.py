#!/usr/bin/python3
"""Write tests/unit/random_cases.h: NumPy's legacy np.random streams.

Each case optionally reseeds (seed >= 0) and then makes one call; cases
with seed -1 continue the previous case's stream, so cached Gaussians,
buffers and failing calls (which must draw nothing) are checked across
calls.  Run with /usr/bin/python3 > tests/unit/random_cases.h."""
import math
import numpy as np

R = np.random
rows = []


def spec(a):
    a = np.asarray(a)
    a = np.ascontiguousarray(a) if a.ndim else a
    return "%s:%s:%s" % (a.dtype.str, ",".join(map(str, a.shape)), a.tobytes().hex())


def cstr(s):
    return "NULL" if s is None else '"%s"' % s.replace("\\", "\\\\").replace('"', '\\"')


def cdbl(x):
    if math.isnan(x):
        return "NAN"
    if math.isinf(x):
        return "INFINITY" if x > 0 else "-INFINITY"
    return float(x).hex()


def cint(v):
    return "(-0x7fffffffffffffffLL - 1)" if v == -2**63 else "%dLL" % v


def case(seed, op, shape=(), x=0.0, y=0.0, lo=0, hi=0, dtype=None, arr=None, view=None, p=None,
         replace=True, readonly=False):
    if seed >= 0:
        R.seed(seed)
    size = tuple(shape) if shape is not None else None
    base = None
    if arr is not None:
        base = np.array(arr, copy=True)
        target = eval("base[%s]" % view) if view else base
        if readonly:
            base.flags.writeable = False
    try:
        if op == "rand":
            r = R.rand(*size)
        elif op == "random_sample":
            r = R.random_sample(size if size else None)
        elif op == "randn":
            r = R.randn(*size)
        elif op == "uniform":
            r = R.uniform(x, y, size if size else None)
        elif op == "normal":
            r = R.normal(x, y, size if size else None)
        elif op == "randint":
            r = R.randint(lo, hi, size if size else None, dtype=dtype or "int64")
        elif op == "choice":
            a = target if arr is not None else lo
            r = R.choice(a, size if size else None, replace, None if p is None else np.asarray(p))
        elif op == "permutation":
            r = R.permutation(target if arr is not None else lo)
        elif op == "shuffle":
            R.shuffle(target)
            r = base
        elif op == "seed_array":
            R.seed([int(k) for k in arr])
            r = R.rand(*size)
        else:
            raise AssertionError(op)
        out, err = spec(r), None
    except Exception as e:  # NumPy's class and message are the expectation
        out, err = None, "%s: %s" % (type(e).__name__, e)
    rows.append("{%d, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %d, %d, %s, %s}" % (
        seed, cstr(op), cstr(",".join(map(str, shape))), cdbl(x), cdbl(y), cint(lo), cint(hi), cstr(dtype),
        cstr(None if arr is None else spec(np.asarray(arr))), cstr(view),
        cstr(None if p is None else spec(np.asarray(p))), int(replace), int(readonly), cstr(out), cstr(err)))


SEEDS = [0, 1, 42, 12345, 2**32 - 1]

# ---- floats: shapes, twist boundaries, the Gaussian cache across calls ----
for s in SEEDS:
    case(s, "rand", (5,))
    case(-1, "rand", (3, 4))
    case(-1, "rand", ())
    case(-1, "random_sample", (2, 3, 4))
    case(-1, "rand", (700,))
    case(s, "randn", (3,))
    case(-1, "randn", (2,))
    case(-1, "rand", (1,))
    case(-1, "randn", (1,))
    case(-1, "randn", (2, 5))
    case(-1, "randn", ())
case(7, "randn", (1,))
case(7, "randn", (1,))  # reseeding forgets the cached value
case(3, "randn", (1001,))
case(0, "rand", (0,))
case(-1, "rand", (2, 0, 3))
case(-1, "rand", (1,))
case(-1, "rand", (2, -1))
case(-1, "rand", (1,))

for s in (0, 9):
    case(s, "uniform", (6,), 0.0, 1.0)
    case(-1, "uniform", (2, 3), -3.5, 10.0)
    case(-1, "uniform", (4,), 5.0, 2.0)
    case(-1, "uniform", (), 1e-300, 1e300)
    case(-1, "uniform", (3,), 1e308, -1e308)
    case(-1, "uniform", (3,), 0.0, float("inf"))
    case(-1, "uniform", (3,), float("nan"), 1.0)
    case(-1, "uniform", (3,), 2.0, 2.0)
    case(-1, "normal", (5,), 0.0, 1.0)
    case(-1, "normal", (2, 2), 10.0, 0.5)
    case(-1, "normal", (3,), 0.0, -1.0)
    case(-1, "normal", (3,), 0.0, -0.0)
    case(-1, "normal", (3,), 1.0, 0.0)
    case(-1, "normal", (3,), 0.0, float("nan"))
    case(-1, "normal", (), -2.0, 3.0)
    case(-1, "randn", (3,))

# ---- randint: every dtype, 8/16/32/64-bit draws, buffers, errors ----
INT_RANGES = {
    "bool": [(0, 2), (0, 1), (1, 2)],
    "int8": [(-128, 128), (-5, 5), (0, 1), (100, 101), (0, 100), (-128, -127)],
    "uint8": [(0, 256), (3, 200), (0, 255), (254, 256)],
    "int16": [(-32768, 32768), (-1000, 1000), (0, 3)],
    "uint16": [(0, 65536), (0, 65535), (7, 40000)],
    "int32": [(-2**31, 2**31), (-10, 10), (0, 2**31 - 1), (5, 6)],
    "uint32": [(0, 2**32), (0, 2**32 - 1), (1000, 3000000000)],
    "int64": [(0, 10), (-2**63, 2**63 - 1), (0, 2**32), (0, 2**32 + 1), (-2**40, 2**40), (3, 4),
              (-2**63, -2**63 + 1000), (2**62, 2**63 - 1)],
    "uint64": [(0, 2**63 - 1), (0, 1000), (2**33, 2**34)],
}
for i, (dt, ranges) in enumerate(sorted(INT_RANGES.items())):
    for j, (lo, hi) in enumerate(ranges):
        case(100 + 10 * i + j, "randint", (37,), lo=lo, hi=hi, dtype=dt)
        case(-1, "randint", (2, 3), lo=lo, hi=hi, dtype=dt)
        case(-1, "randint", (), lo=lo, hi=hi, dtype=dt)
        case(-1, "rand", (1,))
case(5, "randint", (100,), lo=0, hi=2, dtype="bool")
case(-1, "randint", (33,), lo=0, hi=2, dtype="bool")
case(-1, "randint", (300,), lo=0, hi=100, dtype="uint8")
case(-1, "randint", (301,), lo=0, hi=1000, dtype="uint16")
case(-1, "randint", (5,), lo=0, hi=100)
for dt in ("int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "bool"):
    case(8, "randint", (3,), lo=-1, hi=1, dtype=dt)
    case(-1, "randint", (3,), lo=0, hi=2**40, dtype=dt)
    case(-1, "randint", (3,), lo=-2**40, hi=-2**39, dtype=dt)
    case(-1, "randint", (3,), lo=4, hi=4, dtype=dt)
    case(-1, "randint", (3,), lo=0, hi=0, dtype=dt)
    case(-1, "randint", (3,), lo=2, hi=1, dtype=dt)
    case(-1, "randint", (0,), lo=2, hi=1, dtype=dt)
    case(-1, "randint", (2, 0), lo=0, hi=0, dtype=dt)
    case(-1, "randint", (2,), lo=0, hi=2, dtype=dt)
for dt in ("float64", "complex64", "float16"):
    case(8, "randint", (3,), lo=0, hi=5, dtype=dt)
case(8, "randint", (3,), lo=0, hi=1000, dtype=">i4")
case(-1, "randint", (3,), lo=0, hi=1000, dtype="<u2")
case(-1, "randint", (2, -1), lo=0, hi=5)
case(-1, "randint", (2, -1), lo=5, hi=0)
case(-1, "randint", (0, -1), lo=5, hi=0)
case(-1, "randint", (2,), lo=0, hi=5)

# ---- choice ----
FLOATS = np.array([1.5, -2.0, 3.25, 4.0, 0.5, 7.0, 8.5], dtype="<f8")
INT2D = np.arange(24, dtype="<i4").reshape(4, 6)
for s in (0, 3, 77):
    case(s, "choice", (), lo=5)
    case(-1, "choice", (10,), lo=5)
    case(-1, "choice", (2, 3), lo=5)
    case(-1, "choice", (4,), arr=FLOATS)
    case(-1, "choice", (), arr=FLOATS)
    case(-1, "choice", (5,), arr=INT2D, view="1, ::-1")
    case(-1, "choice", (3,), arr=FLOATS, view="::2")
    case(-1, "choice", (3,), lo=5, replace=False)
    case(-1, "choice", (10,), lo=10, replace=False)
    case(-1, "choice", (2, 2), arr=FLOATS, replace=False)
    case(-1, "choice", (0,), lo=6, replace=False)
    case(-1, "choice", (8,), lo=4, p=[0.1, 0.2, 0.3, 0.4])
    case(-1, "choice", (), lo=4, p=[0.1, 0.2, 0.3, 0.4])
    case(-1, "choice", (3, 2), arr=FLOATS, p=[0.0, 0.3, 0.0, 0.2, 0.0, 0.5, 0.0])
    case(-1, "choice", (3,), lo=5, replace=False, p=[0.5, 0.2, 0.1, 0.1, 0.1])
    case(-1, "choice", (4,), lo=6, replace=False, p=[0.9, 0.02, 0.02, 0.02, 0.04, 0.0])
    case(-1, "choice", (2, 2), arr=FLOATS, replace=False, p=[0.3, 0.3, 0.1, 0.1, 0.1, 0.05, 0.05])
    case(-1, "choice", (6,), lo=3, p=np.array([0.2, 0.3, 0.5], dtype="<f4"))
    case(-1, "choice", (6,), lo=3, p=np.array([0.2, 0.3, 0.5001], dtype="<f4"))
    case(-1, "choice", (6,), lo=3, p=np.array([0.2, 0.3, 0.51], dtype="<f2"))
    case(-1, "choice", (6,), lo=3, p=np.array([0, 1, 0], dtype="<i8"))
    case(-1, "choice", (6,), lo=3, p=np.array([False, True, False]))
    case(-1, "choice", (5,), lo=2**33)
    case(-1, "choice", (5,), arr=np.array(7, dtype="<i2"))
    case(-1, "rand", (2,))
# errors (each must draw nothing)
case(4, "choice", (3,), lo=0)
case(-1, "choice", (3,), lo=-2)
case(-1, "choice", (0,), lo=-2)
case(-1, "choice", (0,), lo=-2, replace=False)
case(-1, "choice", (0,), lo=0, replace=False)
case(-1, "choice", (3,), arr=np.zeros(0))
case(-1, "choice", (3,), arr=np.zeros((2, 2)))
case(-1, "choice", (3,), arr=np.array(2.5))
case(-1, "choice", (3,), lo=3, p=np.array([0.5, 0.5, 0j]))
case(-1, "choice", (3,), lo=3, p=np.array(0.5))
case(-1, "choice", (3,), lo=3, p=[[0.5, 0.5, 0.0]])
case(-1, "choice", (3,), lo=3, p=[0.5, 0.5])
case(-1, "choice", (3,), lo=3, p=[0.5, 0.5, float("nan")])
case(-1, "choice", (3,), lo=3, p=[0.5, 0.6, -0.1])
case(-1, "choice", (3,), lo=3, p=[0.5, 0.6, 0.1])
case(-1, "choice", (3,), lo=3, p=np.array([0.5, 0.5, 0.0004], dtype="<f4"))
case(-1, "choice", (2,), lo=3, replace=False, p=[1.0, 0.0, 0.0])
case(-1, "choice", (4,), lo=3, replace=False)
case(-1, "choice", (-1,), lo=3, replace=False)
case(-1, "choice", (2, -1), lo=3)
case(-1, "choice", (2, -1), lo=3, p=[0.2, 0.3, 0.5])
case(-1, "choice", (0,), lo=0, p=[])
case(-1, "choice", (3,), lo=5)

# ---- permutation and shuffle ----
ARR3 = np.arange(24, dtype="<i2").reshape(2, 3, 4)
for s in (0, 11):
    case(s, "permutation", lo=10)
    case(-1, "permutation", lo=1)
    case(-1, "permutation", lo=0)
    case(-1, "permutation", lo=-3)
    case(-1, "permutation", arr=FLOATS)
    case(-1, "permutation", arr=INT2D)
    case(-1, "permutation", arr=INT2D, view="::-1, 1::2")
    case(-1, "permutation", arr=ARR3)
    case(-1, "permutation", arr=np.zeros((3, 0)))
    case(-1, "permutation", arr=np.zeros((0, 3)))
    case(-1, "permutation", arr=np.array(3))
    case(-1, "permutation", arr=np.arange(5, dtype=">i8"))
    case(-1, "permutation", arr=np.array([1 + 2j, 3 - 4j, 5j]))
    case(-1, "rand", (2,))
    case(-1, "shuffle", arr=FLOATS)
    case(-1, "shuffle", arr=INT2D)
    case(-1, "shuffle", arr=INT2D, view="::2")
    case(-1, "shuffle", arr=INT2D, view=":, 1")
    case(-1, "shuffle", arr=INT2D, view="::-1, 2:")
    case(-1, "shuffle", arr=INT2D, view="1:3")
    case(-1, "shuffle", arr=ARR3, view=":, ::-1, 1")
    case(-1, "shuffle", arr=np.zeros((3, 0)))
    case(-1, "shuffle", arr=np.zeros((0, 3)))
    case(-1, "shuffle", arr=np.array([True, False, True, True]))
    case(-1, "shuffle", arr=np.array(3))
    case(-1, "shuffle", arr=FLOATS, readonly=True)
    case(-1, "shuffle", arr=np.array(3), readonly=True)
    case(-1, "shuffle", arr=np.zeros((3, 0)), readonly=True)
    case(-1, "shuffle", arr=np.zeros((1, 4)))
    case(-1, "shuffle", arr=np.arange(700, dtype="<u1"))
    case(-1, "shuffle", arr=np.arange(1000, dtype="<i8"))
    case(-1, "rand", (2,))
case(2**32 - 1, "permutation", lo=1500)

# ---- array seeds ----
case(0, "seed_array", (4,), arr=np.array([5], dtype="<u4"))
case(0, "seed_array", (4,), arr=np.array([1, 2, 3], dtype="<u4"))
case(0, "seed_array", (4,), arr=np.array([0xFFFFFFFF, 0, 12345, 7], dtype="<u4"))
case(0, "seed_array", (3,), arr=(np.arange(1000) * 2654435761 % 2**32).astype("<u4"))
case(-1, "randn", (3,))

print("/* Generated by tests/unit/gen_random_cases.py from NumPy %s: do not edit. */" % np.__version__)
print("static const struct random_case random_cases[] = {")
print(",\n".join(rows))
print("};")
