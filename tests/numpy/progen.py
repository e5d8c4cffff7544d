#!/usr/bin/python3
"""progen.py — random NumPy programs, run by Python + NumPy and by nd.

Writes random programs (Python source, `import numpy as np`) over random
arrays (every built-in dtype, either byte order, 0-4 dims, arange / literal /
random values with nan, inf and -0.0), views (slices with negative steps,
ints, newaxis, Ellipsis, T, transpose, swapaxes, moveaxis, reshape, ravel,
view(dtype), squeeze, expand_dims, broadcast_to, as_strided,
sliding_window_view, .real/.imag), copies (copy, astype, flatten, fancy and
boolean indexing, take, where, sort, concatenate, ...), in-place writes
through views (+=, v[...] = w, masks, copyto, fill, out=), arithmetic,
comparisons, ufuncs, reductions with axis/keepdims, shares_memory,
`x.base is y`, flags, and prints of values, shapes, strides, dtypes and
reprs.  Every statement is wrapped in try/except printing the error class
and message, so a program always runs to its end and any subset of its
statements is again a valid program.  AVOID (below) lists the constructs
where nd differs from NumPy today; the generator stays away from them.

The NumPy side runs in this process while the programs are generated (the
generator looks at the live arrays to pick mostly valid operations); its
output is the reference.  nd runs the same programs packed many to a file
(each program a `def` followed by an end marker), in a pool of worker
threads while generation goes on.  A program whose output differs (or on
which nd crashes) is shrunk — statements dropped, expressions simplified —
while it still differs at the same statement; the minimal program and both
outputs are printed and the exit status is 1.

    progen.py --nd PATH [--seed N] [--count N] [--keep DIR] [--jobs N]
              [--chunk N] [--timeout S] [--only K] [--shrink-max N]
              [--shrink-time S]
    progen.py --seed N --show K          # program K's source and NumPy output
    progen.py --nd PATH --check-avoid    # which AVOID entries still differ

PROGEN_SEED / PROGEN_COUNT in the environment win over --seed / --count.
Program K of a run is generated from (seed, K) alone: `--only K` reruns it,
`--show K` prints it.
"""
import argparse
import contextlib
import difflib
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from concurrent.futures import ThreadPoolExecutor

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree

import numpy as np  # noqa: E402

# ---------------------------------------------------------------------------
# Known nd differences.  The generator stays away from each construct listed
# here until nd matches NumPy; remove an entry to generate it again.  Each
# entry: key -> (construct, minimal failing program found by this tool).
# ---------------------------------------------------------------------------
AVOID = {
    # -- nd differences (bugs or gaps in nd) -----------------------------------
    "power_float": ("power with an inexact result and an exponent other than 0, 1, 2 (and any float32 "
                    "power): NumPy's SIMD pow/powf and its scalar power differ from nd's in the last bit", """\
print(repr((np.arange(3.0) ** -0.001)[2]))  # NumPy: 0.9993070929904526; nd: 0.9993070929904525
print(repr((np.array([0.1], np.float32) ** np.array([2.0], np.float32))[0]))  # NumPy: 0.01; nd: 0.010000001
print(repr(np.uint8(236) ** 0.5), repr(np.float16(65500) ** 2))  # NumPy: 15.362291495737217 4290774016.0000005; nd: 15.362291495737216 4290774016.0"""),
    # -- nd's documented limits, and differences that are not nd bugs -------------
    "signed_zero_ties": ("np.unique / unstable sorts of arrays holding both 0.0 and -0.0: which zero comes "
                         "first is not defined (the generator sorts such arrays with kind='stable')", """\
np.random.seed(0); x = np.random.choice(np.array([0.0, -0.0, 1.0, -1.0, 2.0], 'f4'), size=10); print(np.unique(x))  # NumPy: [-1. -0.  1.  2.]; nd: [-1.  0.  1.  2.]"""),
    "py_int_128": ("Python ints of more than 128 bits (int() of a huge float): nd's ints stop at 128 bits", """\
print(int(np.float64(-2.2877952782647083e+139)))  # nd: OverflowError Python int too large for nd (ints are limited to 128 bits)"""),
    "transcendental": ("float64 exp/log/sin/cos: NumPy uses SVML on AVX512_SKX, nd glibc (last bit differs; float32/float16 match)", """\
print(np.sin(np.array([-5.0, -2.5])).tolist())  # NumPy: [0.9589242746631386, -0.5984721441039564]; nd: [0.9589242746631385, -0.5984721441039565]"""),
}


def avoid(key):
    return key in AVOID


# ---------------------------------------------------------------------------
# Program model
# ---------------------------------------------------------------------------

PRELUDE = """\
import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view


def _e(e, m):
    n = type(e).__name__
    if n in ('NameError', 'UnboundLocalError'):  # a shrunk program's missing name
        n, m = 'NameError', 0
    if m:
        print('!', n, str(e))
    else:
        print('!', n)


def _st(x):  # strides, without NumPy's allocation artifacts (length-1 dims, empty arrays)
    return tuple(None if n == 1 else s for n, s in zip(x.shape, x.strides)) if x.size else None
"""
END = "@@end"


class Stmt:
    """One statement (maybe several lines), run inside try/except.
    defs: names it binds; uses: names it reads; msg: print the error
    message too; alts: simpler replacement codes for the shrinker; sid:
    its number in the generated program (kept through simplification, so
    the shrinker can follow the statement where outputs first differ)."""

    __slots__ = ("code", "defs", "uses", "msg", "alts", "sid")

    def __init__(self, code, defs=(), uses=(), msg=True, alts=(), sid=-1):
        self.code, self.defs, self.uses, self.msg, self.alts = code, tuple(defs), tuple(uses), msg, list(alts)
        self.sid = sid

    def with_code(self, code):
        return Stmt(code, self.defs, self.uses, self.msg, sid=self.sid)


def indent(text, pad):
    return "\n".join(pad + line for line in text.split("\n"))


def wrap(st, pad=""):
    return "%stry:\n%s\n%sexcept Exception as e:\n%s    _e(e, %d)\n" % (
        pad, indent(st.code, pad + "    "), pad, pad, 1 if st.msg else 0)


MARK = "@@s"


def program_body(stmts, marks=False):
    """The statements as the body of `def _p():` (never empty).  marks: a
    marker line after each statement, so outputs split by statement."""
    mark = "    print('%s')\n" % MARK if marks else ""
    return "".join(wrap(s, "    ") + mark for s in stmts) or "    pass\n"


def standalone(stmts):
    """A runnable script: what the report prints for a minimal program."""
    return PRELUDE + "\n" + "".join(wrap(s) for s in stmts)


def packed(progs, marks=False):
    """One file holding many programs; each prints an end marker."""
    parts = [PRELUDE]
    for pid, stmts in progs:
        parts.append("\n\ndef _p():\n%s\n\n_p()\nprint('%s %d')\n" % (program_body(stmts, marks), END, pid))
    return "".join(parts)


# ---------------------------------------------------------------------------
# Values and dtypes
# ---------------------------------------------------------------------------

INTS = ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"]
FLOATS = ["float16", "float32", "float64"]
COMPLEX = ["complex64", "complex128"]
ALL_DT = ["bool"] + INTS + FLOATS + COMPLEX
COMMON_DT = ["int64", "float64", "int32", "float32", "int8", "uint8", "bool", "int16", "complex128"]
SPECIAL_F = [0.0, -0.0, 1.0, -1.0, 0.5, -2.25, 3.0, 0.1, 1 / 3, 100.0, -1e-3, 1e10, 65504.0, 2.5e-5,
             float("nan"), float("inf"), float("-inf")]
UNARY_UF = ["negative", "absolute", "sqrt", "floor", "ceil", "rint", "sign", "isnan", "isinf", "isfinite",
            "logical_not", "invert", "positive", "conjugate"]
TRANSCENDENTAL = ["exp", "log", "sin", "cos"]
BIN_OPS = ["+", "-", "*", "/", "//", "%", "**", "&", "|", "^", "<<", ">>", "<", "<=", ">", ">=", "==", "!="]
BIN_UF = ["add", "subtract", "multiply", "true_divide", "floor_divide", "remainder", "power", "minimum",
          "maximum", "bitwise_and", "bitwise_or", "bitwise_xor", "equal", "not_equal", "less", "greater_equal",
          "logical_and", "logical_or", "logical_xor"]
IN_OPS = ["+=", "-=", "*=", "/=", "//=", "%=", "&=", "|=", "^=", "**="]
REDUCTIONS = ["sum", "prod", "min", "max", "mean", "any", "all", "argmin", "argmax", "cumsum", "cumprod",
              "std", "var"]


def flit(v):
    """Python source for a float."""
    if v != v:
        return "np.nan"
    if v in (float("inf"), float("-inf")):
        return "np.inf" if v > 0 else "-np.inf"
    return repr(v)


def clit(re, im):
    """Python source for a complex."""
    b = repr(im)
    return "(%r%sj)" % (re, b if b.startswith("-") else "+" + b)


def shape_code(shape):
    return repr(tuple(shape))


def zero_stride(a):
    """Does array a repeat memory along a dim (broadcast_to, as_strided)?"""
    return any(st == 0 and n > 1 for n, st in zip(a.shape, a.strides))


def c_like(a):
    """Are a's strides (over dims longer than 1) in C order?"""
    st = [abs(s) for n, s in zip(a.shape, a.strides) if n > 1]
    return all(x >= y for x, y in zip(st, st[1:]))


def self_overlap(a):
    """Do two elements of a share memory (zero strides, as_strided windows)?"""
    if a.size <= 1:
        return False
    if a.size > 5000:
        return True
    off = sum(i * st for i, st in zip(np.indices(a.shape).reshape(a.ndim, -1), a.strides))
    return len(np.unique(off)) < a.size


def pow2_floats(a):
    """AVOID['py_float_repr']: does a hold a power of two with |exponent| >= 24?"""
    a = np.asarray(a)
    if a.dtype.kind not in "fc" or a.size == 0:
        return False
    v = np.concatenate([np.ravel(a.real), np.ravel(a.imag)]).astype(np.float64)
    m, e = np.frexp(v[np.isfinite(v)])
    return bool(((np.abs(m) == 0.5) & (np.abs(e - 1) >= 24)).any())


def has_nan(a):
    return isinstance(a, np.ndarray) and a.dtype.kind in "fc" and bool(np.isnan(a).any())


def signed_zeros(a):
    """Does float array a hold both 0.0 and -0.0 (ties a sort may order either way)?"""
    if a.dtype.kind not in "fc":
        return False
    z = a.real[a.real == 0]
    return bool(np.signbit(z).any() and not np.signbit(z).all())


def bad_float_cast(a, dt):
    """AVOID['float_to_int_invalid']: would a.astype(dt) turn nan, inf or an
    out-of-range float into an integer?"""
    try:
        dt = np.dtype(dt)
    except TypeError:
        return True
    if not isinstance(a, (np.ndarray, np.generic)) or a.dtype.kind not in "fc" or dt.kind not in "iu":
        return False
    v = np.asarray(a.real, dtype=np.float64)
    if not np.isfinite(v).all():
        return True
    t, info = np.trunc(v), np.iinfo(dt)
    return bool((t < float(info.min)).any() or (t > float(info.max)).any())


def size_of(shape):
    n = 1
    for d in shape:
        n *= d
    return n


class Gen:
    """Generates one program, running each statement in NumPy as it goes."""

    def __init__(self, seed, pid):
        self.r = random.Random(seed * 1000003 + pid)
        self.ns = {}
        exec(PRELUDE, self.ns)
        self.stmts, self.outs = [], []
        self.arrs = []      # names bound to ndarrays, in creation order
        self.parent = {}    # view name -> the name it was made from
        self.scalars = []
        self.nvar = 0

    # ------------------------------------------------------------ helpers

    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return self.r.choice(seq)

    def fresh(self, prefix="x"):
        self.nvar += 1
        return "%s%d" % (prefix, self.nvar)

    def val(self, name):
        return self.ns.get(name)

    def cast_zero_stride(self, expr, names, lits=()):
        """Would this ufunc expression hit AVOID['ufunc_cast_zero_stride']:
        an input with a zero stride that the loop has to cast?"""
        if not avoid("ufunc_cast_zero_stride"):
            return False
        ops = [self.val(n) for n in names if isinstance(self.val(n), np.ndarray)]
        if not any(zero_stride(a) for a in ops):
            return False
        r = self.peek(expr)
        if not isinstance(r, np.ndarray):
            return False
        try:
            loop = r.dtype if r.dtype.kind != "b" else np.result_type(*ops, *[eval(v, self.ns) for v in lits])
        except Exception:
            return True
        return any(zero_stride(a) and a.dtype != loop for a in ops)

    def peek(self, expr):
        """The value of a side-effect-free expression in NumPy, or None."""
        try:
            return eval(expr, self.ns)
        except Exception:
            return None

    def emit(self, st):
        """Run st in NumPy (stdout captured) and append it to the program."""
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec(compile(wrap(st), "<progen>", "exec"), self.ns)
        st.sid = len(self.stmts)
        self.stmts.append(st)
        self.outs.append(buf.getvalue())
        for d in st.defs:
            v = self.ns.get(d)
            if isinstance(v, np.ndarray) and d not in self.arrs:
                self.arrs.append(d)
            elif isinstance(v, np.generic) and d not in self.scalars:
                self.scalars.append(d)
        return st

    def arr(self, pred=None):
        names = [n for n in self.arrs if isinstance(self.ns.get(n), np.ndarray)
                 and (pred is None or pred(self.ns[n]))]
        if not names:
            return None
        # favour recent arrays: chains of views are where the bugs live
        if self.chance(0.6):
            return names[-1 - min(len(names) - 1, int(self.r.expovariate(1.0)))]
        return self.pick(names)

    def dt_code(self, name, native=True):
        """A spelling of dtype `name`; sometimes non-native byte order."""
        short = np.dtype(name).str[1:]
        if not native and np.dtype(name).itemsize > 1 and name != "bool" and self.chance(0.5):
            return repr(">" + short)
        return self.pick(["np.%s" % ("bool_" if name == "bool" else name), repr(name), repr(name),
                          repr(np.dtype(name).str if self.chance(0.3) else short if name != "bool" else "?")])

    def dtype(self):
        return self.pick(COMMON_DT if self.chance(0.5) else ALL_DT)

    def shape(self, maxnd=4, maxsize=48):
        nd = self.r.choices(range(maxnd + 1), [1, 4, 5, 3, 1][:maxnd + 1])[0]
        dims = [self.pick([1, 2, 2, 3, 3, 4, 5, 6]) for _ in range(nd)]
        if nd and self.chance(0.05):
            dims[self.r.randrange(nd)] = 0
        while size_of(dims) > maxsize:
            i = max(range(nd), key=lambda j: dims[j])
            dims[i] = max(1, dims[i] // 2)
        return tuple(dims)

    def scalar_lit(self, kind):
        """A Python scalar literal of kind b/i/u/f/c, small mostly."""
        if kind == "b":
            return self.pick(["True", "False"])
        if kind in "iu":
            v = self.pick([0, 1, 2, 3, 5, 7, 100, 127, 255, -1, -3, 300, 40000, 2 ** 31, -129])
            if kind == "u" and v < 0 and self.chance(0.8):
                v = -v
            return repr(v)
        if kind == "f":
            return flit(self.pick(SPECIAL_F[:14] if self.chance(0.8) else SPECIAL_F))
        return self.pick(["1j", "(1+2j)", "(0.5-1j)", "(-3+0j)", "2j"])

    def values(self, name, n):
        """n literal values of dtype name (as Python source)."""
        k = np.dtype(name).kind
        if k == "b":
            return [self.pick(["True", "False"]) for _ in range(n)]
        if k in "iu":
            info = np.iinfo(name)
            pool = [0, 1, 2, 3, 7, 10, 42, 100, int(info.max), int(info.min)]
            if avoid("int_literal_64"):
                pool = [v for v in pool if -2 ** 63 < v < 2 ** 63]
            if k == "i":
                pool += [-1, -2, -7, -100]
            return [repr(self.pick(pool) if self.chance(0.6) else
                         self.r.randint(max(int(info.min), -1000), min(int(info.max), 1000))) for _ in range(n)]
        if k == "f":
            pool = SPECIAL_F if name != "float16" else [v for v in SPECIAL_F if abs(v) <= 65504 or v != v]
            return [flit(self.pick(pool)) if self.chance(0.5) else repr(self.r.randint(-20, 20) / 4)
                    for _ in range(n)]
        return [clit(self.r.randint(-5, 5) / 2, self.r.randint(-5, 5) / 2) for _ in range(n)]

    # ------------------------------------------------------------ creation

    def create(self):
        name = self.fresh("a")
        dt = self.dtype()
        big = self.chance(0.04)
        shape = self.shape(maxsize=1500 if big else 48)
        if big:
            shape = self.pick([(self.r.randint(129, 1500),), (self.r.randint(9, 40), self.r.randint(9, 40))])
        n = size_of(shape)
        kind = self.r.choices(["arange", "literal", "random", "full", "zeros", "eye", "linspace"],
                              [5, 3, 3, 1, 2, 1, 1])[0]
        if big and kind in ("literal", "eye"):
            kind = "arange"
        dtc = self.dt_code(dt, native=False)
        rs = ".reshape(%s)" % shape_code(shape)
        k = np.dtype(dt).kind
        if kind == "arange":
            if k == "b":
                code = "%s = (np.arange(%d) %% 3 == 0)%s" % (name, n, rs)
            elif k in "fc" and self.chance(0.5):
                code = "%s = (np.arange(%d, dtype=%s) * %s - %d)%s" % (
                    name, n, dtc, self.pick(["0.5", "0.25", "1.5", "-0.1"]), n // 2, rs)
            elif k == "i" and self.chance(0.5):
                lo = -min(n // 2, 100)
                code = "%s = np.arange(%d, %d, dtype=%s)%s" % (name, lo, lo + n, dtc, rs)
            else:
                code = "%s = np.arange(%d, dtype=%s)%s" % (name, n, dtc, rs)
            if k in "iu" and n > int(np.iinfo(dt).max):
                code = "%s = (np.arange(%d) %% %d).astype(%s)%s" % (name, n, min(int(np.iinfo(dt).max), 100), dtc, rs)
        elif kind == "literal":
            vals = self.values(dt, n)
            it = iter(vals)

            def nest(dims):
                if not dims:
                    return next(it)
                return "[" + ", ".join(nest(dims[1:]) for _ in range(dims[0])) + "]"
            code = "%s = np.array(%s, dtype=%s)" % (name, nest(list(shape)), dtc)
            if 0 in shape:
                code = "%s = np.zeros(%s, dtype=%s)" % (name, shape_code(shape), dtc)
        elif kind == "random":
            seed = self.r.randint(0, 99)
            if k in "iu":
                hi = min(100, int(np.iinfo(dt).max))
                lo = 0 if k == "u" else -hi
                size, rs0 = shape_code(shape), ""
                if not shape and avoid("random_0d"):
                    size, rs0 = "1", ".reshape(())"
                code = "np.random.seed(%d)\n%s = np.random.randint(%d, %d, size=%s)%s.astype(%s)" % (
                    seed, name, lo, hi, size, rs0, dtc)
            elif k == "b":
                code = "np.random.seed(%d)\n%s = np.random.rand(%d)%s > 0.5" % (seed, name, n, rs)
            else:
                f = self.pick(["np.random.rand(%d)" % n, "np.random.randn(%d)" % n,
                               "np.random.uniform(-10, 10, %d)" % n, "np.random.random(%s)" % shape_code(shape or (1,))])
                code = "np.random.seed(%d)\n%s = %s.reshape(%s).astype(%s)" % (seed, name, f, shape_code(shape), dtc)
        elif kind == "full":
            v = self.values(dt, 1)[0]
            code = "%s = np.full(%s, %s, dtype=%s)" % (name, shape_code(shape), v, dtc)
        elif kind == "zeros":
            fn = self.pick(["zeros", "ones"])
            order = ", order='F'" if len(shape) > 1 and self.chance(0.3) else ""
            code = "%s = np.%s(%s, dtype=%s%s)" % (name, fn, shape_code(shape), dtc, order)
        elif kind == "eye":
            m = self.r.randint(1, 5)
            code = "%s = np.eye(%d, dtype=%s)" % (name, m, dtc)
        else:
            code = "%s = np.linspace(%s, %s, %d)%s" % (name, self.pick(["0", "-1", "2.5"]),
                                                   self.pick(["1", "10", "-3"]), n, rs)
            if k != "f" or dt != "float64":
                code += ".astype(%s)" % dtc
        if len(shape) > 1 and kind not in ("zeros", "eye") and self.chance(0.15):
            code += "\n%s = np.asfortranarray(%s)" % (name, name)
        alts = []
        if n > 1 or len(shape) > 1:
            for sh in {(min(n, 3),), (2, 2), (1,), ()}:
                alts.append("%s = np.arange(%d, dtype=%s).reshape(%s)" % (
                    name, size_of(sh), self.dt_code(dt) if k != "b" else "np.int8", shape_code(sh))
                    + (" > 1" if k == "b" else ""))
        self.emit(Stmt(code, [name], [], alts=alts))
        self.observe(name, full=True)
        return name

    # ------------------------------------------------------------ observing

    def observe(self, name, full=False):
        """Print facts about array `name` (one or two statements)."""
        x = self.val(name)
        if not isinstance(x, np.ndarray):
            return
        choices = ["print", "repr", "meta", "flags", "base", "share", "print", "tolist", "item"]
        todo = ["print", "meta"] if full else [self.pick(choices) for _ in range(self.r.randint(1, 2))]
        for what in todo:
            self.observe_one(name, x, what)

    def observe_one(self, name, x, what):
        if not isinstance(x, np.ndarray):
            return
        if what == "print":
            self.emit(Stmt("print(%s)" % name, uses=[name]))
        elif what == "repr":
            self.emit(Stmt("print(repr(%s))" % name, uses=[name]))
        elif what == "meta":
            self.emit(Stmt("print(%s.shape, _st(%s), %s.dtype, %s.ndim, %s.size, %s.nbytes, %s.itemsize)" %
                           ((name,) * 7), uses=[name]))
        elif what == "flags":
            f = self.pick(["print(%s.flags.c_contiguous, %s.flags.f_contiguous, %s.flags.owndata, "
                           "%s.flags.writeable, %s.flags.aligned)" % ((name,) * 5),
                           "print(%s.flags['C_CONTIGUOUS'], %s.flags['F_CONTIGUOUS'], %s.flags['OWNDATA'], "
                           "%s.flags['WRITEABLE'])" % ((name,) * 4),
                           "print(%s.flags)" % name])
            self.emit(Stmt(f, uses=[name]))
        elif what in ("base", "share"):
            other = self.parent.get(name) if self.chance(0.6) else None
            other = other or self.arr()
            if other is None:
                return
            if what == "base":
                code = "print(%s.base is %s, %s.base is None, %s is %s)" % (name, other, name, name, other)
            else:
                code = "print(np.shares_memory(%s, %s), np.may_share_memory(%s, %s))" % (name, other, name, other)
            self.emit(Stmt(code, uses=[name, other]))
        elif what == "tolist":
            if "<" in repr(x.dtype) and avoid("dtype_repr_native"):
                return
            forms = ["print(%s.dtype.str, %s.dtype.kind, repr(%s.dtype))", "print(len(%s))"]
            if x.size <= 24 and not (has_nan(x) and avoid("nan_sign")):
                forms.append("print(%s.tobytes())")
            if x.size <= 24 and not (x.dtype.kind == "c" and avoid("py_complex_negzero")) and not (
                    pow2_floats(x) and avoid("py_float_repr")):
                forms += ["print(%s.tolist())"] * 2
            self.emit(Stmt(self.pick(forms).replace("%s", name), uses=[name]))
        elif what == "item":
            if x.ndim == 0 or x.size == 0:
                item = "%s.item(), " % name
                if (x.dtype.kind == "c" and avoid("py_complex_negzero")) or (
                        pow2_floats(x) and avoid("py_float_repr")):
                    item = ""
                self.emit(Stmt("print(%s%s[()], type(%s[()]).__name__)" % (item, name, name), uses=[name]))
            else:
                ix = ", ".join(str(self.r.randrange(-d, d)) for d in x.shape)
                s = self.fresh("s")
                self.emit(Stmt("%s = %s[%s]\nprint(%s, repr(%s), type(%s).__name__)" % (s, name, ix, s, s, s),
                               defs=[s], uses=[name]))
                if self.chance(0.5):
                    self.scalar_ops(s)

    def scalar_ops(self, s):
        v = self.val(s)
        if not isinstance(v, np.generic):
            return
        lit = self.scalar_lit(self.pick("biufc" if v.dtype.kind == "c" else "biuf"))
        op = self.pick(["+", "-", "*", "/", "//", "%", "**", "<", "=="])
        if op in ("//", "%") and v.dtype.kind == "c":
            op = "*"
        if op == "**" and (lit.startswith("-") or avoid("power_float")):
            lit = "2"
            # uint64 ** int has no integer loop: NumPy's float64 power (SVML) runs
            if (v.dtype.kind in "fc" or v.dtype == np.uint64) and avoid("power_float"):
                op = "*"
        self.emit(Stmt("r = %s %s %s\nprint(r, type(r).__name__)" % (s, op, lit), uses=[s]))
        if self.chance(0.3):
            conv = self.pick(["int", "float", "bool"]) if v.dtype.kind != "c" else "abs"
            if conv == "int" and v.dtype.kind == "f" and abs(float(v)) >= 2 ** 127 and avoid("py_int_128"):
                conv = "bool"
            if conv == "float" and pow2_floats(v) and avoid("py_float_repr"):
                conv = "bool"
            self.emit(Stmt("print(%s(%s))" % (conv, s), uses=[s]))

    # ------------------------------------------------------------ views

    def slice_term(self, n):
        def bound():
            if self.chance(0.35):
                return ""
            return str(self.r.randint(-n - 2, n + 2))
        step = self.pick(["", "", "1", "2", "3", "-1", "-1", "-2", "-3"])
        if self.chance(0.01):
            step = "0"
        a, b = bound(), bound()
        if step:
            return "%s:%s:%s" % (a, b, step)
        return "%s:%s" % (a, b) if (a or b) else ":"

    def basic_index(self, shape):
        """Index terms (strings) mixing slices, ints, None and Ellipsis."""
        nd = len(shape)
        k = self.r.randint(0, nd) if nd else 0
        ell = self.chance(0.2)
        dims = list(range(k)) if not ell else sorted(self.r.sample(range(nd), k))
        if ell:  # the terms before ... index the first dims; after, the last
            split = self.r.randint(0, k)
            lead, trail = list(range(split)), list(range(nd - (k - split), nd))
            dims = lead + trail
        terms = []
        for d in dims:
            n = shape[d]
            if n and self.chance(0.25):
                i = self.r.randrange(-n, n) if not self.chance(0.03) else self.pick([n, -n - 1])
                terms.append(str(i))
            else:
                terms.append(self.slice_term(n))
        if ell:
            terms.insert(split, "...")
        if self.chance(0.2):
            terms.insert(self.r.randint(0, len(terms)), self.pick(["None", "np.newaxis"]))
        return terms

    def idx_code(self, terms):
        return "()" if not terms else ", ".join(terms)

    def idx_alts(self, name, src, terms, fmt):
        out = []
        for k in range(len(terms)):
            t = terms[:k] + terms[k + 1:]
            out.append(fmt % self.idx_code(t))
            if ":" in terms[k] and terms[k] != ":":
                out.append(fmt % self.idx_code(terms[:k] + [":"] + terms[k + 1:]))
        return out

    def view(self):
        src = self.arr()
        if src is None:
            return
        x = self.val(src)
        name = self.fresh()
        nd = x.ndim
        kinds = ["index", "index", "index", "T", "transpose", "swapaxes", "reshape", "reshape", "ravel",
                 "viewdt", "squeeze", "expand_dims", "broadcast_to", "as_strided", "swv", "view", "flip",
                 "realimag", "moveaxis", "ellipsis", "newbyteorder"]
        kind = self.pick(kinds)
        alts = []
        if kind == "index" or (kind in ("T", "transpose", "swapaxes", "moveaxis") and nd < 2):
            terms = self.basic_index(x.shape)
            fmt = "%s = %s[%%s]" % (name, src)
            code = fmt % self.idx_code(terms)
            alts = self.idx_alts(name, src, terms, fmt)
        elif kind == "T":
            code = "%s = %s.T" % (name, src)
        elif kind == "transpose":
            perm = list(range(nd))
            self.r.shuffle(perm)
            code = self.pick(["%s = %s.transpose(%s)" % (name, src, ", ".join(map(str, perm))),
                              "%s = np.transpose(%s, %s)" % (name, src, tuple(perm)),
                              "%s = %s.transpose()" % (name, src)])
        elif kind == "swapaxes":
            i, j = self.r.randrange(-nd, nd), self.r.randrange(-nd, nd)
            code = self.pick(["%s = np.swapaxes(%s, %d, %d)", "%s = %s.swapaxes(%d, %d)"]) % (name, src, i, j)
        elif kind == "moveaxis":
            i, j = self.r.randrange(-nd, nd), self.r.randrange(-nd, nd)
            code = "%s = np.moveaxis(%s, %d, %d)" % (name, src, i, j)
        elif kind == "reshape":
            shape = self.reshape_target(x.size)
            order = self.pick(["", "", "", ", order='F'", ", order='C'", ", order='A'"])
            if order and len(shape) == 1:
                code = "%s = %s.reshape(%s%s)" % (name, src, shape_code(shape), order)
            else:
                code = self.pick(["%s = %s.reshape(%s%s)" % (name, src, shape_code(shape), order),
                                  "%s = np.reshape(%s, %s%s)" % (name, src, shape_code(shape), order)])
                if not order and len(shape) > 0 and self.chance(0.4):
                    code = "%s = %s.reshape(%s)" % (name, src, ", ".join(map(str, shape)))
        elif kind == "ravel":
            code = self.pick(["%s = %s.ravel()", "%s = np.ravel(%s)", "%s = %s.ravel('K')", "%s = %s.ravel('F')",
                              "%s = %s.ravel('A')"]) % (name, src)
        elif kind == "viewdt":
            dt = self.dtype() if self.chance(0.7) else self.pick(["uint8", "int16", "int32", "float32",
                                                                  "int64", "complex128"])
            if dt == "bool" and x.dtype.kind != "b" and avoid("bool_bytes_mask"):
                dt = "uint8"
            if has_nan(x) and avoid("nan_sign"):
                return
            code = "%s = %s.view(%s)" % (name, src, self.dt_code(dt, native=False))
        elif kind == "view":
            code = "%s = %s.view()" % (name, src)
        elif kind == "squeeze":
            ones = [i for i, d in enumerate(x.shape) if d == 1]
            if ones and self.chance(0.5):
                code = "%s = np.squeeze(%s, axis=%d)" % (name, src, self.pick(ones))
            else:
                code = self.pick(["%s = np.squeeze(%s)", "%s = %s.squeeze()"]) % (name, src)
        elif kind == "expand_dims":
            code = "%s = np.expand_dims(%s, %d)" % (name, src, self.r.randint(-nd - 1, nd))
        elif kind == "broadcast_to":
            shape = [d if d != 1 or self.chance(0.5) else self.r.randint(2, 3) for d in x.shape]
            shape = [self.r.randint(1, 3) for _ in range(self.r.randint(0, 1))] + shape
            code = "%s = np.broadcast_to(%s, %s)" % (name, src, shape_code(shape))
        elif kind == "as_strided":
            # Shapes and strides are written relative to the source, so they stay in
            # bounds when the shrinker changes the source (NumPy runs in this process).
            if nd >= 1 and x.size and self.chance(0.5):
                # sliding windows along the last axis
                w = self.r.randint(1, x.shape[-1])
                code = ("%s = as_strided(%s, shape=%s.shape[:-1] + (%s.shape[-1] - %d, %d), "
                        "strides=%s.strides + %s.strides[-1:])" % (name, src, src, src, w - 1, w, src, src))
            else:  # repeat the whole array along a new zero-stride axis
                code = "%s = as_strided(%s, shape=(%d,) + %s.shape, strides=(0,) + %s.strides)" % (
                    name, src, self.r.randint(1, 3), src, src)
        elif kind == "swv":
            if nd == 0:
                return
            ax = self.r.randrange(nd)
            w = self.r.randint(1, max(1, x.shape[ax]))
            code = "%s = sliding_window_view(%s, %d, axis=%d)" % (name, src, w, ax)
        elif kind == "flip":
            code = self.pick(["%s = np.flip(%s)", "%s = %s[::-1]", "%s = np.flipud(%s)"]) % (name, src)
        elif kind == "newbyteorder":
            if not x.dtype.isnative and avoid("dtype_repr_native"):
                return  # swapping back to native makes the dtype NumPy prints as '<i2'
            code = self.pick(["%s = %s.newbyteorder()", "%s = %s.view(%s.dtype.newbyteorder())" % (
                "%s", "%s", src)]) % (name, src)
            if has_nan(x) and avoid("nan_sign"):
                return
        elif kind == "realimag":
            if x.dtype.kind != "c" and avoid("real_of_real"):
                return
            code = self.pick(["%s = %s.real", "%s = %s.imag"]) % (name, src)
        else:  # ellipsis / empty tuple
            code = self.pick(["%s = %s[...]", "%s = %s[()]", "%s = %s[..., None]", "%s = %s[None]"]) % (name, src)
        st = self.emit(Stmt(code, [name], [src], alts=alts))
        self.parent[name] = src
        self.observe(name)
        return st

    def reshape_target(self, n):
        """A shape of size n (sometimes with -1, sometimes wrong)."""
        if self.chance(0.05):
            return (n + 1,)
        dims, rest = [], n
        for _ in range(self.r.randint(0, 3)):
            divs = [d for d in range(1, rest + 1) if rest % d == 0] if rest else [0, 1]
            d = self.pick(divs)
            dims.append(d)
            rest = rest // d if d else 0
        dims.append(rest)
        self.r.shuffle(dims)
        if self.chance(0.3) and n:
            dims[self.r.randrange(len(dims))] = -1
        return tuple(dims)

    # ------------------------------------------------------------ copies

    def copy(self):
        src = self.arr()
        if src is None:
            return
        x = self.val(src)
        name = self.fresh("c")
        kind = self.pick(["copy", "copy", "astype", "astype", "flatten", "fancy", "fancy", "mask", "mask",
                          "take", "where", "sort", "concat", "array", "contig", "clip", "unique", "repeat",
                          "partition", "flat"])
        alts = []
        if kind == "copy":
            code = self.pick(["%s = %s.copy()", "%s = np.copy(%s)", "%s = %s.copy(order='F')",
                              "%s = %s.copy('K')", "%s = %s.copy(order='A')"]) % (name, src)
        elif kind == "astype":
            dt = self.dtype()
            if bad_float_cast(x, dt) and avoid("float_to_int_invalid"):
                dt = "float64"
            code = "%s = %s.astype(%s)" % (name, src, self.dt_code(dt, native=False))
            if self.chance(0.2):
                code = code[:-1] + ", copy=False)"
        elif kind == "flatten":
            code = self.pick(["%s = %s.flatten()", "%s = %s.flatten('F')", "%s = %s.flatten(order='K')"]) % (
                name, src)
        elif kind == "fancy":
            code, alts = self.fancy_index(name, src, x)
        elif kind == "mask":
            if x.dtype.kind == "c":
                cond = "%s.real > 0" % src
            elif x.dtype.kind == "b":
                cond = src
            else:
                cond = "%s %s %s" % (src, self.pick([">", "<", "!=", ">="]), self.pick(["0", "1", "2.5", "-1"]))
            code = "%s = %s[%s]" % (name, src, cond)
            if x.ndim and x.shape[0] and self.chance(0.3) and (c_like(x) or not avoid("fancy_layout")):
                m = [self.pick(["True", "False"]) for _ in range(x.shape[0])]
                code = "%s = %s[np.array([%s])]" % (name, src, ", ".join(m))
        elif kind == "take":
            if x.size == 0:
                return
            ax = self.r.randrange(x.ndim) if x.ndim and self.chance(0.6) else None
            n = x.shape[ax] if ax is not None else x.size
            idx = [self.r.randrange(-n, n) for _ in range(self.r.randint(1, 4))]
            code = "%s = np.take(%s, %s%s)" % (name, src, idx, "" if ax is None else ", axis=%d" % ax)
        elif kind == "where":
            if x.ndim == 0 and avoid("where_0d"):
                return
            other = self.arr(lambda a: a.shape == x.shape) or src
            if x.dtype.kind == "c":
                cond = "%s.imag >= 0" % src
            else:
                cond = "%s > %s" % (src, self.pick(["0", "1", "0.5"]))
            code = "%s = np.where(%s, %s, %s)" % (name, cond, src, self.pick([other, "0", "-1.5", other]))
            if avoid("zero_stride_layout") and (zero_stride(x) or zero_stride(self.val(other))):
                return
            self.emit(Stmt(code, [name], [src, other]))
            self.observe(name, full=True)
            return
        elif kind == "sort":
            ax = self.r.randrange(-x.ndim, x.ndim) if x.ndim else None
            # 0.0 and -0.0 tie: only a stable sort fixes their order
            axis = "" if ax is None else ", axis=%d" % ax
            if self.chance(0.5):
                code = "%s = np.sort(%s%s%s)" % (name, src, axis, ", kind='stable'" if signed_zeros(x) else "")
            else:
                code = "%s = np.argsort(%s%s, kind='stable')" % (name, src, axis)
            if x.dtype.kind == "c":
                return
        elif kind == "partition":
            # introselect's arrangement of every element is NumPy's, ties included
            ax = self.r.randrange(-x.ndim, x.ndim) if x.ndim and self.chance(0.7) else None
            n = (x.shape[ax] if ax is not None else x.size) if x.ndim else 0
            if n == 0 or (x.ndim == 0 and ax is not None):
                return
            kth = [self.r.randrange(-n, n) for _ in range(self.r.randint(1, 3))]
            kc = str(kth[0]) if len(kth) == 1 and self.chance(0.5) else str(kth)
            fn = self.pick(["np.partition", "np.argpartition"])
            code = "%s = %s(%s, %s%s)" % (name, fn, src, kc, ", axis=None" if ax is None else ", axis=%d" % ax)
        elif kind == "flat":  # a.flat[...] reads a copy in C order
            n = x.size
            if n == 0:
                return
            idx = self.pick(["%d:%d" % (self.r.randrange(n), self.r.randrange(n + 1)), "::%d" % self.r.randint(1, 3),
                             "::-1", repr([self.r.randrange(-n, n) for _ in range(self.r.randint(1, 4))]), "..."])
            code = "%s = %s.flat[%s]" % (name, src, idx)
        elif kind == "concat":
            other = self.arr(lambda a: a.ndim == x.ndim) or src
            ax = self.r.randrange(x.ndim) if x.ndim else 0
            code = self.pick(["%s = np.concatenate([%s, %s], axis=%d)" % (name, src, other, ax),
                              "%s = np.stack([%s, %s])" % (name, src, other)])
            self.emit(Stmt(code, [name], [src, other]))
            self.observe(name, full=True)
            return
        elif kind == "array":
            code = self.pick(["%s = np.array(%s)", "%s = np.array(%s, copy=False)", "%s = np.asarray(%s)"]) % (
                name, src)
        elif kind == "contig":
            code = self.pick(["%s = np.ascontiguousarray(%s)", "%s = np.asfortranarray(%s)"]) % (name, src)
        elif kind == "clip":
            if x.dtype.kind == "c":
                return
            code = "%s = np.clip(%s, %s, %s)" % (name, src, self.pick(["0", "-1", "1"]), self.pick(["2", "5", "10"]))
            if zero_stride(x) and avoid("zero_stride_layout"):
                return
        elif kind == "unique":
            if x.dtype.kind == "c" or (signed_zeros(x) and avoid("signed_zero_ties")):
                return
            code = "%s = np.unique(%s)" % (name, src)
        else:
            code = self.pick(["%s = np.repeat(%s, 2)", "%s = np.tile(%s, 2)", "%s = np.roll(%s, 1)"]) % (name, src)
        self.emit(Stmt(code, [name], [src], alts=alts))
        self.parent[name] = src
        self.observe(name)
        if self.chance(0.5):
            self.observe_one(name, self.val(name), self.pick(["base", "share", "flags"]))

    def fancy_index(self, name, src, x):
        if x.ndim == 0:
            return "%s = %s[np.array([0, 0])]" % (name, src), []
        if not c_like(x) and avoid("fancy_layout"):
            return "%s = %s[%s >= 0]" % (name, src, src if x.dtype.kind != "c" else src + ".real"), []
        terms = []
        for d in range(self.r.randint(1, x.ndim)):
            n = x.shape[d]
            if self.chance(0.6) and n:
                idx = [self.r.randrange(-n, n) for _ in range(self.r.randint(1, 4))]
                if self.chance(0.03):
                    idx[0] = n
                terms.append(repr(idx) if self.chance(0.7) else "np.array(%r)" % idx)
            else:
                terms.append(self.slice_term(n))
        if not any(t.startswith(("[", "np.")) for t in terms):
            n = x.shape[0]
            terms[0] = repr([self.r.randrange(-n, n) for _ in range(2)]) if n else "[]"
        fmt = "%s = %s[%%s]" % (name, src)
        return fmt % ", ".join(terms), self.idx_alts(name, src, terms, fmt)

    # ------------------------------------------------------------ writes

    def writable_view(self):
        # not into arrays whose elements overlap (as_strided): the result of
        # such a write depends on the order of the element writes
        return self.arr(lambda a: a.flags.writeable and not self_overlap(a)) or \
            self.arr(lambda a: not self_overlap(a))

    def value_for(self, x, prefer_array=True):
        """(code, uses): a scalar literal or an array broadcastable to x."""
        if prefer_array and self.chance(0.5):
            other = self.arr(lambda a: a.ndim <= x.ndim and all(
                d in (1, e) for d, e in zip(a.shape[::-1], x.shape[::-1])))
            if other is not None:
                return other, [other]
        kind = x.dtype.kind if self.chance(0.8) else self.pick("biufc")
        if kind == "c" and x.dtype.kind != "c" and avoid("setitem_error_order"):
            kind = "f"
        return self.scalar_lit(kind), []

    def power_ok(self, op, base, ex, expr):
        """Keep away from the AVOID power entries (base, ex: source code)."""
        r = self.peek(expr)
        b = self.val(base) if base in self.ns else None
        lit = ex not in self.ns
        if avoid("pow_fast") and op == "**" and lit and (ex == "0.5" or getattr(b, "ndim", 1) == 0 or
                                                          getattr(b, "dtype", np.dtype("i8")).kind in "bc"):
            return False
        rdt = getattr(r, "dtype", np.dtype("i8"))
        if avoid("power_float") and rdt.kind in "fc" and (ex not in ("0", "1", "2") or rdt.char in "efF"):
            return False
        if avoid("int_pow_neg_empty") and lit and ex.startswith("-") and r is not None and getattr(r, "size", 1) == 0:
            return False
        return True

    def no_empty_nan(self, x, sel, v):
        """AVOID['setitem_float_to_int'] / ['float_to_int_invalid']: no nan,
        inf or big float scalars, and no such arrays, into an integer array."""
        if x.dtype.kind not in "iu":
            return v
        if v in self.ns:  # an array: cast unsafely by setitem
            return "0" if avoid("float_to_int_invalid") and bad_float_cast(self.val(v), x.dtype) else v
        try:
            f = float(eval(v, self.ns)) if "." in v or "np." in v else 0.0
        except Exception:
            return v
        if avoid("setitem_float_to_int") and (f != f or abs(f) >= 100):
            return "2.5"
        return v

    def write(self):
        dst = self.writable_view()
        if dst is None:
            return
        x = self.val(dst)
        kind = self.pick(["iop", "iop", "iop", "setall", "setidx", "setidx", "setmask", "setfancy", "copyto",
                          "fill", "out", "readonly", "overlap", "overlap", "byteswap", "sort", "shape", "flat",
                          "partition"])
        uses = [dst]
        if kind == "overlap":
            # a write whose source overlaps it: NumPy acts as if it read a copy first
            if x.ndim == 0:
                return
            n = x.shape[0]
            k = self.r.randint(1, max(1, n - 1))
            lhs, rhs = self.pick([("%s[%d:]" % (dst, k), "%s[:-%d]" % (dst, k)),
                                  ("%s[:-%d]" % (dst, k), "%s[%d:]" % (dst, k)),
                                  ("%s[::-1]" % dst, dst), (dst, "%s[::-1]" % dst)])
            if x.ndim == 2 and x.shape[0] == x.shape[1] and self.chance(0.3):
                lhs, rhs = dst, dst + ".T"
            op = self.pick(["=", "+=", "-=", "*="])
            if n >= 2 and self.chance(0.3):
                # a[int list] = a[i:j]: NumPy's fancy assignment reads the value
                # as it writes (no copy first): item by item, rows by memmove
                m = self.r.randint(1, n)
                s0 = self.r.randint(0, n - m)
                idx = [self.r.randrange(-n, n) for _ in range(m)]
                lhs, rhs, op = "%s[%r]" % (dst, idx), "%s[%d:%d]" % (dst, s0, s0 + m), "="
            if self.cast_zero_stride(rhs, [dst]) or (zero_stride(x) and op == "="):
                op = "+="
            code = "%s %s %s" % (lhs, op, rhs)
            u, msg = [], op == "="
        elif kind == "byteswap":
            if has_nan(x) and avoid("nan_sign"):
                return
            code = self.pick(["%s.byteswap(inplace=True)", "%s.byteswap(True)"]) % dst
            u, msg = [], True
        elif kind == "sort":
            if x.dtype.kind == "c":
                return
            ax = self.r.randrange(-x.ndim, x.ndim) if x.ndim else -1
            code = "%s.sort(axis=%d%s)" % (dst, ax, ", kind='stable'" if signed_zeros(x) else "")
            u, msg = [], True
        elif kind == "partition":
            if x.ndim == 0 or x.size == 0:
                return
            ax = self.r.randrange(-x.ndim, x.ndim)
            kth = self.r.randrange(-x.shape[ax], x.shape[ax])
            code = "%s.partition(%d, axis=%d)" % (dst, kth, ax)
            u, msg = [], True
        elif kind == "flat":  # values repeat to fill the selection, in C order
            if x.size == 0:
                return
            n = x.size
            v, u = self.value_for(x, prefer_array=False)
            v = self.no_empty_nan(x, "", v)
            idx = self.pick(["%d:%d" % (self.r.randrange(n), self.r.randrange(n + 1)), "::2", "...",
                             repr([self.r.randrange(-n, n) for _ in range(self.r.randint(1, 4))])])
            code = self.pick(["%s.flat[%s] = %s" % (dst, idx, v), "%s.flat = %s" % (dst, v)])
            msg = True
        elif kind == "shape":  # in-place reshape: works only without a copy
            code = "%s.shape = %s" % (dst, shape_code(self.reshape_target(x.size)))
            u, msg = [], True
        elif kind == "iop":
            op = self.pick(IN_OPS)
            v, u = self.value_for(x)
            if op == "**=" and (x.ndim == 0 or x.dtype.kind in "bc") and avoid("pow_fast"):
                op = "*="
            if op == "**=" and x.dtype.kind in "fc" and avoid("power_float"):
                v, u = self.pick(["1", "2"]), []
                if x.dtype.char in "efF":
                    op = "*="
            if op == "**=" and x.dtype.kind in "iub":
                # an integer power that fails part way leaves NumPy's output
                # half written (garbage): only exponents that cannot fail
                v, u = self.pick(["0", "1", "2", "3"]), []
            code = "%s %s %s" % (dst, op, v)
            msg = True
        elif kind == "setall":
            v, u = self.value_for(x)
            v = self.no_empty_nan(x, dst + "[...]", v)
            code = self.pick(["%s[...] = %s", "%s[:] = %s"]) % (dst, v) if x.ndim else "%s[...] = %s" % (dst, v)
            msg = True
        elif kind == "setidx":
            terms = self.basic_index(x.shape)
            v, u = self.value_for(x, prefer_array=False)
            v = self.no_empty_nan(x, "%s[%s]" % (dst, self.idx_code(terms)), v)
            code = "%s[%s] = %s" % (dst, self.idx_code(terms), v)
            msg = True
        elif kind == "setmask":
            if x.dtype.kind == "c":
                return
            v, u = self.value_for(x, prefer_array=False)
            cond = dst if x.dtype.kind == "b" else "%s > %s" % (dst, self.pick(["0", "1", "3"]))
            v = self.no_empty_nan(x, "%s[%s]" % (dst, cond), v)
            code = "%s[%s] = %s" % (dst, cond, v)
            msg = True
        elif kind == "setfancy":
            if x.ndim == 0 or x.shape[0] == 0:
                return
            n = x.shape[0]
            idx = [self.r.randrange(-n, n) for _ in range(self.r.randint(1, 4))]
            v, u = self.value_for(x, prefer_array=False)
            v = self.no_empty_nan(x, "", v)
            aug = self.pick(["=", "=", "+="])
            code = "%s[%r] %s %s" % (dst, idx, aug, v)
            msg = True
        elif kind == "copyto":
            other = self.arr()
            if other == dst and avoid("copyto_self_readonly"):
                return
            code = "np.copyto(%s, %s)" % (dst, other)
            if self.chance(0.3):
                if bad_float_cast(self.val(other), x.dtype) and avoid("float_to_int_invalid"):
                    return
                code = code[:-1] + ", casting='unsafe')"
            u = [other]
            msg = True
        elif kind == "fill":
            code = "%s.fill(%s)" % (dst, self.no_empty_nan(x, "", self.scalar_lit(x.dtype.kind)))
            u, msg = [], True
        elif kind == "out":
            other = self.arr(lambda a: a.shape == x.shape) or dst
            uf = self.pick(["add", "subtract", "multiply", "maximum", "negative", "absolute"])
            if uf in ("negative", "absolute"):
                code = "r = np.%s(%s, out=%s)\nprint(r is %s)" % (uf, other, dst, dst)
            else:
                code = "r = np.%s(%s, %s, out=%s)\nprint(r is %s)" % (uf, dst, other, dst, dst)
            u, msg = [other], True
        else:  # make read-only, then write through it
            code = "%s.flags.writeable = False\n%s[...] = 0" % (dst, dst) if x.ndim else \
                "%s.flags.writeable = False" % dst
            u, msg = [], True
        self.emit(Stmt(code, [], uses + u, msg=msg))
        # the write shows through views: print the array and where it came from
        self.emit(Stmt("print(%s)" % dst, uses=[dst]))
        root = dst
        while root in self.parent and self.chance(0.8):
            root = self.parent[root]
        if root != dst:
            self.emit(Stmt("print(%s)" % root, uses=[root]))
        if kind == "readonly" and self.chance(0.7):
            self.emit(Stmt("%s.flags.writeable = True\nprint(%s.flags.writeable)" % (dst, dst), uses=[dst]))

    # ------------------------------------------------------------ compute

    def binop(self):
        src = self.arr()
        if src is None:
            return
        x = self.val(src)
        name = self.fresh("y")
        if self.chance(0.5):
            v, u = self.value_for(x)
        else:
            other = self.arr()
            v, u = other, [other]
        if self.chance(0.6):
            op = self.pick(BIN_OPS)
            y = self.val(v) if u else None
            if self.chance(0.2) and x.ndim >= 1 and (y is None or y.ndim >= 1):
                op = "@"
            if op in ("==", "!=") and y is not None and avoid("eq_nonbroadcast"):
                try:
                    np.broadcast_shapes(x.shape, y.shape)
                except ValueError:
                    op = "<"
            left, right = (src, v) if self.chance(0.7) else (v, src)
            expr = "%s %s %s" % (left, op, right)
        else:
            op = self.pick(BIN_UF)
            expr = "np.%s(%s, %s)" % (op, src, v)
        if op in ("**", "power"):
            base, ex = (left, right) if op == "**" else (src, v)
            if not self.power_ok(op, base, ex, expr):
                return
        if self.cast_zero_stride(expr, [src] + u, [] if u else [v]):
            return
        code = "%s = %s" % (name, expr)
        self.emit(Stmt(code, [name], [src] + u))
        self.observe(name, full=self.chance(0.5))

    def unary(self):
        src = self.arr()
        if src is None:
            return
        x = self.val(src)
        name = self.fresh("u")
        uf = self.pick(UNARY_UF)
        if uf == "conjugate" and avoid("conjugate") and (
                x.dtype.kind == "b" or not x.dtype.isnative or not x.flags.c_contiguous):
            uf = "positive"
        if not avoid("transcendental") and self.chance(0.1):
            uf = self.pick(TRANSCENDENTAL)
        code = self.pick(["%s = np.%s(%s)" % (name, uf, src)] +
                         (["%s = -%s" % (name, src), "%s = abs(%s)" % (name, src), "%s = ~%s" % (name, src)]
                          if self.chance(0.3) else []))
        if self.cast_zero_stride(code.split(" = ", 1)[1], [src]):
            return
        self.emit(Stmt(code, [name], [src]))
        self.observe(name, full=True)

    def reduce(self):
        src = self.arr()
        if src is None:
            return
        x = self.val(src)
        name = self.fresh("r")
        fn = self.pick(REDUCTIONS)
        if fn in ("cumsum", "cumprod") and zero_stride(x) and avoid("zero_stride_layout"):
            fn = "sum"
        # rounding depends on the order of the adds: not over broadcast arrays
        inexact = x.dtype.kind in "fc" or fn in ("mean", "std", "var")
        no_float = zero_stride(x) and avoid("reduce_zero_stride")
        if no_float and inexact and fn in ("sum", "prod", "mean", "std", "var"):
            fn = self.pick(["max", "min", "argmax", "any"])
        args = []
        nd = x.ndim
        if self.chance(0.7):
            if fn in ("argmin", "argmax", "cumsum", "cumprod") or nd < 2 or self.chance(0.6):
                ax = self.r.randint(-nd - (1 if self.chance(0.05) else 0), max(0, nd - 1)) if nd else self.pick([0, -1, 1])
                args.append("axis=%d" % ax)
            else:
                axes = self.r.sample(range(nd), self.r.randint(1, nd))
                args.append("axis=%r" % (tuple(axes),))
        if fn not in ("argmin", "argmax", "cumsum", "cumprod") and self.chance(0.3):
            args.append("keepdims=True")
        if fn in ("sum", "prod", "mean", "cumsum") and self.chance(0.15) and not no_float:
            dts = ["float64", "float32"] if fn == "mean" and avoid("mean_int_dtype") else \
                ["int64", "float64", "float32", "int8"]
            args.append("dtype=%s" % self.dt_code(self.pick(dts)))
        if fn in ("std", "var") and self.chance(0.3):
            args.append("ddof=1")
        masked = fn in ("sum", "prod", "min", "max", "mean", "any", "all", "std", "var") and nd and self.chance(0.2)
        if masked:  # where= masks: NumPy's masked loop runs decide float rounding
            if x.dtype.kind == "c":
                cond = "%s.real > 0" % src
            elif x.dtype.kind == "b":
                cond = src
            else:
                cond = "%s %s %s" % (src, self.pick([">", "<", "!="]), self.pick(["0", "1", "2.5"]))
            if self.chance(0.3) and x.shape[-1]:
                cond = repr([self.chance(0.6) for _ in range(x.shape[-1])])
            args.append("where=%s" % cond)
            if fn in ("min", "max") or (fn in ("sum", "prod") and self.chance(0.4)):
                args.append("initial=%s" % self.pick(["0", "1", "-2", "10"]))
        a = ", ".join(args)
        if self.chance(0.3) and fn not in ("cumsum", "cumprod"):
            code = "%s = np.%s(%s%s)" % (name, fn, src, ", " + a if a else "")
        else:
            code = "%s = %s.%s(%s)" % (name, src, fn, a)
        code += "\nprint(%s, type(%s).__name__)" % (name, name)
        self.emit(Stmt(code, [name], [src]))
        if isinstance(self.val(name), np.ndarray):
            self.observe(name)

    def misc(self):
        src = self.arr()
        if src is None:
            return
        x = self.val(src)
        other = self.arr() or src
        kind = self.pick(["truth", "iter", "len", "eq", "count", "nonzero", "isclose", "astype_chain", "setops",
                          "nanfn", "grad", "r_"])
        if kind == "truth":
            code = "print(bool(%s))" % src
        elif kind == "iter":
            if x.ndim == 0 or x.shape[0] > 6:
                return
            code = "for row in %s:\n    print(row, type(row).__name__)" % src
        elif kind == "len":
            code = "print(len(%s), %s.shape[0] if %s.ndim else None)" % (src, src, src)
        elif kind == "eq":
            code = "print(np.array_equal(%s, %s))" % (src, other)
        elif kind == "count":
            code = "print(np.count_nonzero(%s), np.any(%s), np.all(%s))" % (src, src, src)
        elif kind == "nonzero":
            code = "print(np.nonzero(%s))" % src
        elif kind == "setops":  # the prelude's arraysetops over unique/sort
            if x.dtype.kind == "c" or self.val(other).dtype.kind == "c" or \
                    (avoid("signed_zero_ties") and (signed_zeros(x) or signed_zeros(self.val(other)))):
                return
            fn = self.pick(["setdiff1d", "intersect1d", "union1d", "setxor1d", "in1d"])
            code = "print(np.%s(%s, %s))" % (fn, src, other)
        elif kind == "nanfn":  # the prelude's nan-functions
            if x.dtype.kind not in "f" or x.size == 0:
                return
            fn = self.pick(["nanmean", "nanstd", "nanvar", "nanmedian", "nanargmax", "nancumsum", "nanmax"])
            ax = "" if x.ndim == 0 or self.chance(0.5) else ", axis=%d" % self.r.randrange(x.ndim)
            code = "print(np.%s(%s%s))" % (fn, src, ax)
        elif kind == "grad":  # gradient/diff/trapz keep NumPy's arithmetic order
            if x.ndim == 0 or x.dtype.kind == "b" or min(x.shape) < 2:
                return
            code = "print(%s)" % self.pick(["np.gradient(%s, axis=0)" % src, "np.trapz(%s)" % src,
                                            "np.diff(%s, axis=-1)" % src])
        elif kind == "r_":
            code = "print(np.r_[%s.ravel(), 0, %s.ravel()[:2]])" % (src, other)
        elif kind == "isclose":
            if x.dtype.kind == "c":
                return
            code = "print(np.allclose(%s, %s), np.isclose(%s, %s))" % (src, other, src, other)
        else:
            d1, d2 = self.dtype(), self.dtype()
            if avoid("float_to_int_invalid") and (bad_float_cast(x, d1) or bad_float_cast(x.astype(d1), d2)):
                return
            code = "print(%s.astype(%s).astype(%s))" % (src, self.dt_code(d1), self.dt_code(d2))
        self.emit(Stmt(code, uses=[src, other]))

    # ------------------------------------------------------------ program

    def program(self, nsteps):
        self.create()
        steps = [self.create, self.view, self.view, self.view, self.copy, self.copy, self.write, self.write,
                 self.binop, self.unary, self.reduce, self.misc]
        for _ in range(nsteps):
            if len(self.stmts) > 60:
                break
            self.pick(steps)()
        return self.stmts, "".join(self.outs)


def generate(seed, pid):
    g = Gen(seed, pid)
    return g.program(g.r.randint(4, 14))


# ---------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------


def run_numpy(stmts, marks=False):
    """Reference output of a program (the shrinker's NumPy side)."""
    ns = {}
    exec(PRELUDE, ns)
    exec(compile("def _p():\n" + program_body(stmts, marks), "<progen>", "exec"), ns)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        try:
            ns["_p"]()
        except Exception as e:  # only from the prelude itself
            print("uncaught", type(e).__name__)
    return buf.getvalue()


class NdRunner:
    def __init__(self, nd, workdir, timeout):
        self.nd, self.workdir, self.timeout = nd, workdir, timeout
        self.lock = threading.Lock()
        self.nfile = 0

    def path(self):
        with self.lock:
            self.nfile += 1
            return os.path.join(self.workdir, "batch%05d.py" % self.nfile)

    def run(self, progs, marks=False):
        """progs: [(pid, stmts)].  Returns ({pid: output}, {pid: crash text},
        [problems]).  After a crash nd restarts with the programs after it."""
        outs, crashes, problems = {}, {}, []
        todo = list(progs)
        while todo:
            path = self.path()
            with open(path, "w") as f:
                f.write(packed(todo, marks))
            try:
                p = subprocess.run([self.nd, path], capture_output=True, timeout=self.timeout)
                rc, so, se = p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
            except subprocess.TimeoutExpired as t:
                rc, so = "timeout", (t.stdout or b"").decode("utf-8", "replace")
                se = "timeout after %ds" % self.timeout
            got, rest = split_output(so)
            outs.update(got)
            pending = [pg for pg in todo if pg[0] not in got]
            if not pending:
                if rc != 0:
                    problems.append("nd exit %s after finishing all programs in %s:\n%s" % (rc, path, tail(se)))
                break
            if not got and len(todo) > 1:
                # nothing ran (a parse error?): run the programs one by one
                for pg in todo:
                    o, c, pr = self.run([pg], marks)
                    outs.update(o)
                    crashes.update(c)
                    problems.extend(pr)
                break
            bad = pending[0]
            outs[bad[0]] = rest
            crashes[bad[0]] = "exit %s: %s" % (rc, tail(se))
            todo = pending[1:]
        return outs, crashes, problems


def split_output(text):
    """({pid: output}, text after the last marker)."""
    got, cur = {}, []
    for line in text.splitlines(keepends=True):
        if line.startswith(END + " "):
            try:
                got[int(line[len(END) + 1:])] = "".join(cur)
            except ValueError:
                cur.append(line)
                continue
            cur = []
        else:
            cur.append(line)
    return got, "".join(cur)


def tail(s, n=20):
    lines = s.strip().splitlines()
    return "\n".join(lines[-n:])


# ---------------------------------------------------------------------------
# Shrinking
# ---------------------------------------------------------------------------


def closure_drop(stmts, drop):
    """stmts without the indices in drop and every statement that reads a
    name only the dropped ones define."""
    gone, keep = set(), []
    drop = set(drop)
    for i, s in enumerate(stmts):
        if i in drop or any(u in gone for u in s.uses):
            gone.update(s.defs)
            continue
        keep.append(s)
    return keep


def candidates(stmts):
    """Smaller programs, most drastic first."""
    n = len(stmts)
    out, seen = [], set()

    def add(c):
        key = tuple(s.code for s in c)
        if len(c) <= n and key not in seen and key != tuple(s.code for s in stmts):
            seen.add(key)
            out.append(c)
    size = n // 2
    while size >= 1:
        for start in range(0, n, size):
            add(closure_drop(stmts, range(start, min(n, start + size))))
        size //= 2
    for i in range(n):  # just the statement, dependents kept (they fail alike)
        add(stmts[:i] + stmts[i + 1:])
    for i, s in enumerate(stmts):
        for a in s.alts:
            add(stmts[:i] + [s.with_code(a)] + stmts[i + 1:])
    return out


def first_diff(stmts, ref, out, crashed):
    """Where two marked outputs (program_body(marks=True)) first differ: the
    sid of that statement, "end" (nd failed after the last one), or None."""
    r, o = ref.split(MARK + "\n"), out.split(MARK + "\n")
    for k, st in enumerate(stmts):
        if k >= len(o) or r[k] != o[k] or (crashed and k == len(o) - 1):
            return st.sid
    return "end" if crashed else None


def signature(stmts, runner):
    """(sid where NumPy and nd first differ, crashed?) for a program."""
    ref = run_numpy(stmts, marks=True)
    outs, crashes, _ = runner.run([(0, stmts)], marks=True)
    return first_diff(stmts, ref, outs.get(0, ""), 0 in crashes), 0 in crashes


def shrink(stmts, runner, deadline):
    """Greedy: each round runs every candidate in one nd file (statement
    markers on) and keeps the first, most drastic, that still differs at
    the same statement (so the shrinker does not wander to another bug)."""
    sig = signature(stmts, runner)
    if sig[0] is None:  # the difference needs the whole output: compare it whole
        sig = None
    cur = stmts
    rounds = 0
    while time.time() < deadline and rounds < 200:
        rounds += 1
        cands = candidates(cur)
        if not cands:
            break
        refs = [run_numpy(c, marks=True) for c in cands]
        outs, crashes, _ = runner.run(list(enumerate(cands)), marks=True)
        best = None
        for i, c in enumerate(cands):
            got = outs.get(i, "")
            if sig is None:
                ok = i in crashes or got != refs[i]
            else:
                ok = (i in crashes) == sig[1] and first_diff(c, refs[i], got, i in crashes) == sig[0]
            if ok:
                best = c
                break
        if best is None:
            break
        cur = best
    return cur


def report(stmts, runner):
    ref = run_numpy(stmts)
    outs, crashes, _ = runner.run([(0, stmts)])
    nd_out = outs.get(0, "")
    lines = ["-- minimal program (%d statements; run it with /usr/bin/python3 and nd):" % len(stmts),
             standalone(stmts).rstrip(), "-- numpy output:", ref.rstrip(), "-- nd output:", nd_out.rstrip()]
    if 0 in crashes:
        lines.append("-- nd crashed: " + crashes[0])
    diff = difflib.unified_diff(ref.splitlines(), nd_out.splitlines(), "numpy", "nd", lineterm="", n=1)
    lines.append("-- diff:")
    lines.extend(list(diff)[2:])
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


def check_avoid(runner, workdir, keep):
    """Run every AVOID entry's program (one statement a line) both ways."""
    keys = list(AVOID)
    progs = [[Stmt(line, sid=k) for k, line in enumerate(AVOID[key][1].split("\n"))] for key in keys]
    refs = [run_numpy(p) for p in progs]
    outs, crashes, _ = runner.run(list(enumerate(progs)))
    for i, key in enumerate(keys):
        same = i not in crashes and outs.get(i) == refs[i]
        print("%-24s %s" % (key, "nd now matches NumPy: remove the entry" if same else "still differs"))
        if not same:
            for line in difflib.unified_diff(refs[i].splitlines(), outs.get(i, "").splitlines(), "numpy", "nd",
                                             lineterm="", n=0):
                if not line.startswith(("---", "+++", "@@")):
                    print("    " + line)
            if i in crashes:
                print("    nd: " + crashes[i].splitlines()[-1])
    if not keep:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nd", help="path of the nd interpreter")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--keep", metavar="DIR", help="keep the generated files (batches, minimal programs) in DIR")
    ap.add_argument("--jobs", type=int, default=2, help="nd processes at once")
    ap.add_argument("--chunk", type=int, default=150, help="programs per nd file")
    ap.add_argument("--timeout", type=int, default=120, help="seconds allowed per nd file")
    ap.add_argument("--show", type=int, metavar="K", help="print program K (standalone) and its NumPy output")
    ap.add_argument("--only", type=int, metavar="K", help="run program K alone")
    ap.add_argument("--shrink-max", type=int, default=6, help="failing programs to shrink and print")
    ap.add_argument("--shrink-time", type=float, default=40, help="seconds allowed for all shrinking")
    ap.add_argument("--check-avoid", action="store_true",
                    help="run each AVOID entry's program under NumPy and nd and say which still differ")
    opt = ap.parse_args()
    if os.environ.get("PROGEN_SEED"):
        opt.seed = int(os.environ["PROGEN_SEED"])
    if os.environ.get("PROGEN_COUNT"):
        opt.count = int(os.environ["PROGEN_COUNT"])
    if opt.show is None and not opt.nd:  # --show needs no nd
        ap.error("--nd is required")
    return opt


def main():
    opt = parse_args()
    warnings.simplefilter("ignore")  # NumPy's RuntimeWarnings go to stderr: not compared
    np.seterr(all="ignore")
    if opt.show is not None:
        stmts, out = generate(opt.seed, opt.show)
        print(standalone(stmts))
        print("# ---- NumPy output:\n" + "".join("# " + line + "\n" for line in out.splitlines()))
        return 0
    t0 = time.time()
    workdir = opt.keep or tempfile.mkdtemp(prefix="nd_progen_")
    os.makedirs(workdir, exist_ok=True)
    runner = NdRunner(os.path.abspath(opt.nd), workdir, opt.timeout)
    if opt.check_avoid:
        return check_avoid(runner, workdir, opt.keep)
    pids = [opt.only] if opt.only is not None else list(range(opt.count))

    progs, refs, futures = {}, {}, []
    tgen = 0.0
    with ThreadPoolExecutor(max_workers=max(1, opt.jobs)) as pool:
        for k in range(0, len(pids), opt.chunk):
            t = time.time()
            chunk = []
            for pid in pids[k:k + opt.chunk]:
                progs[pid], refs[pid] = generate(opt.seed, pid)
                chunk.append((pid, progs[pid]))
            tgen += time.time() - t
            futures.append(pool.submit(runner.run, chunk))
        tw = time.time()
        outs, crashes, problems = {}, {}, []
        for f in futures:
            o, c, p = f.result()
            outs.update(o)
            crashes.update(c)
            problems.extend(p)
    twait = time.time() - tw

    fails = [pid for pid in pids if pid in crashes or outs.get(pid) != refs[pid]]
    nstmt = sum(len(progs[p]) for p in pids)
    if fails:
        deadline = time.time() + opt.shrink_time
        for pid in fails[:opt.shrink_max]:
            small = shrink(progs[pid], runner, deadline)
            print("=" * 78)
            print("DIFFERENCE in program %d (seed %d; rerun: --seed %d --only %d), shrunk from %d to %d "
                  "statements" % (pid, opt.seed, opt.seed, pid, len(progs[pid]), len(small)))
            print(report(small, runner))
        print("=" * 78)
        if len(fails) > opt.shrink_max:
            print("%d more failing programs not shrunk: %s" % (
                len(fails) - opt.shrink_max, " ".join(map(str, fails[opt.shrink_max:opt.shrink_max + 40]))))
    for p in problems:
        print("PROBLEM: " + p)
    print("numpy_progen: seed %d, %d programs, %d statements; %d differ (%d crashed); %.1fs "
          "(generate+numpy %.1fs, nd waited %.1fs)" % (opt.seed, len(pids), nstmt, len(fails), len(crashes),
                                                      time.time() - t0, tgen, twait))
    ok = not fails and not problems
    print("numpy_progen: PASS" if ok else "numpy_progen: FAIL")
    if not opt.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
