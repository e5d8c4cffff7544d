"""cases.py — the differential case format and its NumPy executor.

Shared by gen.py (which runs the ops while generating, to keep chains
mostly valid), ref.py (the reference run) and run_diff.py (shrinking).

Case file format (one token stream per line, '#' lines ignored):

    case <id> <tag>
    root own <dtype> <C|F> <ndim> <dims...> <hex|->
    root buf <dtype> <rw|ro> <ndim> <dims...> <strides...> <offset> <hex|->
    aux <reg> own|buf ...        (as root: a further array in register <reg>)
    op <dst|-> <src> <name> <args...>
    end

`root own` is an owned array whose memory (in the given order) holds the
bytes; `root buf` is an array over a caller buffer (np.ndarray(buffer=...)
/ nd_from_buf), read-only for `ro`.  Register 0 is the root; an op reads
register <src> and stores its result in register <dst>.  Every op prints
exactly one canonical line (see describe()).  The `idx` op takes the rest
of the line as a NumPy index expression.

Compute ops (issue 3).  An operand spec is a register number, or a Python
scalar `i:<int>` `f:<float.hex>` `c:<re.hex>,<im.hex>` `b:<0|1>`, or `-`
(none).  AXES is `*` (None), `<int>`, or `t<a1>,<a2>...` (a tuple, maybe
empty: `t`).

    ufunc NAME B OUT SWAP     np.NAME(src, B, out=OUT) (B first when SWAP=1)
    red NAME AXES KEEP DDOF DT  reductions (DT `-` for default)
    getitem EXPR              src[EXPR], `{k}` = register k
    setitem VAL EXPR          src[EXPR] = VAL
    nonzero K                 np.nonzero(src)[K]
    where X Y                 np.where(src, X, Y)
    take IDX AXIS             np.take(src, IDX, axis)
    compress COND AXIS        np.compress(COND, src, axis)
    concat B AXIS / stack B AXIS
    sort AXIS KIND / argsort AXIS KIND
    unique FLAGS WHICH        FLAGS bits: 1 index 2 inverse 4 counts 8 equal_nan=False
    clip LO HI OUT            isclose B EQNAN   allclose B EQNAN   array_equal B EQNAN
"""
import ctypes
import re
import warnings

import numpy as np
from numpy.lib.stride_tricks import DummyArray, as_strided, sliding_window_view

try:
    from numpy.core._multiarray_tests import internal_overlap
except ImportError:  # pragma: no cover - present in NumPy 1.24
    internal_overlap = None

warnings.simplefilter("ignore")
np.seterr(all="ignore")


class Op:
    __slots__ = ("dst", "src", "name", "args")

    def __init__(self, dst, src, name, args):
        self.dst, self.src, self.name, self.args = dst, src, name, list(args)

    def line(self):
        d = "-" if self.dst is None else str(self.dst)
        if self.name in ("idx", "getitem"):
            return "op %s %d %s %s" % (d, self.src, self.name, self.args[0])
        if self.name == "setitem":
            return "op %s %d setitem %s %s" % (d, self.src, self.args[0], self.args[1])
        return " ".join(["op", d, str(self.src), self.name] + [str(x) for x in self.args])

    def regs_read(self):
        """Registers this op reads (src, plus the second operand of binary ops)."""
        r = [self.src]
        for i in self.reg_positions():
            r.append(int(self.args[i]))
        if self.name in ("getitem", "setitem"):
            r += [int(k) for k in PLACEHOLDER.findall(self.args[-1])]
        return r

    def reg_positions(self):
        """Indices in args that hold register numbers."""
        pos = REGARGS.get(self.name, ())
        if self.name in BINARY:
            pos = (0,)
        return [i for i in pos if i < len(self.args) and is_reg(self.args[i])]


BINARY = ("shares", "mayshare", "copyto")
# Args that are operand specs (register numbers when they are integers).
REGARGS = {"ufunc": (1, 2), "setitem": (0,), "where": (0, 1), "take": (0,), "compress": (0,),
           "concat": (0,), "stack": (0,), "clip": (0, 1, 2), "isclose": (0,), "allclose": (0,),
           "array_equal": (0,)}
# Ops that write into an existing array.
MUTATING_COMPUTE = ("setitem",)
PLACEHOLDER = re.compile(r"\{(\d+)\}")


def is_reg(tok):
    return str(tok).isdigit()


def writes_into(op):
    """Does op write into an existing array (out=, setitem)?"""
    if op.name in ("ufunc", "clip"):
        return is_reg(op.args[-2 if op.name == "ufunc" else -1])
    return op.name in MUTATING_COMPUTE


class Case:
    """root: dict(kind='own'|'buf', dtype, shape, order (own), strides, offset,
    ro (buf), data=bytes of the whole memory block)."""

    def __init__(self, cid, tag, root, ops, aux=None):
        self.id, self.tag, self.root, self.ops = cid, tag, root, ops
        self.aux = aux or []  # [(register, root dict)]

    def text(self):
        lines = ["case %d %s" % (self.id, self.tag), root_text("root", self.root)]
        lines += [root_text("aux %d" % reg, r) for reg, r in self.aux]
        lines += [op.line() for op in self.ops]
        lines.append("end")
        return "\n".join(lines) + "\n"


def root_text(word, r):
    hx = r["data"].hex() or "-"
    dims = " ".join(str(d) for d in r["shape"])
    if r["kind"] == "own":
        head = word + " own %s %s %d %s %s" % (r["dtype"], r["order"], len(r["shape"]), dims, hx)
    else:
        st = " ".join(str(s) for s in r["strides"])
        head = word + " buf %s %s %d %s %s %d %s" % (
            r["dtype"], "ro" if r["ro"] else "rw", len(r["shape"]), dims, st, r["offset"], hx)
    return head.replace("  ", " ")


def parse_file(text):
    cases, cur = [], None
    for raw in text.splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        t = raw.split()
        if t[0] == "case":
            cur = Case(int(t[1]), t[2] if len(t) > 2 else "", None, [])
        elif t[0] == "root":
            cur.root = parse_root(t)
        elif t[0] == "aux":
            cur.aux.append((int(t[1]), parse_root(t[1:])))
        elif t[0] == "op":
            dst = None if t[1] == "-" else int(t[1])
            if t[3] in ("idx", "getitem"):
                expr = raw.split(None, 4)[4].strip() if len(t) > 4 else ""
                cur.ops.append(Op(dst, int(t[2]), t[3], [expr]))
            elif t[3] == "setitem":
                expr = raw.split(None, 5)[5].strip() if len(t) > 5 else ""
                cur.ops.append(Op(dst, int(t[2]), t[3], [t[4], expr]))
            else:
                cur.ops.append(Op(dst, int(t[2]), t[3], t[4:]))
        elif t[0] == "end":
            cases.append(cur)
            cur = None
    return cases


def parse_root(t):
    kind, dt = t[1], t[2]
    if kind == "own":
        order, nd = t[3], int(t[4])
        shape = tuple(int(x) for x in t[5:5 + nd])
        hx = t[5 + nd]
        return dict(kind="own", dtype=dt, order=order, shape=shape,
                    data=b"" if hx == "-" else bytes.fromhex(hx))
    ro, nd = t[3] == "ro", int(t[4])
    shape = tuple(int(x) for x in t[5:5 + nd])
    strides = tuple(int(x) for x in t[5 + nd:5 + 2 * nd])
    off, hx = int(t[5 + 2 * nd]), t[6 + 2 * nd]
    return dict(kind="buf", dtype=dt, ro=ro, shape=shape, strides=strides, offset=off,
                data=b"" if hx == "-" else bytes.fromhex(hx))


# ---------------------------------------------------------------- execution


class Ctx:
    """Per-case state: registers and the start address of external memory."""

    def __init__(self):
        self.regs = {}
        self.ext = {}  # id(external buffer object) -> its start address
        self.keep = []  # keeps external buffers alive


def make_root(ctx, r):
    dt = np.dtype(r["dtype"])
    if r["kind"] == "own":
        a = np.empty(r["shape"], dt, order=r["order"])
        if r["data"]:
            ctypes.memmove(a.ctypes.data, r["data"], len(r["data"]))
        return a
    buf = bytes(r["data"]) if r["ro"] else bytearray(r["data"])
    ctx.keep.append(buf)
    ctx.ext[id(buf)] = (np.frombuffer(buf, np.uint8).ctypes.data if len(buf) else 0, len(buf))
    return np.ndarray(r["shape"], dt, buffer=buf, offset=r["offset"], strides=r["strides"])


def make_aux(ctx, case):
    """Aux arrays print no line; a failing one leaves its register dead."""
    for reg, r in case.aux:
        try:
            ctx.regs[reg] = make_root(ctx, r)
        except Exception:
            ctx.regs[reg] = None


def ints(args):
    return [int(x) for x in args]


def index_of(expr):
    """NumPy index tuple for expr, with a trailing ... when it has none so an
    all-integer index gives a 0-d view (as nd_index does) not a scalar."""
    t = eval("np.s_[" + expr + "]", {"np": np})
    if not isinstance(t, tuple):
        t = (t,)
    if not any(x is Ellipsis for x in t):
        t = t + (Ellipsis,)
    return t


def counted(args):
    """'k a1..ak' -> list; '*' -> None."""
    if args[0] == "*":
        return None
    k = int(args[0])
    return ints(args[1:1 + k])


class UnsafeCase(Exception):
    """A case the C driver must not run (it would read outside memory)."""


def run_unary(a, name, args, ctx=None):
    if name == "idx":
        return a[index_of(args[0])]
    if name == "T":
        return a.T
    if name == "transpose":
        return a.transpose(ints(args))
    if name == "swapaxes":
        return a.swapaxes(int(args[0]), int(args[1]))
    if name == "moveaxis":
        k = int(args[0])
        return np.moveaxis(a, ints(args[1:1 + k]), ints(args[1 + k:1 + 2 * k]))
    if name == "squeeze":
        ax = counted(args)
        return a.squeeze() if ax is None else a.squeeze(axis=tuple(ax))
    if name == "expand_dims":
        return np.expand_dims(a, tuple(counted(args)))
    if name == "reshape":
        return a.reshape(tuple(counted(args[1:])), order=args[0])
    if name == "ravel":
        return a.ravel(args[0])
    if name == "flatten":
        return a.flatten(args[0])
    if name == "view":
        return a.view()
    if name == "viewdt":
        return a.view(np.dtype(args[0]))
    if name == "copy":
        return a.copy(args[0])
    if name == "astype":
        return a.astype(np.dtype(args[0]), order=args[1], casting=args[2], copy=args[3] == "1")
    if name == "ascontig":
        return np.ascontiguousarray(a)
    if name == "asfortran":
        return np.asfortranarray(a)
    if name == "byteswap":
        return a.byteswap(inplace=args[0] == "1")
    if name == "newbyteorder":
        return a.newbyteorder(args[0])
    if name == "broadcast_to":
        return np.broadcast_to(a, tuple(counted(args)))
    if name == "swv":  # swv <writeable> k w1..wk (m a1..am | *)
        k = int(args[1])
        ws = ints(args[2:2 + k])
        ax = counted(args[2 + k:])
        return sliding_window_view(a, ws, axis=None if ax is None else tuple(ax), writeable=args[0] == "1")
    if name == "as_strided":
        k = int(args[0])
        shape, strides = ints(args[1:1 + k]), ints(args[1 + k:1 + 2 * k])
        if ctx is not None and not strided_in_bounds(ctx, a, shape, strides):
            raise UnsafeCase("as_strided outside its buffer")
        return as_strided(a, shape, strides)
    if name == "setw":
        a.flags.writeable = args[0] == "1"
        return a
    raise KeyError("unknown op " + name)


def run_op(ctx, op):
    """Execute op; returns ('arr', array, src) / ('res', text) / ('skip',).
    Exceptions propagate to the caller."""
    regs = ctx.regs
    for r in op.regs_read():
        if regs.get(r) is None:
            if op.dst is not None:
                regs[op.dst] = None
            return ("skip",)
    a = regs[op.src]
    if op.name == "check":
        return ("arr", a, None)
    if op.name in ("shares", "mayshare"):
        b = regs[int(op.args[0])]
        if op.name == "mayshare":
            return ("res", "1" if np.may_share_memory(a, b) else "0")
        return ("res", "1" if np.shares_memory(a, b, max_work=int(op.args[1])) else "0")
    if op.name == "copyto":
        np.copyto(a, regs[int(op.args[0])], casting=op.args[1])
        return ("res", "ok")
    if op.name == "intov":
        return ("res", "1" if internal_overlap(a) else "0")
    if op.dst is not None:
        regs[op.dst] = None  # dead unless the op succeeds
    if op.name in COMPUTE:
        r = run_compute(ctx, a, op.name, op.args)
        if isinstance(r, str):
            return ("res", r)
        scalar = not isinstance(r, np.ndarray)
        if scalar:
            r = np.asarray(r)  # NumPy scalars: nd gives 0-d arrays
        if op.dst is not None:
            regs[op.dst] = r
        return ("arr", r, a, scalar)
    r = run_unary(a, op.name, op.args, ctx)
    if op.dst is not None:
        regs[op.dst] = r
    return ("arr", r, a)


# ---------------------------------------------------------------- compute ops

COMPUTE = ("ufunc", "red", "getitem", "setitem", "nonzero", "where", "take", "compress", "concat", "stack",
           "sort", "argsort", "unique", "clip", "isclose", "allclose", "array_equal")
# Ops whose float results may differ from NumPy's by a few ulp (NumPy's SIMD
# transcendental functions against glibc's).
INEXACT_UFUNCS = ("sqrt", "exp", "log", "sin", "cos", "power")


def scalar_of(tok):
    """The Python scalar of an `i:` `f:` `c:` `b:` spec."""
    k, v = tok[0], tok[2:]
    if k == "i":
        return int(v)
    if k == "f":
        return float.fromhex(v)
    if k == "c":
        re_, im = v.split(",")
        return complex(float.fromhex(re_), float.fromhex(im))
    if k == "b":
        return v == "1"
    raise ValueError("bad scalar spec " + tok)


def scalar_spec(x):
    if isinstance(x, bool):
        return "b:%d" % x
    if isinstance(x, int):
        return "i:%d" % x
    if isinstance(x, float):
        return "f:" + x.hex()
    return "c:%s,%s" % (x.real.hex(), x.imag.hex())


def operand(ctx, tok):
    if tok == "-":
        return None
    if is_reg(tok):
        return ctx.regs[int(tok)]
    return scalar_of(tok)


def axes_of(tok):
    if tok == "*":
        return None
    if tok.startswith("t"):
        return tuple(int(x) for x in tok[1:].split(",") if x)
    return int(tok)


def index_with(ctx, expr):
    """A NumPy index with `{k}` standing for register k."""
    R = ctx.regs
    t = eval("np.s_[" + PLACEHOLDER.sub(lambda m: "R[%s]" % m.group(1), expr) + "]", {"np": np, "R": R})
    if not isinstance(t, tuple):
        t = (t,)
    return t  # no trailing ... here: NumPy's setitem treats a[i, ...] and a[i] differently


def run_red(a, name, axes, keep, ddof, dt):
    kw = {} if dt is None else {"dtype": dt}
    if name in ("argmin", "argmax"):
        return getattr(np, name)(a, axis=axes, keepdims=keep)
    if name in ("cumsum", "cumprod"):
        return getattr(np, name)(a, axis=axes, **kw)
    if name in ("var", "std"):
        return getattr(np, name)(a, axis=axes, ddof=ddof, keepdims=keep, **kw)
    if name in ("amin", "amax", "any", "all", "count_nonzero"):
        return getattr(np, name)(a, axis=axes, keepdims=keep)
    return getattr(np, name)(a, axis=axes, keepdims=keep, **kw)


def run_compute(ctx, a, name, args):
    """Result array, or a string for a `res` result."""
    if name == "ufunc":
        x, y = a, operand(ctx, args[1])
        if args[3] == "1":
            x, y = y, x
        out = operand(ctx, args[2])
        f = getattr(np, args[0])
        ins = (x,) if y is None and args[3] != "1" else (x, y)
        return f(*ins) if out is None else f(*ins, out=out)
    if name == "red":
        dt = None if args[4] == "-" else np.dtype(args[4])
        return run_red(a, args[0], axes_of(args[1]), args[2] == "1", int(args[3]), dt)
    if name == "getitem":
        return a[index_with(ctx, args[0])]
    if name == "setitem":
        a[index_with(ctx, args[1])] = operand(ctx, args[0])
        return "ok"
    if name == "nonzero":
        return np.nonzero(a)[int(args[0])]
    if name == "where":
        return np.where(a, operand(ctx, args[0]), operand(ctx, args[1]))
    if name == "take":
        return np.take(a, operand(ctx, args[0]), axis=axes_of(args[1]))
    if name == "compress":
        return np.compress(operand(ctx, args[0]), a, axis=axes_of(args[1]))
    if name in ("concat", "stack"):
        f = np.concatenate if name == "concat" else np.stack
        return f([a, operand(ctx, args[0])], axis=axes_of(args[1]))
    if name in ("sort", "argsort"):
        kind = None if args[1] == "-" else args[1]
        return getattr(np, name)(a, axis=axes_of(args[0]), kind=kind)
    if name == "unique":
        fl = int(args[0])
        r = np.unique(a, return_index=bool(fl & 1), return_inverse=bool(fl & 2), return_counts=bool(fl & 4),
                      equal_nan=not fl & 8)
        if not isinstance(r, tuple):
            return r
        which = [0] + [i + 1 for i in range(3) if fl & (1 << i)]
        return r[which.index(int(args[1]))]
    if name == "clip":
        lo, hi, out = (operand(ctx, t) for t in args[:3])
        return np.clip(a, lo, hi) if out is None else np.clip(a, lo, hi, out=out)
    if name == "isclose":
        return np.isclose(a, operand(ctx, args[0]), equal_nan=args[1] == "1")
    if name == "allclose":
        return "1" if np.allclose(a, operand(ctx, args[0]), equal_nan=args[1] == "1") else "0"
    if name == "array_equal":
        return "1" if np.array_equal(a, operand(ctx, args[0]), equal_nan=args[1] == "1") else "0"
    raise KeyError("unknown op " + name)


# ---------------------------------------------------------------- description


def esc(s):
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def mem_block(ctx, a):
    """(start address, size) of the memory block a's data lies in."""
    x = a
    while True:
        b = x.base
        if b is None:
            return x.__array_interface__["data"][0], x.nbytes
        if isinstance(b, (np.ndarray, DummyArray)):
            x = b
            continue
        return ctx.ext.get(id(b), (0, 0))


def mem_start(ctx, a):
    return mem_block(ctx, a)[0]


def strided_in_bounds(ctx, a, shape, strides):
    """Would as_strided(a, shape, strides) stay inside a's memory block?"""
    if any(n < 0 for n in shape) or len(shape) != len(strides):
        return False
    if 0 in shape:
        return True
    start, size = mem_block(ctx, a)
    p = a.__array_interface__["data"][0] - start
    lo = p + sum(s * (n - 1) for n, s in zip(shape, strides) if s < 0)
    hi = p + sum(s * (n - 1) for n, s in zip(shape, strides) if s > 0) + a.itemsize
    return lo >= 0 and hi <= size


def flags_str(a):
    f = a.flags
    return "".join(c if on else "-" for c, on in (
        ("C", f.c_contiguous), ("F", f.f_contiguous), ("O", f.owndata), ("W", f.writeable),
        ("A", f.aligned)))


def describe(ctx, a, src, text=True):
    root = ctx.regs[0]
    addr = a.__array_interface__["data"][0]
    out = [("dt", a.dtype.str), ("shape", str(tuple(a.shape))), ("strides", str(tuple(a.strides))),
           ("off", str(addr - mem_start(ctx, a))), ("flags", flags_str(a)),
           ("base", "None" if a.base is None else "obj"),
           ("same", "-" if src is None else ("1" if a is src else "0"))]
    try:
        out.append(("shares", "1" if np.shares_memory(a, root) else "0"))
    except Exception as e:  # TooHardError cannot happen unbounded, but be safe
        out.append(("shares", "E:" + type(e).__name__))
    out.append(("bytes", a.tobytes().hex()))
    if text:
        out.append(("str", esc(str(a))))
        out.append(("repr", esc(repr(a))))
    return out


def step_fields(ctx, op, text=True):
    """Run op and return its canonical fields (list of (name, value))."""
    try:
        r = run_op(ctx, op)
    except UnsafeCase:
        raise
    except Exception as e:  # the reference's error is part of the output
        return [("err", type(e).__name__), ("msg", esc(str(e)))]
    if r[0] == "skip":
        return [("skip", "1")]
    if r[0] == "res":
        return [("res", r[1])]
    if len(r) > 3 and r[3]:  # a NumPy scalar: its byte order is always native
        return describe(ctx, r[1], r[2], text) + [("scalar", "1")]
    return describe(ctx, r[1], r[2], text)


def format_line(cid, step, name, fields):
    return "%d:%d\t%s\t%s" % (cid, step, name, "\t".join("%s=%s" % kv for kv in fields))


def run_case(case, text=True):
    """All output lines of one case (step 0 describes the root)."""
    ctx = Ctx()
    lines = []
    try:
        ctx.regs[0] = make_root(ctx, case.root)
        lines.append(format_line(case.id, 0, "root", describe(ctx, ctx.regs[0], None, text)))
    except Exception as e:
        lines.append(format_line(case.id, 0, "root", [("err", type(e).__name__), ("msg", esc(str(e)))]))
    make_aux(ctx, case)
    for i, op in enumerate(case.ops, 1):
        lines.append(format_line(case.id, i, op.name, step_fields(ctx, op, text)))
    return lines
