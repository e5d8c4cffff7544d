#!/usr/bin/python3
"""gen.py — random differential cases for libnd vs NumPy (format: cases.py).

Each case is a base array (any built-in dtype, either byte order, 0-4 dims
with zero-size and size-1 dims, arange or random values, owned or over a
strided/offset/read-only buffer) and a chain of ops.  The generator runs
the ops in NumPy as it goes, so most ops are valid for the array they get;
a few percent are deliberately invalid to compare errors.

Families: chain (1-5 unary ops), share (two views of one base, then
shares_memory / may_share_memory), copyto (copyto between views of one
base, often overlapping, then the values are checked), and the compute
families of gen_compute.py: ufunc, reduce, fancy, misc.

    gen.py [--seed N] [--count N] [--ops idx,T,...] [--families chain,...]
           [--bad P] [-o FILE]
"""
import argparse
import random
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree

import numpy as np

import cases as C
from gen_compute import ComputeGen

DTYPES = ["|b1", "|i1", "|u1", "<i2", ">i2", "<u2", ">u2", "<i4", ">i4", "<u4", ">u4", "<i8", ">i8",
          "<u8", ">u8", "<f2", ">f2", "<f4", ">f4", "<f8", ">f8", "<c8", ">c8", "<c16", ">c16"]
COMMON = ["<i4", "<i8", "<f8", ">i4", "<f4", "|u1", "<i2", ">f8", "|b1", "<c16"]
FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, -2.25, 3.0, 7.0, 0.1, 1 / 3, -1e-5, 1e10, 1.5e20, 123456.789,
          65504.0, 1e-300, 2.0 ** -24, float("nan"), float("inf"), float("-inf")]
UNARY = ["idx", "T", "transpose", "swapaxes", "moveaxis", "squeeze", "expand_dims", "reshape", "ravel",
         "flatten", "view", "viewdt", "copy", "astype", "ascontig", "asfortran", "byteswap",
         "newbyteorder", "broadcast_to", "swv", "as_strided", "setw", "intov"]
WEIGHTS = {"idx": 8, "T": 3, "transpose": 3, "swapaxes": 2, "moveaxis": 2, "squeeze": 2,
           "expand_dims": 2, "reshape": 6, "ravel": 3, "flatten": 2, "view": 1, "viewdt": 3,
           "copy": 3, "astype": 4, "ascontig": 2, "asfortran": 2, "byteswap": 2, "newbyteorder": 2,
           "broadcast_to": 2, "swv": 2, "as_strided": 2, "setw": 2, "intov": 1}
# Ops that give views (used for the share/copyto families).
VIEWISH = ["idx", "idx", "idx", "T", "transpose", "swapaxes", "reshape", "ravel", "viewdt", "squeeze",
           "expand_dims", "newbyteorder", "as_strided", "swv", "broadcast_to"]
MAXSIZE = 300


class Gen(ComputeGen):
    def __init__(self, seed, ops, bad):
        self.r = random.Random(seed)
        self.ops = ops
        self.bad_p = bad

    def bad(self):
        return self.r.random() < self.bad_p

    def chance(self, p):
        return self.r.random() < p

    # ------------------------------------------------------------ base array

    def dtype(self):
        return self.r.choice(COMMON if self.chance(0.4) else DTYPES)

    def shape(self, maxnd=4):
        nd = self.r.choices(range(maxnd + 1), [1, 3, 4, 3, 1][:maxnd + 1])[0]
        dims = [self.r.choice([1, 1, 2, 2, 3, 3, 4, 5, 6]) for _ in range(nd)]
        if nd and self.chance(0.06):
            dims[self.r.randrange(nd)] = 0
        while np.prod(dims, dtype=np.int64) > 120:
            i = max(range(nd), key=lambda j: dims[j])
            dims[i] //= 2
        return tuple(dims)

    def values(self, n, dt, arange):
        """n values of dtype dt as bytes (NumPy does the conversion)."""
        dt = np.dtype(dt)
        if arange or n == 0:
            base = np.arange(n)
            return ((base % 2).astype(dt) if dt.kind == "b" else base.astype(dt)).tobytes()
        if dt.kind == "b":
            return bytes(self.r.randrange(2) for _ in range(n))
        if dt.kind in "iu":
            if self.chance(0.5):
                return self.r.getrandbits(8 * n * dt.itemsize).to_bytes(n * dt.itemsize, "little")
            return np.array([self.r.randint(-20, 20) for _ in range(n)]).astype(dt).tobytes()
        pick = lambda: self.r.choice(FLOATS) if self.chance(0.5) else self.r.randint(-40, 40) / 4
        if dt.kind == "f":
            return np.array([pick() for _ in range(n)]).astype(dt).tobytes()
        return np.array([complex(pick(), pick()) for _ in range(n)]).astype(dt).tobytes()

    def root(self, maxnd=4, writeable=False, dt=None, shape=None, own=0.7, arange=None):
        dt = dt or self.dtype()
        shape = self.shape(maxnd) if shape is None else tuple(shape)
        isz = np.dtype(dt).itemsize
        n = int(np.prod(shape, dtype=np.int64))
        arange = self.chance(0.4) if arange is None else arange
        if self.chance(own):
            return dict(kind="own", dtype=dt, order="F" if self.chance(0.25) else "C", shape=shape,
                        data=self.values(n, dt, arange))
        # A strided view over a caller buffer: permuted, stepped, flipped axes.
        perm = list(range(len(shape)))
        self.r.shuffle(perm)
        strides = [0] * len(shape)
        step = isz
        for ax in reversed(perm):
            strides[ax] = step * self.r.choice([1, 1, 1, 2]) * (-1 if self.chance(0.3) else 1)
            step = abs(strides[ax]) * max(shape[ax], 1)
        if isz > 1 and self.chance(0.05):
            strides = [s + (1 if s > 0 else -1) for s in strides]  # misaligned strides
        lo = sum(s * (d - 1) for s, d in zip(strides, shape) if s < 0 and d > 0)
        hi = sum(s * (d - 1) for s, d in zip(strides, shape) if s > 0 and d > 0) + isz
        off = -lo + self.r.choice([0, 0, isz, 2 * isz])
        if isz > 1 and self.chance(0.1):
            off += self.r.randrange(1, isz)  # misaligned data
        size = off + hi + self.r.choice([0, 0, isz])
        nvals = size // isz + 2
        data = self.values(nvals, dt, arange)[:size]
        ro = not writeable and self.chance(0.25)
        return dict(kind="buf", dtype=dt, ro=ro, shape=shape, strides=tuple(strides), offset=off,
                    data=data)

    # ------------------------------------------------------------ op arguments

    def axis(self, nd, extra=0):
        """A valid axis for nd dims (sometimes negative); invalid if bad()."""
        if self.bad() or nd + extra == 0:
            return self.r.choice([nd + extra, -(nd + extra) - 1, nd + extra + 2])
        a = self.r.randrange(nd + extra)
        return a - nd - extra if self.chance(0.3) else a

    def index_expr(self, a):
        nd = a.ndim
        ell = self.chance(0.3)
        k = self.r.randint(0, nd) if (ell or nd == 0) else self.r.randint(1, nd)
        if self.bad():
            k = nd + 1
        split = self.r.randint(0, k) if ell else k
        axes = list(range(split)) + list(range(nd - (k - split), nd))
        terms = []
        for ax in axes:
            n = a.shape[ax] if 0 <= ax < nd else 3
            if n > 0 and self.chance(0.3) or (self.bad() and self.chance(0.5)):
                i = self.r.randrange(n) if n > 0 else 0
                if self.bad():
                    i = n + self.r.randint(0, 2)
                terms.append(str(i - n if self.chance(0.35) else i))
            else:
                terms.append(self.slice_expr(n))
        if ell:
            terms.insert(split, "...")
            if self.bad():
                terms.insert(0, "...")
        for _ in range(self.r.choice([0, 0, 0, 1, 1, 2])):
            terms.insert(self.r.randint(0, len(terms)), "None")
        return ", ".join(terms) if terms else "..."

    def slice_expr(self, n):
        def bound():
            if self.chance(0.35):
                return ""
            return str(self.r.randint(-n - 2, n + 2))
        step = self.r.choice(["", "", "1", "-1", "2", "-2", "3", "-3"])
        if self.bad() and self.chance(0.3):
            step = "0"
        s = bound() + ":" + bound()
        return s + (":" + step if step else "")

    def new_shape(self, n):
        """A random shape with n elements (sometimes with -1)."""
        if n == 0:
            dims = [self.r.choice([0, 1, 2, 3]) for _ in range(self.r.randint(1, 3))]
            dims[self.r.randrange(len(dims))] = 0
            return dims
        f, m, p = [], n, 2
        while m > 1:
            while m % p == 0:
                f.append(p)
                m //= p
            p += 1
        nd = self.r.randint(1 if n > 1 else 0, 4)
        dims = [1] * nd
        for x in f:
            if nd == 0:
                dims, nd = [1], 1
            dims[self.r.randrange(nd)] *= x
        if nd and self.chance(0.3):
            dims[self.r.randrange(nd)] = -1
        if self.bad() and dims:
            dims[self.r.randrange(len(dims))] += 1
        return dims

    def bcast_shape(self, a):
        dims = [self.r.choice([1, 2, 3]) for _ in range(self.r.choice([0, 0, 1, 2]))]
        big = a.size and self.chance(0.08)  # > 1000 elements: repr summarises
        if big:
            dims.insert(0, 1001 // a.size + self.r.randint(1, 40))
        for d in a.shape:
            dims.append(self.r.choice([0, 1, 2, 3, 4]) if d == 1 else d)
        if self.bad() and dims:
            dims[self.r.randrange(len(dims))] += 2
        if np.prod(dims, dtype=np.int64) > (4000 if big else MAXSIZE):
            return list(a.shape)
        return dims

    def safe_cast_target(self, a, dt):
        """Avoid float->int casts of nan/inf/out-of-range values (C UB,
        platform-specific in NumPy); pick a float type instead."""
        t = np.dtype(dt)
        if a.dtype.kind in "fc" and t.kind in "iu" and a.size:
            v = np.asarray(a).real.astype(np.float64)
            info = np.iinfo(t)
            if not np.all(np.isfinite(v)) or v.min() <= info.min - 1.0 or v.max() >= info.max + 1.0:
                return self.r.choice(["<f8", ">f4", "<f2"])
        return dt

    def args(self, name, a, ctx):
        """Arguments for op `name` applied to array a, or None to skip."""
        nd = a.ndim
        r = self.r
        if name == "idx":
            return [self.index_expr(a)]
        if name in ("T", "view", "ascontig", "asfortran", "intov"):
            return []
        if name == "transpose":
            p = list(range(nd))
            r.shuffle(p)
            p = [x - nd if self.chance(0.2) else x for x in p]
            if self.bad() and nd:
                p[r.randrange(nd)] = r.choice([p[0], nd, -nd - 1])
            return p
        if name == "swapaxes":
            return [self.axis(nd), self.axis(nd)]
        if name == "moveaxis":
            if nd == 0:
                return None
            k = r.randint(1, min(nd, 3))
            src, dst = r.sample(range(nd), k), r.sample(range(nd), k)
            if self.bad():
                (src if self.chance(0.5) else dst)[0] = r.choice([nd, -nd - 1] + ([src[-1]] * (k > 1)))
            return [k] + src + dst
        if name == "squeeze":
            if self.chance(0.5):
                return ["*"]
            ones = [i for i in range(nd) if a.shape[i] == 1]
            ax = r.sample(ones, r.randint(0, len(ones)))
            if self.bad() and nd:
                ax.append(self.axis(nd))
            return [len(ax)] + [x - nd if self.chance(0.3) else x for x in ax]
        if name == "expand_dims":
            k = r.choice([1, 1, 2])
            ax = [x - nd - k if self.chance(0.3) else x for x in r.sample(range(nd + k), k)]
            if self.bad():
                ax[-1] = r.choice([ax[0], nd + k, -nd - k - 1])
            return [k] + ax
        if name == "reshape":
            dims = self.new_shape(a.size)
            return [r.choice("CCCFFA"), len(dims)] + dims
        if name in ("ravel", "flatten", "copy"):
            return [r.choice("CFAK")]
        if name == "viewdt":
            same = [d for d in DTYPES if np.dtype(d).itemsize == a.itemsize]
            return [r.choice(same) if self.chance(0.6) else r.choice(DTYPES)]
        if name == "astype":
            dt = self.safe_cast_target(a, r.choice(DTYPES))
            cast = "unsafe" if self.chance(0.85) else r.choice(["no", "equiv", "safe", "same_kind"])
            return [dt, r.choice("CFAK"), cast, "0" if self.chance(0.3) else "1"]
        if name == "byteswap":
            return ["1" if self.chance(0.25) else "0"]
        if name == "newbyteorder":
            return [r.choice("SSSSS<>=|")] if not self.bad() else ["x"]
        if name == "broadcast_to":
            dims = self.bcast_shape(a)
            return [len(dims)] + dims
        if name == "swv":
            return self.swv_args(a)
        if name == "as_strided":
            return self.strided_args(a, ctx)
        if name == "setw":
            return ["1" if self.chance(0.4) else "0"]
        raise KeyError(name)

    def swv_args(self, a):
        nd, r = a.ndim, self.r
        w = "1" if self.chance(0.3) else "0"
        for _ in range(8):
            if nd == 0 or self.chance(0.4):
                k = nd if not (self.bad() and nd > 1) else nd - 1
                ax = None
                ws = [r.randint(0, a.shape[i]) if a.shape[i] else 0 for i in range(k)]
            else:
                k = r.randint(1, min(nd, 2))
                ax = [r.randrange(nd) for _ in range(k)]
                ws = [r.randint(0, a.shape[i]) for i in ax]
            if self.bad() and ws:
                ws[-1] = r.choice([-1, 99])
            n = 1
            for i in range(nd):
                n *= a.shape[i]
            if n * max(1, int(np.prod(ws, dtype=np.int64))) <= MAXSIZE * 2:
                break
        axes = ["*"] if ax is None else [k] + [x - nd if self.chance(0.3) else x for x in ax]
        return [w, k] + ws + axes

    def strided_args(self, a, ctx):
        r, isz = self.r, a.itemsize
        for _ in range(12):
            k = r.randint(1, 3)
            shape = [r.choice([0, 1, 2, 2, 3, 3, 4]) if self.chance(0.9) else 5 for _ in range(k)]
            strides = [isz * r.choice([0, 1, 1, 2, -1, 3, -2]) for _ in range(k)]
            if ctx is not None and C.strided_in_bounds(ctx, a, shape, strides):
                return [k] + shape + strides
        return [1, 0, isz]

    # ------------------------------------------------------------ cases

    def unary(self, ctx, ops, src, dst, names):
        """Append one op on register src (writing dst) and run it."""
        a = ctx.regs.get(src)
        if a is None:
            return False
        for _ in range(4):
            name = self.r.choices(names, [WEIGHTS[n] for n in names])[0]
            args = self.args(name, a, ctx)
            if args is not None:
                break
        else:
            return False
        op = C.Op(None if name == "intov" else dst, src, name, args)
        ops.append(op)
        self.run(ctx, op)
        return op.dst is not None and ctx.regs.get(dst) is not None

    def chain(self, cid):
        root = self.root()
        ctx, ops = C.Ctx(), []
        ctx.regs[0] = C.make_root(ctx, root)
        cur, reg = 0, 1
        for _ in range(self.r.randint(1, 5)):
            if self.unary(ctx, ops, cur, reg, self.ops):
                cur = reg
            reg += 1
        if any(o.name in ("byteswap", "setw") for o in ops):
            ops.append(C.Op(None, 0, "check", []))
        return C.Case(cid, "chain", root, ops)

    def run(self, ctx, op):
        try:
            C.run_op(ctx, op)
        except Exception:  # an error case
            pass

    def match_slices(self, shape, target):
        """An index expression selecting `target` elements on every axis."""
        terms = []
        for n, m in zip(shape, target):
            if m > n:
                terms.append(":")
                continue
            steps = [s for s in (1, 1, -1, 2, -2, 3) if m <= 1 or (m - 1) * abs(s) + 1 <= n]
            st = self.r.choice(steps)
            span = (m - 1) * abs(st) + 1 if m else 0
            lo = self.r.randint(0, n - span)
            if m == 0:
                terms.append("%d:%d" % (lo, lo))
            elif st > 0:
                terms.append("%d:%d:%d" % (lo, lo + span, st))
            elif lo == 0:
                terms.append("%d::%d" % (span - 1, st))
            else:
                terms.append("%d:%d:%d" % (lo + span - 1, lo - 1, st))
        return ", ".join(terms) if terms else "..."

    def view_chain(self, ctx, ops, start, reg, n, names):
        cur = start
        for _ in range(n):
            if self.unary(ctx, ops, cur, reg, names):
                cur = reg
            reg += 1
        return cur, reg

    def share(self, cid):
        root = self.root(maxnd=3)
        ctx, ops = C.Ctx(), []
        ctx.regs[0] = C.make_root(ctx, root)
        names = [n for n in VIEWISH + ["copy"] if n in self.ops] or ["idx"]
        a, reg = self.view_chain(ctx, ops, 0, 1, self.r.randint(1, 3), names)
        b, reg = self.view_chain(ctx, ops, 0 if self.chance(0.8) else a, reg, self.r.randint(1, 3), names)
        ops.append(C.Op(None, a, "shares", [b, -1]))
        ops.append(C.Op(None, a, "mayshare", [b]))
        if self.chance(0.2):
            ops.append(C.Op(None, a, "shares", [b, 0]))
        return C.Case(cid, "share", root, ops)

    def copyto(self, cid):
        root = self.root(maxnd=3, writeable=True)
        ctx, ops = C.Ctx(), []
        ctx.regs[0] = C.make_root(ctx, root)
        dnames = [n for n in ("idx", "idx", "idx", "T", "swapaxes", "reshape", "squeeze", "newbyteorder")
                  if n in self.ops] or ["idx"]
        snames = [n for n in VIEWISH + ["astype", "copy"] if n in self.ops] or ["idx"]
        d, reg = self.view_chain(ctx, ops, 0, 1, self.r.randint(0, 2), dnames)
        da = ctx.regs.get(d)
        mark = len(ops)
        for attempt in range(10):
            del ops[mark:]
            if attempt % 2 == 0 and da is not None and da.ndim == ctx.regs[0].ndim:
                # A slice of the base with dst's shape: usually overlaps dst.
                ops.append(C.Op(reg, 0, "idx", [self.match_slices(ctx.regs[0].shape, da.shape)]))
                self.run(ctx, ops[-1])
                s, reg2 = self.view_chain(ctx, ops, reg, reg + 1, self.r.choice([0, 0, 1]), snames)
            else:
                s, reg2 = self.view_chain(ctx, ops, 0, reg, self.r.randint(0, 2), snames)
            sa = ctx.regs.get(s)
            if da is None or sa is None or fits(sa.shape, da.shape):
                break
        if da is not None and sa is not None and not fits(sa.shape, da.shape) and sa.size == da.size:
            ops.append(C.Op(reg2, s, "reshape", [self.r.choice("CF"), da.ndim] + list(da.shape)))
            self.run(ctx, ops[-1])
            s, reg2 = reg2, reg2 + 1
        reg = reg2
        cast = "unsafe" if self.chance(0.75) else self.r.choice(["no", "equiv", "safe", "same_kind"])
        da, sa = ctx.regs.get(d), ctx.regs.get(s)
        if cast == "unsafe" and da is not None and sa is not None and \
                self.safe_cast_target(sa, da.dtype.str) != da.dtype.str:
            cast = "same_kind"  # float->int of nan/inf: expect the cast error instead
        ops.append(C.Op(None, d, "copyto", [s, cast]))
        ops.append(C.Op(None, d, "check", []))
        ops.append(C.Op(None, 0, "check", []))
        return C.Case(cid, "copyto", root, ops)


def fits(src, dst):
    """Can copyto broadcast src onto dst (NumPy drops src's leading 1s)?"""
    src = list(src)
    while len(src) > len(dst) and src[0] == 1:
        src.pop(0)
    try:
        return np.broadcast_shapes(tuple(src), tuple(dst)) == tuple(dst)
    except ValueError:
        return False


FAMILIES = {"chain": 0.36, "share": 0.06, "copyto": 0.08, "ufunc": 0.22, "reduce": 0.12, "fancy": 0.12,
            "misc": 0.04}


def generate(seed, count, ops=None, families=None, bad=0.05):
    g = Gen(seed, ops or UNARY, bad)
    fams = families or list(FAMILIES)
    weights = FAMILIES
    out = []
    for cid in range(count):
        fam = g.r.choices(fams, [weights[f] for f in fams])[0]
        out.append(getattr(g, fam)(cid))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--ops", help="comma list of unary op kinds (default all): " + ",".join(UNARY))
    ap.add_argument("--families", help="comma list of %s (default all)" % ",".join(FAMILIES))
    ap.add_argument("--bad", type=float, default=0.05, help="probability of a deliberately bad argument")
    ap.add_argument("-o", "--output", help="case file (default stdout)")
    a = ap.parse_args()
    ops = a.ops.split(",") if a.ops else None
    for o in ops or []:
        if o not in UNARY:
            sys.exit("gen.py: unknown op kind %r" % o)
    fams = a.families.split(",") if a.families else None
    text = "".join(c.text() for c in generate(a.seed, a.count, ops, fams, a.bad))
    if a.output:
        with open(a.output, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
