"""cases.py — the differential case format and its NumPy executor.

Shared by gen.py (which runs the ops while generating, to keep chains
mostly valid), ref.py (the reference run) and run_diff.py (shrinking).

Case file format (one token stream per line, '#' lines ignored):

    case <id> <tag>
    root own <dtype> <C|F> <ndim> <dims...> <hex|->
    root buf <dtype> <rw|ro> <ndim> <dims...> <strides...> <offset> <hex|->
    op <dst|-> <src> <name> <args...>
    end

`root own` is an owned array whose memory (in the given order) holds the
bytes; `root buf` is an array over a caller buffer (np.ndarray(buffer=...)
/ nd_from_buf), read-only for `ro`.  Register 0 is the root; an op reads
register <src> and stores its result in register <dst>.  Every op prints
exactly one canonical line (see describe()).  The `idx` op takes the rest
of the line as a NumPy index expression.
"""
import ctypes
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
        if self.name == "idx":
            return "op %s %d idx %s" % (d, self.src, self.args[0])
        return " ".join(["op", d, str(self.src), self.name] + [str(x) for x in self.args])

    def regs_read(self):
        """Registers this op reads (src, plus the second operand of binary ops)."""
        r = [self.src]
        if self.name in BINARY:
            r.append(int(self.args[0]))
        return r


BINARY = ("shares", "mayshare", "copyto")


class Case:
    """root: dict(kind='own'|'buf', dtype, shape, order (own), strides, offset,
    ro (buf), data=bytes of the whole memory block)."""

    def __init__(self, cid, tag, root, ops):
        self.id, self.tag, self.root, self.ops = cid, tag, root, ops

    def text(self):
        r = self.root
        hx = r["data"].hex() or "-"
        dims = " ".join(str(d) for d in r["shape"])
        if r["kind"] == "own":
            head = "root own %s %s %d %s %s" % (r["dtype"], r["order"], len(r["shape"]), dims, hx)
        else:
            st = " ".join(str(s) for s in r["strides"])
            head = "root buf %s %s %d %s %s %d %s" % (
                r["dtype"], "ro" if r["ro"] else "rw", len(r["shape"]), dims, st, r["offset"], hx)
        lines = ["case %d %s" % (self.id, self.tag), head.replace("  ", " ")]
        lines += [op.line() for op in self.ops]
        lines.append("end")
        return "\n".join(lines) + "\n"


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
        elif t[0] == "op":
            dst = None if t[1] == "-" else int(t[1])
            if t[3] == "idx":
                expr = raw.split(None, 4)[4].strip() if len(t) > 4 else ""
                cur.ops.append(Op(dst, int(t[2]), "idx", [expr]))
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
    r = run_unary(a, op.name, op.args, ctx)
    if op.dst is not None:
        regs[op.dst] = r
    return ("arr", r, a)


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
    for i, op in enumerate(case.ops, 1):
        lines.append(format_line(case.id, i, op.name, step_fields(ctx, op, text)))
    return lines
