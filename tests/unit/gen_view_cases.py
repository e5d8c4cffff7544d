#!/usr/bin/python3
"""Write tests/unit/view_cases.h: NumPy 1.24's results for random chains of
view-making operations (index strings, reshape/ravel/flatten, transposes,
squeeze/expand_dims, view(dtype), broadcast_to, sliding_window_view) on
np.arange roots.  view_case_util.h runs the same chains through nd and
compares shape, strides, data offset, flags, base and values.

Chain syntax, ops separated by '|':
  I <expr>            x[expr]            (a scalar result is taken as x[expr, ...])
  RS <o><m> <dims>    reshape, order o, copy mode m (0 if needed, 1 always, 2 never)
  RV <o><m>           ravel;  FL <o>  flatten
  TR [axes]  SA a,b  MA src;dst  SQ [axes]  ED axes
  VD <dtype>  BT <dims>  SW<R|W> <window>[;axes]

Run with /usr/bin/python3; the header lands next to this file."""
import os
import random
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

HERE = os.path.dirname(os.path.abspath(__file__))
DTYPES = ["int64", "int32", "int16", "int8", "uint8", "uint16"]
CATEGORIES = {"I": 500, "RS": 450, "RV": 200, "FL": 120, "TR": 200, "SA": 80, "MA": 120, "SQ": 120,
              "ED": 120, "VD": 300, "BT": 250, "SW": 250}
ND_ECOPY_RESHAPE = "Unable to avoid creating a copy while reshaping."
ND_ECOPY_RAVEL = "Unable to avoid creating a copy while raveling."


class G:
    def __getitem__(self, k):
        return k


def chain_root(r):
    b = r
    while getattr(b, "base", None) is not None:
        b = b.base
    return b


def fmt(root, r, showbase):
    s = "%d (%s) (%s) %s " % (r.ndim, "".join("%d," % x for x in r.shape), "".join("%d," % x for x in r.strides),
                               r.dtype.name)
    if chain_root(r) is root:
        s += "off=%d " % (r.__array_interface__["data"][0] - root.__array_interface__["data"][0])
    else:
        s += "copy "
    f = r.flags
    s += ("C" if f.c_contiguous else "c") + ("F" if f.f_contiguous else "f") + ("W" if f.writeable else "w")
    s += ("O" if f.owndata else "o") + ("A" if f.aligned else "a") + " "
    if showbase:
        s += ("root" if r.base is root else "other" if r.base is not None else "none") + " "
    if r.size <= 40:
        s += "[" + "".join("%d," % int(x) for x in r.ravel()) + "]"
    return s


def ints(s):
    return [int(v) for v in s.split(",")] if s else []


def fortran(x):
    return x.flags.f_contiguous and not x.flags.c_contiguous


def reshape(x, o, m, dims):
    r = x.reshape(dims, order=o)  # errors (and the view/copy decision) as NumPy 1.24
    if m == 0:
        return r
    viewed = chain_root(r) is chain_root(x)
    if m == 2:
        if not viewed:
            raise ValueError(ND_ECOPY_RESHAPE)
        return r
    # NumPy 2.1 copy=True: copy in the target order, then view it.
    oo = "F" if o == "F" or (o == "A" and fortran(x)) else "C"
    c = x.copy(order=oo)
    return np.ndarray(r.shape, x.dtype, buffer=c, order=oo)


def ravel(x, o, m):
    if m == 1:
        return x.flatten(o)
    r = x.ravel(o)
    if m == 2 and chain_root(r) is not chain_root(x):
        raise ValueError(ND_ECOPY_RAVEL)
    return r


def apply(x, op):
    k, _, arg = op.partition(" ")
    if k == "I":
        env = {"x": x, "None": None, "np": np, "numpy": np}
        r = eval("x[%s]" % (arg if arg.strip() else "()"), env)
        if not isinstance(r, np.ndarray):  # nd gives the 0-d view NumPy gives for x[..., ...]
            t = eval("g[%s]" % (arg if arg.strip() else "()"), {"g": G(), "None": None, "np": np, "numpy": np})
            r = x[(t if isinstance(t, tuple) else (t,)) + (Ellipsis,)]
        return r
    if k == "RS":
        o, m, dims = arg[0], int(arg[1]), arg[3:]
        return reshape(x, o, m, ints(dims))
    if k == "RV":
        return ravel(x, arg[0], int(arg[1]))
    if k == "FL":
        return x.flatten(arg)
    if k == "TR":
        return x.transpose(ints(arg)) if arg else x.T
    if k == "SA":
        a, b = ints(arg)
        return np.swapaxes(x, a, b)
    if k == "MA":
        s, d = arg.split(";")
        return np.moveaxis(x, ints(s), ints(d))
    if k == "SQ":
        if op == "SQ":
            return np.squeeze(x)
        ax = ints(arg)
        return np.squeeze(x, axis=ax[0] if len(ax) == 1 else tuple(ax))
    if k == "ED":
        return np.expand_dims(x, tuple(ints(arg)))
    if k == "VD":
        return x.view(arg)
    if k == "BT":
        return np.broadcast_to(x, tuple(ints(arg)))
    if k in ("SWR", "SWW"):
        w, _, ax = arg.partition(";")
        return sliding_window_view(x, tuple(ints(w)), axis=tuple(ints(ax)) if ";" in arg else None,
                                   writeable=k == "SWW")
    raise ValueError(op)


def rand_index(nd):
    terms = []
    for _ in range(random.randint(0, nd + 1)):
        c = random.random()
        if c < 0.3:
            terms.append(str(random.randint(-5, 5)))
        elif c < 0.8:
            parts = [random.choice(["", str(random.randint(-6, 6))]) for _ in range(2)]
            if random.random() < 0.6:
                parts.append(random.choice(["", str(random.choice([-3, -2, -1, 1, 2, 3, 0]))]))
            terms.append(":".join(parts))
        elif c < 0.87:
            terms.append(random.choice(["None", "np.newaxis"]))
        elif c < 0.93:
            terms.append(random.choice(["...", "Ellipsis"]))
        else:
            terms.append(random.choice([
                "99999999999999999999", "-99999999999999999999", "9223372036854775808", "-9223372036854775808",
                "9223372036854775807", "0x1", "0b1", "0o2", "-0x_1", "1_0", "- 1", "+-1", "00",
                "::99999999999999999999", "-99999999999999999999::-99999999999999999999", "1:None",
                "None:None:-1", ":np.newaxis:2"]))
    s = ", ".join(terms)
    if len(terms) == 1 and random.random() < 0.3:
        s += ","
    if terms and random.random() < 0.1 and not any(":" in t for t in terms):
        s = "(" + s + ("," if len(terms) == 1 else "") + ")"
    return s


def rand_shape(size, nd):
    dims, rem = [], size
    for _ in range(nd - 1):
        divs = [d for d in range(1, rem + 1) if rem % d == 0] if rem > 0 else [0, 1, 2]
        d = random.choice(divs)
        dims.append(d)
        rem = rem // d if d else rem
    if nd:
        dims.append(rem if size > 0 else random.choice([0, 1, 3]))
    if dims and random.random() < 0.3:
        dims[random.randrange(len(dims))] = -1
    if dims and random.random() < 0.05:
        dims[random.randrange(len(dims))] += 1
    return dims


def rand_op(x, cat):
    nd = x.ndim
    lim = max(nd - 1, 0)
    axes = lambda k, hi: [random.randint(-hi - 1, hi) for _ in range(k)]
    if cat == "I":
        return "I " + rand_index(nd)
    if cat == "RS":
        m = random.choice([0, 0, 0, 1, 2])
        return "RS %s%d %s" % (random.choice("CCCFAK" if random.random() < 0.03 else "CCCFA"), m,
                               ",".join(map(str, rand_shape(x.size, random.randint(0, 4)))))
    if cat == "RV":
        return "RV %s%d" % (random.choice("CFAK"), random.choice([0, 0, 1, 2]))
    if cat == "FL":
        return "FL " + random.choice("CFAK")
    if cat == "TR":
        if random.random() < 0.3 or nd == 0:
            return "TR"
        p = list(range(nd))
        random.shuffle(p)
        if random.random() < 0.2:
            p[0] = random.randint(-nd - 1, nd)
        return "TR " + ",".join(map(str, p))
    if cat == "SA":
        return "SA %d,%d" % (random.randint(-nd - 1, nd), random.randint(-nd - 1, nd))
    if cat == "MA":
        k = random.randint(0, min(nd, 3))
        return "MA " + ",".join(map(str, axes(k, lim))) + ";" + ",".join(map(str, axes(k, lim)))
    if cat == "SQ":
        if random.random() < 0.4:
            return "SQ"
        return "SQ " + ",".join(map(str, axes(random.randint(0, 2), lim)))
    if cat == "ED":
        return "ED " + ",".join(map(str, axes(random.randint(0, 2), nd + 1)))
    if cat == "VD":
        return "VD " + random.choice(["int8", "int16", "int32", "int64", "uint8", "uint16", ">i2", "uint32"])
    if cat == "BT":
        sh = [s if random.random() < 0.7 else random.choice([1, 2, 3, 0]) for s in x.shape]
        sh = [random.choice([1, 2, 3]) for _ in range(random.randint(0, 2))] + sh
        if random.random() < 0.05:
            sh = sh[1:]
        return "BT " + ",".join(map(str, sh))
    if cat == "SW":
        kind = "SW" + random.choice("RW")
        if random.random() < 0.5:
            return kind + " " + ",".join(str(random.randint(0, 3)) for _ in range(nd if random.random() < 0.9
                                                                                    else nd + 1))
        k = random.randint(1, 2)
        return kind + " " + ",".join(str(random.randint(0, 3)) for _ in range(k)) + ";" + ",".join(
            map(str, axes(k, lim)))
    raise ValueError(cat)


SETUP = ["I", "TR", "RS", "SA", "VD", "BT"]


def make_case(cat):
    dt = random.choice(DTYPES)
    nd = random.randint(0, 4)
    shape = [random.choice([1, 2, 3, 4, 2, 3, 0]) if random.random() > 0.05 else 0 for _ in range(nd)]
    if shape == [0]:  # a 1-d empty root would print NumPy's zero strides both ways; keep roots 2-d
        shape = [0, 2]
    size = int(np.prod(shape)) if shape else 1
    root = np.arange(size, dtype=dt)
    x = root.reshape(shape)
    ops, showbase = [], True
    for _ in range(random.randint(0, 2)):  # setup ops that must succeed
        op = rand_op(x, random.choice(SETUP))
        try:
            y = apply(x, op)
        except Exception:
            continue
        if op.startswith("VD") and x.dtype.itemsize != y.dtype.itemsize and random.random() < 0.5:
            continue
        ops.append(op)
        x = y
    op = rand_op(x, cat)
    ops.append(op)
    if op.startswith("SW"):
        showbase = False  # NumPy's base is a DummyArray
    try:
        res = fmt(root, apply(x, op), showbase)
    except SyntaxError:
        res = "EXC ValueError: syntax"
    except Exception as e:
        res = "EXC %s: %s" % (type(e).__name__, e)
    return dt, ",".join(map(str, shape)), "|".join(ops), res


def cstr(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    random.seed(20240601)
    out = ["/* view_cases.h — generated by gen_view_cases.py from NumPy %s; do not edit. */" % np.__version__,
           "static const struct view_case view_cases[] = {"]
    for cat, n in CATEGORIES.items():
        for _ in range(n):
            dt, shape, chain, res = make_case(cat)
            out.append("    {%s, %s, %s, %s}," % (cstr(dt), cstr(shape), cstr(chain), cstr(res)))
    out.append("};")
    with open(os.path.join(HERE, "view_cases.h"), "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
