#!/usr/bin/python3
"""run_diff.py — differential test of libnd against NumPy 1.24.

Generates random cases (gen.py), runs them through NumPy (cases.py, as
ref.py does) and through libnd (the nd_diff driver), compares every step,
shrinks failing cases to a minimal one and prints both outputs.  Exit code
1 on any mismatch, crash or nonzero nd_diff exit.

    run_diff.py --nd-diff BUILD/nd_diff [options]

Seed and count come from ND_DIFF_SEED / ND_DIFF_COUNT when set (they win
over --seed/--count, so `ND_DIFF_COUNT=20000 ctest -L numpy` works).

Checks (fields compared; see --checks/--skip-checks):
  status   both sides agree on success / error / skipped  (always on)
  err msg  error class and message (--class-only drops msg)
  dt shape strides off flags base same shares bytes str repr res
"""
import argparse
import os
import subprocess
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
import tempfile
import threading
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cases as C  # noqa: E402
import gen as G  # noqa: E402

FIELDS = ["err", "msg", "dt", "shape", "strides", "strides1", "off", "flags", "base", "same", "shares", "bytes",
          "str", "repr", "res"]
# A mismatch in one of these means the two sides now hold different arrays,
# so later steps that read the register are not compared (they'd only echo).
STATE = {"status", "crash", "dt", "shape", "strides", "off", "flags", "base", "bytes", "res"}
ORDER = ["crash", "status"] + FIELDS
# Where NumPy returns a scalar, nd returns a 0-d array (maybe a view): these
# fields describe the container, not the value.
SCALAR_FREE = {"strides", "strides1", "off", "flags", "base", "same", "shares"}


# ---------------------------------------------------------------- running


def parse_output(text):
    """{case id: {step: (op, {field: value})}}, set of finished case ids."""
    out, done = {}, set()
    for line in text.splitlines():
        if line.startswith("done "):
            done.add(int(line[5:]))
            continue
        parts = line.split("\t")
        if len(parts) < 2 or ":" not in parts[0]:
            continue
        cid, step = parts[0].split(":")
        fields = {}
        for p in parts[2:]:
            k, _, v = p.partition("=")
            fields[k] = v
        out.setdefault(int(cid), {})[int(step)] = (parts[1], fields)
    return out, done


def run_ref(cases, text):
    out = []
    for c in cases:
        out.extend(C.run_case(c, text))
        out.append("done %d" % c.id)
    return parse_output("\n".join(out))[0]


def run_nd(nd_diff, path, ids, text, timeout):
    """Run nd_diff over the case file, restarting after a crash.
    Returns (outputs, crashes {cid: stderr tail}, problems [str])."""
    outputs, crashes, problems = {}, {}, []
    ids = sorted(ids)
    start_i = 0
    while start_i < len(ids):
        cmd = [nd_diff] + ([] if text else ["--no-text"]) + ["--from", str(ids[start_i]), path]
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             errors="replace")
        try:
            so, se = p.communicate(timeout=timeout)
            why = "exit %d" % p.returncode
        except subprocess.TimeoutExpired:
            p.kill()
            so, se = p.communicate()
            why = "timeout after %ds" % timeout
        got, done = parse_output(so)
        outputs.update(got)
        pending = [i for i in ids[start_i:] if i not in done]
        if not pending:
            if p.returncode != 0:
                problems.append("nd_diff %s after finishing all cases:\n%s" % (why, tail(se)))
            break
        bad = pending[0]
        crashes[bad] = "%s\n%s" % (why, tail(se))
        start_i = ids.index(bad) + 1
        if len(crashes) > 25:
            problems.append("nd_diff crashed more than 25 times; the rest was not run")
            for i in ids[start_i:]:
                crashes.setdefault(i, "not run")
            break
    return outputs, crashes, problems


def tail(s, n=30):
    lines = s.strip().splitlines()
    return "\n".join(lines[-n:] if len(lines) > n else lines)


def write_cases(path, cases):
    with open(path, "w") as f:
        for c in cases:
            f.write(c.text())


# ---------------------------------------------------------------- comparing


def kind(f):
    for k in ("err", "skip", "res"):
        if k in f:
            return k
    return "arr"


def step_diff(rf, nf, checks, op=None):
    """(mismatching field names of one step (empty when equal), fuzzy): fuzzy
    when the values are equal only up to NaN signs or the ulp tolerance of
    NumPy's SIMD transcendental functions; str/repr are then not compared."""
    if nf is None:
        return ["crash"], False
    if kind(rf) != kind(nf):
        return ["status"], False
    if "scalar" in rf and "dt" in nf:
        nf = native_scalar(nf)
    d = [k for k in FIELDS if k in checks and (k in rf or k in nf) and rf.get(k) != nf.get(k)]
    if "scalar" in rf:  # only the value of a NumPy scalar is comparable
        d = [k for k in d if k not in SCALAR_FREE]
    if "strides" in d and "shape" not in d and only_unit_dims(rf, nf):
        d[d.index("strides")] = "strides1"
    if "err" not in d and "msg" in d and class_only(op, rf):
        d.remove("msg")
    if "bytes" in d and "dt" not in d and "shape" not in d and close_values(rf, nf, ulps(op)):
        return [k for k in d if k not in ("bytes", "str", "repr")], True
    return d, False


def native_scalar(nf):
    """Where NumPy returns a scalar (always native byte order) nd returns a
    0-d array that may keep its input's order: compare its native form."""
    dt = np.dtype(nf["dt"])
    if dt.isnative or dt.byteorder == "|":
        return nf
    try:
        v = np.frombuffer(bytes.fromhex(nf["bytes"]), dt).astype(dt.newbyteorder("="))
    except ValueError:
        return nf
    return dict(nf, dt=v.dtype.str, bytes=v.tobytes().hex())


def only_unit_dims(rf, nf):
    """Do the strides differ only where they cannot matter (length-1 dims, or
    an empty array)?  NumPy's values there are allocation artifacts."""
    try:
        shape, a, b = eval(rf["shape"]), eval(rf["strides"]), eval(nf["strides"])
    except Exception:
        return False
    return 0 in shape or all(n == 1 or x == y for n, x, y in zip(shape, a, b))


def class_only(op, rf):
    """Ufunc type errors: NumPy's texts name dtype classes and typecodes
    nd need not reproduce, so only the class is compared."""
    return op is not None and op.name in ("ufunc", "clip") and rf.get("err") in ("UFuncTypeError", "TypeError")


def ulps(op):
    if op is not None and op.name == "ufunc" and op.args[0] in C.INEXACT_UFUNCS:
        return 2
    return 0


def close_values(rf, nf, tol):
    """Equal as floats: NaNs of any sign/payload match; tol ulps allowed."""
    dt = np.dtype(rf.get("dt", "|u1"))
    if dt.kind not in "fc":
        return False
    try:
        x = np.frombuffer(bytes.fromhex(rf["bytes"]), dt)
        y = np.frombuffer(bytes.fromhex(nf["bytes"]), dt)
    except ValueError:
        return False
    if x.shape != y.shape:
        return False
    if dt.kind == "c":
        x, y = np.concatenate([x.real, x.imag]), np.concatenate([y.real, y.imag])
    x, y = x.astype(x.dtype.newbyteorder("=")), y.astype(y.dtype.newbyteorder("="))
    ok = (x == y) | (np.isnan(x) & np.isnan(y))
    if tol:
        fin = np.isfinite(x) & np.isfinite(y)
        big = np.maximum(np.abs(np.where(fin, x, 0)), np.abs(np.where(fin, y, 0)))
        ok |= fin & (np.abs(np.where(fin, x, 0) - np.where(fin, y, 0)) <= tol * np.spacing(big))
    return bool(ok.all())


def mutates(op):
    return op.name in ("copyto", "setw") or (op.name == "byteswap" and op.args[0] == "1") or C.writes_into(op)


def stat_name(op):
    """The summary row of an op: ufuncs and reductions by function."""
    if op.name == "ufunc":
        return "uf:%s%s" % (op.args[0], "" if op.args[1] == "-" else "(s)" if ":" in op.args[1] else "(a)")
    if op.name == "red":
        return "red:" + op.args[0]
    return op.name


def compare_case(case, ref, nd, crashed, checks):
    """Per step: (step, op name, evaluated?, mismatching fields).  A step is
    evaluated when both sides still hold the same arrays in its inputs."""
    r, n = ref.get(case.id, {}), nd.get(case.id, {})
    res, tainted, all_tainted = [], set(), False
    ops = [None] + case.ops
    for step in range(len(ops)):
        op = ops[step]
        name = "root:" + case.root["kind"] if op is None else stat_name(op)
        rf = r.get(step, ("", {}))[1]
        nf = n.get(step, (None, None))[1]
        if nf is None and not crashed:
            nf = {"skip": "1"} if "skip" in rf else None
        reads = [0] if op is None else op.regs_read()
        ev = not all_tainted and not any(x in tainted for x in reads)
        d, fuzzy = step_diff(rf, nf, checks, op) if nf is not None or crashed else (["crash"], False)
        if ev and "skip" in rf and "skip" in (nf or {}):
            ev = False
        res.append((step, name, ev, d))
        dst = 0 if op is None else op.dst
        if not ev or fuzzy or any(x in STATE for x in d):
            if dst is not None:
                tainted.add(dst)
            if op is not None and mutates(op) and ev:
                all_tainted = True
        if "crash" in d:
            all_tainted = True
    return res


class Stats:
    def __init__(self):
        self.ev, self.ok, self.fail = {}, {}, {}
        self.fields = {}

    def add(self, name, ev, d):
        if not ev:
            return
        self.ev[name] = self.ev.get(name, 0) + 1
        if not d:
            self.ok[name] = self.ok.get(name, 0) + 1
            return
        self.fail[name] = self.fail.get(name, 0) + 1
        fc = self.fields.setdefault(name, {})
        for f in d:
            fc[f] = fc.get(f, 0) + 1

    def table(self):
        rows = ["%-14s %6s %6s %6s  %s" % ("op", "steps", "pass", "fail", "failing fields (count)")]
        for name in sorted(self.ev, key=lambda n: (self.fail.get(n, 0) == 0, n)):
            fc = self.fields.get(name, {})
            ff = " ".join("%s:%d" % (f, fc[f]) for f in ORDER if f in fc)
            rows.append("%-14s %6d %6d %6d  %s" % (name, self.ev[name], self.ok.get(name, 0),
                                                   self.fail.get(name, 0), ff))
        return "\n".join(rows)


def first_failures(cases, ref, nd, crashes, checks):
    """(stats, list of (case, step, op name, fields)) for evaluated mismatches."""
    stats, fails = Stats(), []
    for c in cases:
        for step, name, ev, d in compare_case(c, ref, nd, c.id in crashes, checks):
            stats.add(name, ev, d)
            if ev and d:
                fails.append((c, step, name, d))
    return stats, fails


def signature(name, d):
    return (name, min(d, key=ORDER.index))


# ---------------------------------------------------------------- shrinking


def drop_op(case, i):
    op = case.ops[i]
    ops = []
    for j, o in enumerate(case.ops):
        if j == i:
            continue
        o = C.Op(o.dst, o.src, o.name, o.args)
        if op.dst is not None and j > i:
            if o.src == op.dst:
                o.src = op.src
            for p in o.reg_positions():
                if int(o.args[p]) == op.dst:
                    o.args[p] = str(op.src)
            if o.name in ("getitem", "setitem"):
                o.args[-1] = o.args[-1].replace("{%d}" % op.dst, "{%d}" % op.src)
        ops.append(o)
    return ops


def root_array(root):
    return C.make_root(C.Ctx(), root)


def own_root(arr, order="C"):
    arr = np.ascontiguousarray(arr) if order == "C" else np.asfortranarray(arr)
    mem = arr.T.tobytes() if order == "F" else arr.tobytes()
    return dict(kind="own", dtype=arr.dtype.str, order=order, shape=tuple(arr.shape), data=mem)


def buf_root(arr, ro):
    """A compact (C-order, offset 0) buffer root holding arr's values."""
    arr = np.ascontiguousarray(arr)
    return dict(kind="buf", dtype=arr.dtype.str, ro=ro, shape=tuple(arr.shape), strides=arr.strides,
                offset=0, data=arr.tobytes())


def root_candidates(root):
    """Simpler roots, most drastic first."""
    arr = root_array(root)
    buf = root["kind"] == "buf"
    mk = (lambda x: buf_root(x, root["ro"])) if buf else (lambda x: own_root(x, root["order"]))
    out = []
    if buf:
        out.append(own_root(arr))
        compact = buf_root(arr, root["ro"])
        if compact["strides"] != tuple(root["strides"]) or root["offset"] or len(root["data"]) != arr.nbytes:
            out.append(compact)
        if root["ro"]:
            out.append(dict(root, ro=False))
    elif root["order"] == "F":
        out.append(own_root(arr))
    if not arr.dtype.isnative:
        out.append(mk(arr.astype(arr.dtype.newbyteorder("="))))
    for ax in range(arr.ndim):
        n = arr.shape[ax]
        if n > 1:
            out.append(mk(arr.take(range(n // 2), axis=ax)))
            out.append(mk(arr.take(range(n - 1), axis=ax)))
        if n >= 1:
            out.append(mk(arr.take(0, axis=ax)))
    pattern = np.arange(arr.size)
    pattern = ((pattern % 2).astype(bool) if arr.dtype.kind == "b" else pattern.astype(arr.dtype))
    if pattern.tobytes() != np.ascontiguousarray(arr).tobytes():
        out.append(mk(pattern.reshape(arr.shape)))
    return out


def idx_candidates(expr):
    terms = [t.strip() for t in expr.split(",")]
    out = []
    if len(terms) > 1:
        out += [", ".join(terms[:k] + terms[k + 1:]) for k in range(len(terms))]
    for k, t in enumerate(terms):
        if ":" in t and t != ":":
            out.append(", ".join(terms[:k] + [":"] + terms[k + 1:]))
    return out


def candidates(case):
    out = []
    for i in range(len(case.ops)):
        out.append(C.Case(0, case.tag, case.root, drop_op(case, i), case.aux))
    for r in root_candidates(case.root):
        out.append(C.Case(0, case.tag, r, case.ops, case.aux))
    for k, (reg, ar) in enumerate(case.aux):
        for r in root_candidates(ar):
            aux = list(case.aux)
            aux[k] = (reg, r)
            out.append(C.Case(0, case.tag, case.root, case.ops, aux))
    for i, op in enumerate(case.ops):
        for args in arg_candidates(op):
            ops = list(case.ops)
            ops[i] = C.Op(op.dst, op.src, op.name, args)
            out.append(C.Case(0, case.tag, case.root, ops, case.aux))
    return out


def arg_candidates(op):
    """Simpler argument lists for one op (fewer index terms / dims)."""
    if op.name in ("idx", "getitem"):
        return [[e] for e in idx_candidates(op.args[0])]
    if op.name == "setitem":
        return [[op.args[0], e] for e in idx_candidates(op.args[1])]
    if op.name == "red" and op.args[1].startswith("t") and "," in op.args[1]:
        ax = op.args[1][1:].split(",")
        return [[op.args[0], "t" + ",".join(ax[:j] + ax[j + 1:])] + op.args[2:] for j in range(len(ax))]
    if op.name == "as_strided":
        k = int(op.args[0])
        shape, strides = op.args[1:1 + k], op.args[1 + k:1 + 2 * k]
        return [[k - 1] + shape[:j] + shape[j + 1:] + strides[:j] + strides[j + 1:] for j in range(k)]
    return []


def still_fails(case, sig, ref, nd, crashes, checks):
    if crashes.get(case.id) == "not run":
        return False
    for step, name, ev, d in compare_case(case, ref, nd, case.id in crashes, checks):
        if ev and d and name == sig[0] and sig[1] in d:
            return True
    return False


def shrink(targets, opt, workdir, deadline):
    """targets: {sig: case}.  Greedy: each round tries every candidate of
    every target in one batch and keeps the first that still fails the
    same way."""
    cur = dict(targets)
    active = set(cur)
    next_id = 10 ** 7
    rounds = 0
    while active and time.time() < deadline and rounds < 60:
        rounds += 1
        batch, owner = [], {}
        for sig in sorted(active):
            for c in candidates(cur[sig]):
                c.id = next_id
                next_id += 1
                batch.append(c)
                owner[c.id] = sig
        try_ref = {}
        safe = []
        for c in batch:
            try:
                lines = C.run_case(c, opt.text)
            except C.UnsafeCase:
                continue
            try_ref.update(parse_output("\n".join(lines))[0])
            safe.append(c)
        path = os.path.join(workdir, "shrink.txt")
        write_cases(path, safe)
        nd, crashes, _ = run_nd(opt.nd_diff, path, [c.id for c in safe], opt.text, opt.timeout)
        progressed = set()
        for c in safe:
            sig = owner[c.id]
            if sig in progressed:
                continue
            if still_fails(c, sig, try_ref, nd, crashes, opt.checks):
                cur[sig] = c
                progressed.add(sig)
        active &= progressed
    return cur


# ---------------------------------------------------------------- reporting


def show_case(case, sig, ref, nd, crashes, checks, origin):
    out = ["=" * 78, "MISMATCH %s: %s   (minimal case; shrunk from case %d)" % (sig[0], sig[1], origin),
           "-- case (run it: ref.py FILE / nd_diff FILE):", case.text().rstrip()]
    r, n = ref.get(case.id, {}), nd.get(case.id, {})
    res = compare_case(case, ref, nd, case.id in crashes, checks)
    for step, name, ev, d in res:
        rl = r.get(step, ("", {}))[1]
        nl = n.get(step, ("", None))[1]
        mark = "" if not d else ("   <-- differs: " + ", ".join(d)) if ev else "   (not compared)"
        out.append("-- step %d %s%s" % (step, name, mark))
        out.append("   numpy: " + fmt_fields(rl, d))
        out.append("   nd   : " + ("(no output: crashed)" if nl is None else fmt_fields(nl, d)))
        if ev and d and name == sig[0] and sig[1] in d:
            break
    if case.id in crashes:
        out.append("-- nd_diff crash:\n" + crashes[case.id])
    return "\n".join(out)


def fmt_fields(f, d):
    return "  ".join(("*%s=%s" if k in d else "%s=%s") % (k, v) for k, v in f.items())


# ---------------------------------------------------------------- main


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nd-diff", required=True, help="path of the nd_diff driver")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--ops", help="unary op kinds to generate (comma list; default all): " + ",".join(G.UNARY))
    ap.add_argument("--families", help="comma list of %s (default all)" % ",".join(G.FAMILIES))
    ap.add_argument("--checks", help="fields to compare (comma list; default all): " + ",".join(FIELDS))
    ap.add_argument("--skip-checks", help="fields not to compare (comma list)")
    ap.add_argument("--class-only", action="store_true", help="compare error classes, not messages")
    ap.add_argument("--bad", type=float, default=0.05, help="rate of deliberately invalid op arguments")
    ap.add_argument("--cases", help="run this case file instead of generating one")
    ap.add_argument("--shrink-max", type=int, default=12, help="distinct failures to shrink and print")
    ap.add_argument("--shrink-time", type=float, default=20, help="seconds allowed for shrinking")
    ap.add_argument("--timeout", type=int, default=60, help="seconds allowed per nd_diff run")
    ap.add_argument("--workdir", help="where the case files go (default: a temp dir)")
    ap.add_argument("--known", help="file of 'op field' pairs: known gaps, reported but not failing")
    ap.add_argument("-q", "--quiet", action="store_true", help="summary only, no minimal cases")
    opt = ap.parse_args()
    if os.environ.get("ND_DIFF_SEED"):
        opt.seed = int(os.environ["ND_DIFF_SEED"])
    if os.environ.get("ND_DIFF_COUNT"):
        opt.count = int(os.environ["ND_DIFF_COUNT"])
    checks = set(opt.checks.split(",")) if opt.checks else set(FIELDS)
    if opt.skip_checks:
        checks -= set(opt.skip_checks.split(","))
    if opt.class_only:
        checks.discard("msg")
    unknown = checks - set(FIELDS)
    if unknown:
        ap.error("unknown checks: " + ",".join(sorted(unknown)))
    for o in (opt.ops.split(",") if opt.ops else []):
        if o not in G.UNARY:
            ap.error("unknown op kind %r (known: %s)" % (o, ",".join(G.UNARY)))
    for f in (opt.families.split(",") if opt.families else []):
        if f not in G.FAMILIES:
            ap.error("unknown family %r" % f)
    opt.checks = checks
    opt.text = bool(checks & {"str", "repr"})
    return opt


def main():
    opt = parse_args()
    t0 = time.time()
    workdir = opt.workdir or tempfile.mkdtemp(prefix="nd_diff_")
    os.makedirs(workdir, exist_ok=True)
    if opt.cases:
        with open(opt.cases) as f:
            cases = C.parse_file(f.read())
        path = opt.cases
        what = "case file %s" % path
    else:
        ops = opt.ops.split(",") if opt.ops else None
        fams = opt.families.split(",") if opt.families else None
        cases = G.generate(opt.seed, opt.count, ops, fams, opt.bad)
        path = os.path.join(workdir, "cases.txt")
        write_cases(path, cases)
        what = "seed %d, %d cases" % (opt.seed, opt.count)

    # libnd in a thread (a subprocess) while NumPy runs here: two cores.
    box = {}
    th = threading.Thread(target=lambda: box.update(
        r=run_nd(opt.nd_diff, path, [c.id for c in cases], opt.text, opt.timeout)))
    t1 = time.time()
    th.start()
    ref = run_ref(cases, opt.text)
    t2 = time.time()
    th.join()
    t3 = time.time()
    nd, crashes, problems = box["r"]

    times = ["generate %.1fs" % (t1 - t0), "numpy %.1fs" % (t2 - t1), "nd waited %.1fs" % (t3 - t2)]
    stats, fails = first_failures(cases, ref, nd, crashes, opt.checks)
    nsteps = sum(stats.ev.values())
    bad_cases = {c.id for c, _, _, _ in fails}

    if fails and not opt.quiet and opt.shrink_max > 0:
        targets, origin = {}, {}
        for c, step, name, d in sorted(fails, key=lambda f: (len(f[0].ops), f[0].id)):
            sig = signature(name, d)
            if sig not in targets and len(targets) < opt.shrink_max:
                targets[sig], origin[sig] = c, c.id
        t4 = time.time()
        small = shrink(targets, opt, workdir, time.time() + opt.shrink_time)
        times.append("shrink %.1fs" % (time.time() - t4))
        final = list(small.values())
        fpath = os.path.join(workdir, "minimal.txt")
        write_cases(fpath, final)
        fref = run_ref(final, opt.text)
        fnd, fcr, _ = run_nd(opt.nd_diff, fpath, [c.id for c in final], opt.text, opt.timeout)
        for sig in sorted(small):
            print(show_case(small[sig], sig, fref, fnd, fcr, opt.checks, origin[sig]))
        print("=" * 78)
        print("minimal cases written to %s" % fpath)

    print("numpy_diff: %s; checks: %s" % (what, ",".join(f for f in FIELDS if f in opt.checks)))
    print(stats.table())
    for p in problems:
        print("PROBLEM: " + p)
    if crashes:
        print("nd_diff crashed/timed out on %d case(s): %s" % (
            len(crashes), " ".join(str(i) for i in sorted(crashes)[:20])))
    sigs = {}
    for c, step, name, d in fails:
        sigs[signature(name, d)] = sigs.get(signature(name, d), 0) + 1
    print("%d steps compared, %d mismatching in %d of %d cases, %d distinct (op, field) failures; "
          "%.1fs (%s)" % (nsteps, len(fails), len(bad_cases), len(cases), len(sigs), time.time() - t0,
                          ", ".join(times)))
    known = set()
    if opt.known:
        with open(opt.known) as f:
            for line in f:
                t = line.split("#")[0].split()
                if len(t) == 2:
                    known.add((t[0], t[1]))
    # A known gap fails nothing only when every differing field of the step is known.
    open_fails = [f for f in fails
                  if not all((f[2], fld) in known or ("*", fld) in known for fld in f[3])]
    if len(open_fails) < len(fails):
        print("%d mismatching steps are known gaps (%s), listed above; not counted"
              % (len(fails) - len(open_fails), opt.known))
    ok = not open_fails and not crashes and not problems
    print("numpy_diff: PASS" if ok else "numpy_diff: FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
