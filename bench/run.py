#!/usr/bin/python3
"""bench/run.py — libnd against NumPy, one line per operation.

    bench/run.py [--rounds N] [--samples N] [--filter SUBSTR] [--clock wall|cpu] [--json]
                 [--build-dir DIR] [--no-build] [--big]

Builds bench/nd_bench (Release) unless --no-build, then runs ROUNDS
interleaved rounds: each round runs every row through libnd (C, the
nd_bench driver) and through NumPy (/usr/bin/python3, in a fresh process,
with OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset for that process only), the
side going first alternating between rounds.  Each side reports a median
per-call time per row; the table shows the median over rounds:

    op  nd_median_s  numpy_median_s  numpy/nd

numpy/nd > 1 means libnd is faster.  After the table, one "# issue N
target ..." line per speed target of the issues (TARGETS below), computed
as the issue words it, says met or SHORT.  --clock cpu times each side's own
thread CPU time instead of wall time (kernel work such as page faults is
included): use it when other work is running on the machine.  Rows are table driven: a row is the
name shared by nd_bench.c's OPS table and NUMPY_OPS below; a row present
on one side only prints '-' for the other.  --big adds the 800 MB .npy
save/load rows (files in /tmp, deleted after each row; ~1 minute more).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

import scripts as nd_scripts  # rows for the nd program (bench/scripts.py)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
NUMPY_PY = "/usr/bin/python3"

RAND10M = "np.random.seed(0); a = np.random.rand(10_000_000)"
ARANGE4K = "m = np.arange(4096 * 4096, dtype='f8').reshape(4096, 4096)"


def npy_setup(n):
    return (f"import os; path = f'/tmp/np_bench_{{os.getpid()}}.npy'; np.random.seed(0); "
            f"a = np.random.rand({n}); np.save(path, a)")


def mmsum_setup(nbytes):
    """A float64 file of i % 1000 written for real, and the chunked sum of
    examples/memmap_sum.py: one np.memmap per 16 MiB window, dropped after
    its sum (which unmaps it)."""
    return (f"import os; path = f'/tmp/np_bench_{{os.getpid()}}.f64'; nbytes = {nbytes}\n"
            "blk = (np.arange(2 << 20) % 1000).astype('f8')\n"
            "with open(path, 'wb') as f:\n"
            "    for _ in range(nbytes // blk.nbytes): blk.tofile(f)\n"
            "def mmsum(path, nbytes, win=16 << 20):\n"
            "    t = 0.0\n"
            "    for s in range(0, nbytes, win):\n"
            "        t += float(np.memmap(path, dtype='f8', mode='r', offset=s, shape=(min(win, nbytes - s) // 8,)).sum())\n"
            "    return t\n")


# name -> (setup, statement, ops per statement).  The statement (a function
# body: assignments work; name a rebound global with `global`) is timed
# like nd_bench times its row: batches grown to >= 2 ms, median of samples.
# A setup that binds `path` has that file removed after the row.
NUMPY_OPS = {
    "view_slice": ("x = np.arange(12)", "x[1:5]", 1),
    "view_transpose": ("m = np.arange(12).reshape(3, 4)", "m.T", 1),
    "view_reshape": ("x = np.arange(12)", "x.reshape(3, 4)", 1),
    "view_dtype": ("x = np.arange(12)", "x.view('i4')", 1),
    "view_slice_1000_live": ("x = np.arange(12)", "[x[1:5] for _ in range(1000)]", 1000),
    "copy_10M_i64": ("a = np.arange(10_000_000)", "a.copy()", 1),
    "copyto_10M_i64": ("a = np.arange(10_000_000); b = np.empty_like(a)", "np.copyto(b, a)", 1),
    "transpose_copy_4096_f64": ("b = np.arange(4096 * 4096, dtype='f8').reshape(4096, 4096)",
                                "np.ascontiguousarray(b.T)", 1),
    "astype_i64_f64": ("a = np.arange(10_000_000)", "a.astype('f8')", 1),
    "astype_f64_f32": ("a = np.arange(10_000_000, dtype='f8')", "a.astype('f4')", 1),
    "astype_u8_f32": ("a = np.arange(10_000_000).astype('u1')", "a.astype('f4')", 1),
    "shares_memory_1d": ("z = np.arange(10_000_000); p, q = z[::2], z[1::2]",
                         "np.shares_memory(p, q)", 1),
    "shares_memory_2d": ("z = np.arange(10_000_000).reshape(1000, 10000); p, q = z[:, ::2], z[:, 1::2]",
                         "np.shares_memory(p, q)", 1),
    "byteswap_10M_i32": ("a = np.arange(10_000_000, dtype='i4')", "a.byteswap()", 1),
    "byteswap_inplace_10M_i32": ("a = np.arange(10_000_000, dtype='i4')", "a.byteswap(True)", 1),
    # compute (issue 3).  RAND10M is the same data as nd_bench's rand_f64.
    "bool_index_10M_f64": (RAND10M, "a[a > 0.5]", 1),
    "bool_assign_10M_f64": (RAND10M + "; b = a.copy(); mask = a > 0.5", "b[mask] = 0", 1),
    "std_10M_f64": (RAND10M, "a.std()", 1),
    "gather_10M_f64": (RAND10M + "; idx = np.random.RandomState(1).randint(0, 10_000_000, 10_000_000)",
                       "a[idx]", 1),
    "scatter_10M_f64": (RAND10M + "; idx = np.random.RandomState(1).randint(0, 10_000_000, 10_000_000)",
                        "a[idx] = 1.0", 1),
    "add_10M_f64": (RAND10M + "; b = a.copy()", "a + b", 1),
    "add_out_10M_f64": (RAND10M + "; b = a.copy(); c = np.empty_like(a)", "np.add(a, b, out=c)", 1),
    "add_row_4096_f64": (ARANGE4K + "; r = np.arange(4096.0)", "m + r", 1),
    "iadd_strided_5M_f64": (RAND10M + "; v = a[::2]", "global v; v += 1", 1),
    "sum_10M_f64": (RAND10M, "a.sum()", 1),
    "mean_10M_f64": (RAND10M, "a.mean()", 1),
    "sum_axis0_4096_f64": (ARANGE4K, "m.sum(axis=0)", 1),
    "sum_axis1_4096_f64": (ARANGE4K, "m.sum(axis=1)", 1),
    # memory sources and files (issue 5); NPY is a file in /tmp, removed after the row
    "frombuffer_80MB": ("buf = bytearray(80_000_000)", "np.frombuffer(buf, dtype='f8')", 1),
    "save_npy_80MB": (npy_setup(10_000_000), "np.save(path, a)", 1),
    "load_npy_80MB": (npy_setup(10_000_000), "np.load(path)", 1),
    "load_mmap_sum_80MB": (npy_setup(10_000_000), "np.load(path, mmap_mode='r').sum()", 1),
    "save_npy_800MB": (npy_setup(100_000_000), "np.save(path, a)", 1),
    "load_npy_800MB": (npy_setup(100_000_000), "np.load(path)", 1),
    "load_mmap_sum_800MB": (npy_setup(100_000_000), "np.load(path, mmap_mode='r').sum()", 1),
    # a float64 file summed 16 MiB window by window (read_file_* is nd_bench's read(2) reference)
    "memmap_sum_chunked_256MiB": (mmsum_setup(256 << 20), "mmsum(path, nbytes)", 1),
    "memmap_sum_chunked_2GiB": (mmsum_setup(2 << 30), "mmsum(path, nbytes)", 1),
}
# The issues' speed targets, each computed as the issue words it:
# (issue, label, kind, nd row, numpy row or None, target).  kind "ratio":
# NumPy's row time / nd's row time >= target; "ns": nd's time < target ns;
# "frac": nd's reference row time / nd's row time >= target (a fraction of
# a limit measured in the same run).  Where the issue compares against
# NumPy's *allocating* op (copyto, add out=), the NumPy row is that op.
TARGETS = [
    (2, "view: slice from C", "ns", "view_slice", None, 25),
    (2, "view: transpose from C", "ns", "view_transpose", None, 25),
    (2, "view: reshape from C", "ns", "view_reshape", None, 25),
    (2, "view: view(dtype) from C", "ns", "view_dtype", None, 25),
    (2, "view: 1000 live slices, per view", "ns", "view_slice_1000_live", None, 25),
    (2, "copy 10M int64 (allocating)", "ratio", "copy_10M_i64", "copy_10M_i64", 1.0),
    (2, "copyto 10M int64 vs NumPy's allocating copy", "ratio", "copyto_10M_i64", "copy_10M_i64", 1.8),
    (2, "copyto 10M int64 vs memcpy (same run)", "frac", "copyto_10M_i64", "memcpy_80MB", 0.95),
    (2, "ascontiguousarray(b.T) 4096^2 f64", "ratio", "transpose_copy_4096_f64", "transpose_copy_4096_f64", 4.0),
    (2, "astype int64->float64", "ratio", "astype_i64_f64", "astype_i64_f64", 1.1),
    (2, "astype float64->float32", "ratio", "astype_f64_f32", "astype_f64_f32", 1.1),
    (2, "astype uint8->float32", "ratio", "astype_u8_f32", "astype_u8_f32", 1.1),
    (2, "shares_memory 1-d interleaved", "ns", "shares_memory_1d", None, 100),
    (2, "shares_memory 2-d interleaved", "ns", "shares_memory_2d", None, 100),
    (3, "a[a > 0.5]", "ratio", "bool_index_10M_f64", "bool_index_10M_f64", 3.0),
    (3, "a[mask] = 0", "ratio", "bool_assign_10M_f64", "bool_assign_10M_f64", 8.0),
    (3, "std 10M f64", "ratio", "std_10M_f64", "std_10M_f64", 3.0),
    (3, "gather a[idx] 10M", "ratio", "gather_10M_f64", "gather_10M_f64", 1.3),
    (3, "scatter a[idx] = 1.0", "ratio", "scatter_10M_f64", "scatter_10M_f64", 1.0),
    (3, "add 10M f64", "ratio", "add_10M_f64", "add_10M_f64", 1.0),
    (3, "add broadcast row 4096^2", "ratio", "add_row_4096_f64", "add_row_4096_f64", 1.0),
    (3, "v += 1 on a[::2]", "ratio", "iadd_strided_5M_f64", "iadd_strided_5M_f64", 1.0),
    (3, "sum 10M f64", "ratio", "sum_10M_f64", "sum_10M_f64", 1.0),
    (3, "mean 10M f64", "ratio", "mean_10M_f64", "mean_10M_f64", 1.0),
    (3, "sum axis 0 4096^2", "ratio", "sum_axis0_4096_f64", "sum_axis0_4096_f64", 1.0),
    (3, "sum axis 1 4096^2", "ratio", "sum_axis1_4096_f64", "sum_axis1_4096_f64", 1.0),
    (3, "sum at >= 85% of read bandwidth", "frac", "sum_10M_f64", "read_bw_loop_80MB", 0.85),
    (3, "mean at >= 85% of read bandwidth", "frac", "mean_10M_f64", "read_bw_loop_80MB", 0.85),
    (3, "add out= vs NumPy's allocating a + b", "ratio", "add_out_10M_f64", "add_10M_f64", 1.5),
    (5, "frombuffer 80 MB from C", "ns", "frombuffer_80MB", None, 50),
    (5, "save .npy 80 MB", "ratio", "save_npy_80MB", "save_npy_80MB", 1.0),
    (5, "load .npy 80 MB", "ratio", "load_npy_80MB", "load_npy_80MB", 1.0),
    (5, "save .npy 800 MB", "ratio", "save_npy_800MB", "save_npy_800MB", 1.0),
    (5, "load .npy 800 MB", "ratio", "load_npy_800MB", "load_npy_800MB", 1.0),
    (5, "load(mmap_mode='r') + sum 80 MB", "ratio", "load_mmap_sum_80MB", "load_mmap_sum_80MB", 1.0),
    (5, "byteswap 10M int32 (allocating)", "ratio", "byteswap_10M_i32", "byteswap_10M_i32", 1.8),
    (5, "byteswap 10M int32 in place", "ratio", "byteswap_inplace_10M_i32", "byteswap_inplace_10M_i32", 4.0),
    (4, "nd -c 'pass' vs python3 -c 'import numpy'", "ratio", "nd_startup", "nd_startup", 10.0),
    (4, "1M scalar reads+writes loop", "ratio", "nd_loop_1M_scalar_rw", "nd_loop_1M_scalar_rw", 1.0),
]


def target_lines(rows):
    """One line per target whose rows ran: value, target, met or short."""
    nd = {r["op"]: r["nd_median_s"] for r in rows}
    np_ = {r["op"]: r["numpy_median_s"] for r in rows}
    out = []
    for issue, label, kind, row, ref, want in TARGETS:
        if kind == "ns":
            v = nd.get(row)
            if v is None:
                continue
            val, ok, txt = v * 1e9, v * 1e9 < want, f"{v * 1e9:.1f} ns (target < {want} ns)"
        else:
            a = nd.get(row)
            b = (np_ if kind == "ratio" else nd).get(ref)
            if not a or not b:
                continue
            val = b / a
            ok = val >= want
            txt = f"{val:.2f} (target >= {want})"
        out.append({"issue": issue, "target": label, "value": val, "met": ok,
                    "line": f"# issue {issue} target {label}: {txt}  {'met' if ok else 'SHORT'}"})
    return out


BIG = {"save_npy_800MB", "load_npy_800MB", "load_mmap_sum_800MB"}
BIG |= {"memmap_sum_chunked_2GiB"}  # only with --big

# Runs inside the NumPy process: argv[1] is a JSON list of
# [name, setup, stmt, scale, samples]; prints "name<TAB>seconds" lines.
NUMPY_WORKER = r"""
import json, sys, time, gc
import numpy as np
ops = json.loads(sys.argv[1])
clock = time.thread_time if sys.argv[2] == "cpu" else time.perf_counter
for name, setup, stmt, scale, samples in ops:
    ns = {"np": np}
    try:
        exec(setup, ns)
        exec("def _f():\n    " + stmt, ns)
        f = ns["_f"]
        f()
        batch = 1
        while True:
            t = clock()
            for _ in range(batch):
                f()
            if clock() - t >= 0.002 or batch >= 1 << 30:
                break
            batch *= 2
        s = []
        for _ in range(samples):
            t = clock()
            for _ in range(batch):
                f()
            s.append((clock() - t) / batch / scale)
        s.sort()
        print(f"{name}\t{s[len(s) // 2]:.9g}", flush=True)
    except Exception as e:
        print(f"{name}\tnan\t{type(e).__name__}: {e}", flush=True)
    if isinstance(ns.get("path"), str) and ns["path"].startswith("/tmp/"):
        import os
        try:
            os.unlink(ns["path"])
        except OSError:
            pass
    ns.clear()
    gc.collect()
"""


def parse(text):
    out = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            try:
                v = float(parts[1])
            except ValueError:
                continue
            out[parts[0]] = (v, parts[2] if len(parts) > 2 else "")
    return out


def build(build_dir):
    subprocess.run(["cmake", "-S", ROOT, "-B", build_dir, "-DCMAKE_BUILD_TYPE=Release",
                    "-DND_BUILD_TESTS=OFF", "-DND_BUILD_EXAMPLES=OFF"],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", build_dir, "-j2", "--target", "nd_bench"],
                   check=True, stdout=subprocess.DEVNULL)


def run_nd(exe, filt, samples, clock, big):
    cmd = [exe, "--samples", str(samples), "--clock", clock] + (["--big"] if big else [])
    if filt:
        cmd += ["--filter", filt]
    return parse(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


def run_numpy(names, samples, clock):
    env = dict(os.environ)
    env.pop("OPENBLAS_CORETYPE", None)  # these slow a current NumPy down
    env.pop("OPENBLAS_L2_SIZE", None)
    ops = [[n, *NUMPY_OPS[n][:2], NUMPY_OPS[n][2], samples] for n in names]
    r = subprocess.run([NUMPY_PY, "-c", NUMPY_WORKER, json.dumps(ops), clock], env=env,
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
    return parse(r.stdout)


def fmt(x):
    return "-" if x is None else f"{x:.3e}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--samples", type=int, default=5)
    ap.add_argument("--filter", default="")
    ap.add_argument("--clock", choices=["wall", "cpu"], default="wall")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--build-dir", default=os.path.join(ROOT, "build-bench"))
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--big", action="store_true", help="add the 800 MB .npy save/load rows (files in /tmp)")
    args = ap.parse_args()

    if not args.no_build:
        build(args.build_dir)
        nd_scripts.build(args.build_dir)
    exe = os.path.join(args.build_dir, "nd_bench")
    names = subprocess.run([exe, "--list"] + (["--big"] if args.big else []), check=True,
                           capture_output=True, text=True).stdout.split()
    names += [n for n in NUMPY_OPS if n not in names and (args.big or n not in BIG)]
    names += nd_scripts.ROWS
    names = [n for n in names if args.filter in n]
    np_names = [n for n in names if n in NUMPY_OPS]

    nd_runs, np_runs, notes = [], [], {}
    for r in range(max(1, args.rounds)):
        sides = [("nd", lambda: run_nd(exe, args.filter, args.samples, args.clock, args.big)),
                 ("np", lambda: run_numpy(np_names, args.samples, args.clock))]
        if r % 2:
            sides.reverse()
        for side, fn in sides:
            res = fn()
            (nd_runs if side == "nd" else np_runs).append(res)
            for k, (v, why) in res.items():
                if why:
                    notes[f"{side}:{k}"] = why
        # the nd program rows (bench/scripts.py): nd interpreter vs python3, same script
        script_rows = [n for n in names if n in nd_scripts.ROWS]
        for side, res in zip(("nd", "np"), nd_scripts.run_round(script_rows, args.build_dir, args.clock, r)):
            (nd_runs if side == "nd" else np_runs)[-1].update(res)
            notes.update({f"{side}:{k}": why for k, (v, why) in res.items() if why})

    def med(runs, name):
        v = [run[name][0] for run in runs if name in run and run[name][0] == run[name][0]]
        return statistics.median(v) if v else None

    rows = []
    for n in names:
        a, b = med(nd_runs, n), med(np_runs, n)
        rows.append({"op": n, "nd_median_s": a, "numpy_median_s": b,
                     "numpy_over_nd": (b / a) if a and b else None,
                     "nd_rounds": [run.get(n, (None,))[0] for run in nd_runs],
                     "numpy_rounds": [run.get(n, (None,))[0] for run in np_runs]})
    if args.json:
        targets = [{k: v for k, v in t.items() if k != "line"} for t in target_lines(rows)]
        json.dump({"rounds": args.rounds, "clock": args.clock, "rows": rows, "targets": targets,
                   "notes": notes}, sys.stdout,
                  indent=1)
        print()
        return
    w = max(len(n) for n in names) if names else 10
    print(f"{'op':<{w}}  {'nd_median_s':>11}  {'numpy_median_s':>14}  {'numpy/nd':>8}")
    for row in rows:
        ratio = row["numpy_over_nd"]
        print(f"{row['op']:<{w}}  {fmt(row['nd_median_s']):>11}  {fmt(row['numpy_median_s']):>14}  "
              f"{'-' if ratio is None else f'{ratio:.2f}':>8}")
    for k, why in sorted(notes.items()):
        print(f"# {k}: {why}")
    for line in nd_scripts.c_lines(rows, args.build_dir, args.samples, args.clock):
        print(line)
    for t in target_lines(rows):
        print(t["line"])


if __name__ == "__main__":
    main()
