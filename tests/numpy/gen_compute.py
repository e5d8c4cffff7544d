"""gen_compute.py — case families for the compute ops (issue 3): ufuncs,
reductions, advanced indexing and the joining/sorting/set helpers.

Mixed into gen.Gen; the op formats are documented at the top of cases.py.
Extra operands (second roots, index arrays, values) are `aux` arrays in
registers AUX and up, so they never collide with the op chain's registers.
"""
import numpy as np

import cases as C

AUX = 40
UFUNCS_BIN = ["add", "subtract", "multiply", "true_divide", "floor_divide", "remainder", "power", "minimum",
              "maximum", "bitwise_and", "bitwise_or", "bitwise_xor", "left_shift", "right_shift", "equal",
              "not_equal", "less", "less_equal", "greater", "greater_equal", "logical_and", "logical_or",
              "logical_xor"]
UFUNCS_UN = ["negative", "positive", "absolute", "invert", "logical_not", "sqrt", "exp", "log", "sin", "cos",
             "floor", "ceil", "rint", "sign", "isnan", "isinf", "isfinite"]
UFUNC_W = {"add": 6, "subtract": 4, "multiply": 5, "true_divide": 4, "floor_divide": 4, "remainder": 4,
           "power": 3, "minimum": 2, "maximum": 2, "left_shift": 2, "right_shift": 2}
INTS = [0, 1, -1, 2, 3, 5, 7, 100, 127, 128, -128, -129, 255, 256, 1000, -1000, 32767, 32768, 65535, 65536,
        70000, 2 ** 31 - 1, 2 ** 31, -2 ** 31 - 1, 2 ** 32, 2 ** 40, 2 ** 62, -2 ** 63, 2 ** 63, 2 ** 64 - 1]
FLTS = [0.0, -0.0, 0.5, 1.5, -2.5, 2.0, 3.0, 1e10, 1e-3, 65504.0, 70000.0, 3.5e38, 1e300, float("nan"),
        float("inf"), float("-inf")]
CPLX = [1 + 2j, 0.5j, -1j, complex(1e300, 0), complex(float("nan"), 0), 2 + 0j]
REDUCTIONS = ["sum", "prod", "amin", "amax", "mean", "var", "std", "any", "all", "argmin", "argmax", "cumsum",
              "cumprod", "count_nonzero"]
RED_W = {"sum": 6, "mean": 4, "var": 3, "std": 3, "prod": 2, "amin": 3, "amax": 3, "cumsum": 2}
ONE_AXIS = ("argmin", "argmax", "cumsum", "cumprod")
VIEWS = ["idx", "idx", "idx", "T", "reshape", "swapaxes", "newbyteorder", "squeeze", "expand_dims"]
INT_DT = ["<i8", "<i8", "<i8", "<i4", ">i8", "|u1", "<i2", "|i1", "<u4"]
RED_DT = {"sum": ["<f8", "<i8", "<f4", "<c16", "<u8"], "prod": ["<f8", "<i8"], "cumsum": ["<f8", "<i8", "<f4"],
          "cumprod": ["<f8", "<i8"], "mean": ["<f8", "<f4"], "var": ["<f8", "<f4"], "std": ["<f8", "<f4"]}


class ComputeGen:
    """Mixin for gen.Gen (uses self.r, chance, bad, root, dtype, view_chain, run, match_slices, axis)."""

    # ------------------------------------------------------------ helpers

    def start(self, maxnd=3, writeable=True, **kw):
        root = self.root(maxnd=maxnd, writeable=writeable, **kw)
        ctx = C.Ctx()
        ctx.regs[0] = C.make_root(ctx, root)
        return root, ctx, [], []

    def add_aux(self, ctx, aux, shape, dt=None, own=0.85, **kw):
        reg = AUX + len(aux)
        r = self.root(dt=dt or self.dtype(), shape=tuple(shape), own=own, **kw)
        aux.append((reg, r))
        ctx.regs[reg] = C.make_root(ctx, r)
        return reg

    def bshape(self, shape):
        """A shape that broadcasts against `shape` (sometimes not, if bad())."""
        k = len(shape) - self.r.choice([0, 0, 0, 1, 2]) if shape else 0
        dims = [1 if self.chance(0.3) else d for d in shape[len(shape) - max(k, 0):]]
        if self.chance(0.1):
            dims.insert(0, self.r.choice([1, 2, 3]))
        if self.bad() and dims:
            i = self.r.randrange(len(dims))
            dims[i] = dims[i] + 2
        return dims

    def scalar(self, kind=None):
        kind = kind or self.r.choice("iiiffcb")
        if kind == "i":
            return self.r.choice(INTS)
        if kind == "f":
            return self.r.choice(FLTS) if self.chance(0.7) else self.r.randint(-40, 40) / 4
        if kind == "c":
            return self.r.choice(CPLX)
        return self.chance(0.5)

    def operand_view(self, ctx, ops, reg, shape):
        """A view of the root with `shape` (a slice, so it often overlaps)."""
        r0 = ctx.regs[0]
        if r0.ndim == len(shape):
            ops.append(C.Op(reg, 0, "idx", [self.match_slices(r0.shape, shape)]))
        else:
            ops.append(C.Op(reg, 0, "idx", [self.index_expr(r0)]))
        self.run(ctx, ops[-1])
        return reg

    def pick(self, names, weights):
        return self.r.choices(names, [weights.get(n, 1) for n in names])[0]

    def axes_tok(self, nd, one=False):
        if self.chance(0.25):
            return "*"
        if one or self.chance(0.45):
            return str(self.axis(nd))
        ax = self.r.sample(range(nd), self.r.randint(0, nd)) if nd else []
        ax = [x - nd if self.chance(0.3) else x for x in ax]
        if self.bad():
            ax.append(ax[0] if ax else nd)
        return "t" + ",".join(str(x) for x in ax)

    def result_shape(self, ctx, op):
        try:
            r = C.run_compute(ctx, ctx.regs[op.src], op.name, op.args)
            return np.shape(r)
        except Exception:
            return None

    def finish(self, ctx, ops, op, checks=()):
        ops.append(op)
        self.run(ctx, op)
        for reg in checks:
            ops.append(C.Op(None, reg, "check", []))

    # ------------------------------------------------------------ ufuncs

    def ufunc(self, cid):
        root, ctx, ops, aux = self.start(writeable=self.chance(0.9))
        a, reg = self.view_chain(ctx, ops, 0, 1, self.r.choice([0, 0, 1, 1, 2]), VIEWS)
        for _ in range(self.r.choice([1, 1, 2])):
            A = ctx.regs.get(a)
            if A is None:
                break
            binary = self.chance(0.7)
            name = self.pick(UFUNCS_BIN if binary else UFUNCS_UN, UFUNC_W)
            b, swap = "-", "0"
            if binary:
                mode = self.r.random()
                if mode < 0.35:
                    b = C.scalar_spec(self.scalar())
                elif mode < 0.75:
                    b = str(self.add_aux(ctx, aux, self.bshape(A.shape)))
                else:
                    b = str(self.operand_view(ctx, ops, reg, A.shape if self.chance(0.8) else self.bshape(A.shape)))
                    reg += 1
                swap = "1" if self.chance(0.3) else "0"
            op = C.Op(reg, a, "ufunc", [name, b, "-", swap])
            out = self.ufunc_out(ctx, ops, aux, op, a, reg + 1)
            if out is not None:
                op.args[2] = str(out)
            reg += 2
            self.finish(ctx, ops, op, [out, 0] if out is not None else [])
            a = op.dst
        return C.Case(cid, "ufunc", root, ops, aux)

    def ufunc_out(self, ctx, ops, aux, op, a, reg):
        """An out= register for op (in place, an overlapping view, or a new
        array of another dtype), or None."""
        if not self.chance(0.45):
            return None
        shape = self.result_shape(ctx, op)
        if shape is None:
            return None
        A = ctx.regs[a]
        m = self.r.random()
        if m < 0.4 and A.shape == shape:
            return a  # in place: np.add(a, b, out=a)
        if m < 0.8 and ctx.regs[0].ndim == len(shape):
            return self.operand_view(ctx, ops, reg, shape)  # often overlaps an input
        return self.add_aux(ctx, aux, shape)

    # ------------------------------------------------------------ reductions

    def reduce(self, cid):
        big = self.chance(0.2)
        if big:  # long enough for NumPy's pairwise blocks (8 and 128)
            n = self.r.randint(129, 1500)
            shape = [n] if self.chance(0.5) else [self.r.randint(2, 4), n // 3]
            dt = self.r.choice(["<f8", "<f4", ">f8", "<f2", "<c16", "<i8", "|u1"])
            root, ctx, ops, aux = self.start(dt=dt, shape=shape, writeable=False)
        else:
            root, ctx, ops, aux = self.start(maxnd=4, writeable=False)
        a, reg = self.view_chain(ctx, ops, 0, 1, self.r.choice([0, 0, 1, 2]), VIEWS + ["astype"])
        for _ in range(self.r.choice([1, 1, 2])):
            A = ctx.regs.get(a)
            if A is None:
                break
            name = self.pick(REDUCTIONS, RED_W)
            axes = self.axes_tok(A.ndim, name in ONE_AXIS)
            keep = "1" if self.chance(0.3) and name not in ("cumsum", "cumprod") else "0"
            ddof = str(self.r.choice([0, 0, 1, 2])) if name in ("var", "std") else "0"
            dt = self.r.choice(RED_DT[name]) if name in RED_DT and self.chance(0.15) else "-"
            op = C.Op(reg, a, "red", [name, axes, keep, ddof, dt])
            self.finish(ctx, ops, op)
            a, reg = reg, reg + 1
        return C.Case(cid, "reduce", root, ops, aux)

    # ------------------------------------------------------------ advanced indexing

    def index_array(self, ctx, aux, n, shape):
        """An integer index array for an axis of length n."""
        dt = self.r.choice(INT_DT)
        size = int(np.prod(shape, dtype=np.int64))
        if n == 0 and not self.bad():
            shape = list(shape[:-1]) + [0] if shape else [0]
            size = 0
        lo = 0 if np.dtype(dt).kind == "u" else -n
        hi = max(n - 1, 0)
        vals = [self.r.randint(lo, hi) for _ in range(size)]
        if self.bad() and vals:
            vals[self.r.randrange(size)] = self.r.choice([n, -n - 1 if lo < 0 else n + 3])
        reg = AUX + len(aux)
        r = dict(kind="own", dtype=dt, order="C", shape=tuple(shape),
                 data=np.array(vals, dtype=np.int64).astype(dt).reshape(shape).tobytes())
        aux.append((reg, r))
        ctx.regs[reg] = C.make_root(ctx, r)
        return reg

    def bool_array(self, ctx, aux, shape):
        reg = AUX + len(aux)
        p = self.r.choice([0.1, 0.5, 0.9])
        vals = np.array([self.r.random() < p for _ in range(int(np.prod(shape, dtype=np.int64)))], dtype=bool)
        r = dict(kind="own", dtype="|b1", order="C", shape=tuple(shape), data=vals.tobytes())
        aux.append((reg, r))
        ctx.regs[reg] = C.make_root(ctx, r)
        return reg

    def fancy_expr(self, ctx, aux, A):
        """An index mixing integer or boolean arrays with slices, ints, None, ..."""
        nd = A.ndim
        use_bool = self.chance(0.3)
        k = self.r.randint(1, nd) if nd else 0
        ell = self.chance(0.3)
        split = self.r.randint(0, k) if ell else k
        axes = list(range(split)) + list(range(nd - (k - split), nd))
        bshape = [self.r.choice([1, 2, 3, 4]) for _ in range(self.r.choice([0, 1, 1, 2]))]
        terms, narr, i = [], 0, 0
        want = self.r.choice([1, 1, 2, 2, 3])
        while i < len(axes):
            ax, n = axes[i], A.shape[axes[i]]
            x = self.r.random()
            if use_bool and narr == 0 and x < 0.6:
                span = 1
                while i + span < len(axes) and axes[i + span] == ax + span and self.chance(0.4):
                    span += 1
                shape = list(A.shape[ax:ax + span])
                if self.bad():
                    shape[-1] += 1
                terms.append("{%d}" % self.bool_array(ctx, aux, shape))
                narr, i = narr + 1, i + span
                continue
            if not use_bool and narr < want and x < 0.55:
                shape = [1 if self.chance(0.25) else d for d in bshape]
                terms.append("{%d}" % self.index_array(ctx, aux, n, shape))
                narr += 1
            elif x < 0.7 and n > 0:
                j = self.r.randrange(n)
                terms.append(str(j - n if self.chance(0.35) else j))
            else:
                terms.append(self.slice_expr(n))
            i += 1
        if narr == 0 and nd == 0:
            terms.append("{%d}" % self.bool_array(ctx, aux, []))  # a 0-d mask
        if ell:
            terms.insert(split, "...")
        for _ in range(self.r.choice([0, 0, 0, 1])):
            terms.insert(self.r.randint(0, len(terms)), "None")
        return ", ".join(terms) if terms else "..."

    def fancy(self, cid):
        root, ctx, ops, aux = self.start(writeable=self.chance(0.9))
        a, reg = self.view_chain(ctx, ops, 0, 1, self.r.choice([0, 0, 1]), VIEWS)
        A = ctx.regs.get(a)
        if A is None:
            return C.Case(cid, "fancy", root, ops, aux)
        x = self.r.random()
        if x < 0.45:
            self.finish(ctx, ops, C.Op(reg, a, "getitem", [self.fancy_expr(ctx, aux, A)]))
        elif x < 0.75:
            self.setitem(ctx, ops, aux, a, A, reg)
        elif x < 0.85:
            n = A.size if self.chance(0.3) else None
            axis = "*" if n is not None or A.ndim == 0 else str(self.axis(A.ndim))
            if n is None:
                n = A.size if axis == "*" else A.shape[int(axis)] if -A.ndim <= int(axis) < A.ndim else 3
            shape = [self.r.choice([0, 1, 2, 3, 4]) for _ in range(self.r.choice([0, 1, 1, 2]))]
            self.finish(ctx, ops, C.Op(reg, a, "take", [self.index_array(ctx, aux, n, shape), axis]))
        elif x < 0.9:
            axis = "*" if A.ndim == 0 or self.chance(0.3) else str(self.axis(A.ndim))
            n = A.size if axis == "*" else A.shape[int(axis)] if -A.ndim <= int(axis) < A.ndim else 3
            m = self.r.randint(0, n + (1 if self.bad() else 0))
            self.finish(ctx, ops, C.Op(reg, a, "compress", [self.bool_array(ctx, aux, [m]), axis]))
        elif x < 0.95:
            self.finish(ctx, ops, C.Op(reg, a, "nonzero", [self.r.randrange(max(A.ndim, 1))]))
        else:
            cond = self.bool_array(ctx, aux, self.bshape(A.shape))
            y = C.scalar_spec(self.scalar()) if self.chance(0.4) else str(self.add_aux(ctx, aux, self.bshape(A.shape)))
            xs = [str(a), y] if self.chance(0.5) else [y, str(a)]
            self.finish(ctx, ops, C.Op(reg, cond, "where", xs))
        return C.Case(cid, "fancy", root, ops, aux)

    def setitem(self, ctx, ops, aux, a, A, reg):
        expr = self.fancy_expr(ctx, aux, A) if self.chance(0.8) else self.index_expr(A)
        try:
            shape = A[C.index_with(ctx, expr)].shape
        except Exception:
            shape = A.shape
        safe_int = A.dtype.kind in "biu"
        x = self.r.random()
        if x < 0.35:
            val = C.scalar_spec(self.scalar(self.r.choice("iib") if safe_int else None))
        elif x < 0.85:
            vshape = self.bshape(shape)
            dt = self.r.choice(["<i8", "|u1", ">i4", "|b1", "<i2"]) if safe_int and self.chance(0.5) else None
            v = self.add_aux(ctx, aux, vshape, dt=dt)
            if safe_int and ctx.regs[v].dtype.kind in "fc":  # nan -> int casts are platform-specific
                aux.pop()
                v = self.add_aux(ctx, aux, vshape, dt="<i4")
            val = str(v)
        else:
            val = str(self.operand_view(ctx, ops, reg, shape))  # overlaps the target
            if safe_int and ctx.regs.get(int(val)) is not None and ctx.regs[int(val)].dtype.kind in "fc":
                val = "i:3"
        self.finish(ctx, ops, C.Op(None, a, "setitem", [val, expr]), [a, 0])

    # ------------------------------------------------------------ joining, sorting, sets

    def misc(self, cid):
        root, ctx, ops, aux = self.start(writeable=self.chance(0.9))
        a, reg = self.view_chain(ctx, ops, 0, 1, self.r.choice([0, 0, 1]), VIEWS)
        A = ctx.regs.get(a)
        if A is None:
            return C.Case(cid, "misc", root, ops, aux)
        x, nd = self.r.random(), A.ndim
        if x < 0.3:
            name = self.r.choice(["sort", "argsort"])
            axis = "*" if self.chance(0.2) else str(self.axis(nd))
            kind = self.r.choice(["-", "quicksort", "mergesort", "stable", "heapsort"])
            op = C.Op(reg, a, name, [axis, kind])
        elif x < 0.45:
            fl = self.r.randrange(16)
            which = self.r.choice([0] + [i + 1 for i in range(3) if fl & (1 << i)])
            op = C.Op(reg, a, "unique", [fl, which])
        elif x < 0.65:
            name = self.r.choice(["concat", "stack"])
            axis = "*" if name == "concat" and self.chance(0.15) else str(self.axis(nd, extra=name == "stack"))
            shape = list(A.shape)
            if name == "concat" and axis != "*" and -nd <= int(axis) < nd and self.chance(0.8):
                shape[int(axis)] = self.r.randint(0, 3)
            if self.bad() and shape:
                shape[0] += 1
            op = C.Op(reg, a, name, [self.add_aux(ctx, aux, shape), axis])
        elif x < 0.85:
            def bound():
                m = self.r.random()
                if m < 0.2:
                    return "-"
                if m < 0.6:
                    return C.scalar_spec(self.scalar(self.r.choice("iif")))
                return str(self.add_aux(ctx, aux, self.bshape(A.shape)))
            out = str(a) if self.chance(0.25) else "-"
            op = C.Op(reg, a, "clip", [bound(), bound(), out])
            self.finish(ctx, ops, op, [a, 0] if out != "-" else [])
            return C.Case(cid, "misc", root, ops, aux)
        else:
            name = self.r.choice(["isclose", "allclose", "array_equal"])
            b = str(self.add_aux(ctx, aux, self.bshape(A.shape))) if self.chance(0.6) else \
                str(self.operand_view(ctx, ops, reg + 1, A.shape))
            op = C.Op(None if name != "isclose" else reg, a, name, [b, "1" if self.chance(0.3) else "0"])
        self.finish(ctx, ops, op)
        return C.Case(cid, "misc", root, ops, aux)
