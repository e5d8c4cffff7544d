"""bench/scripts.py — run.py's rows for the nd program (tools/nd).

Each row runs one Python script twice: under the nd interpreter (the
nd_median_s column) and under /usr/bin/python3 + NumPy (numpy_median_s):

    nd_startup              `nd -c 'pass'` vs `python3 -c 'import numpy'`
    nd_loop_1M_scalar_rw    1,000,000 scalar-indexed reads and writes in a loop
    nd_script_<C row>       a whole-array operation on 10M elements, as a script

The nd_script_* rows repeat the operation of the nd_bench row named after
them (same inputs), so after the table run.py also prints each script's
time over that C call's time: the interpreter's overhead on whole arrays.

Timing.  --clock wall: start-up is the wall time of the whole process; the
other scripts time their own loop with time.perf_counter (the median of
REPS repetitions for whole-array rows).  --clock cpu: the CPU time
(user + sys, from wait4) of the child process; a script runs once with its
loop and once with an empty loop, and the difference is the loop's cost,
so process start-up and setup drop out.
"""
import os
import statistics
import subprocess
import sys
import time

NUMPY_PY = "/usr/bin/python3"
N10M = 10_000_000
RAND10M = "np.random.seed(0)\na = np.random.rand(%d)" % N10M  # nd_bench's rand_f64(10M)

# name -> (setup, statement, repetitions, nd_bench row it mirrors)
WHOLE = {
    "nd_script_copy_10M_i64": ("a = np.arange(%d)" % N10M, "a.copy()", 10, "copy_10M_i64"),
    "nd_script_astype_i64_f64": ("a = np.arange(%d)" % N10M, "a.astype('f8')", 10, "astype_i64_f64"),
    "nd_script_add_10M_f64": (RAND10M + "\nb = a.copy()", "a + b", 10, "add_10M_f64"),
    "nd_script_iadd_strided_5M_f64": (RAND10M + "\nv = a[::2]", "v += 1", 10, "iadd_strided_5M_f64"),
    "nd_script_sum_10M_f64": (RAND10M, "a.sum()", 20, "sum_10M_f64"),
    "nd_script_bool_index_10M_f64": (RAND10M, "a[a > 0.5]", 10, "bool_index_10M_f64"),
}
LOOP_N = 1_000_000
LOOP = """\
import time
import numpy as np
n = 1000
a = np.zeros(n)
t0 = time.perf_counter()
for i in range(%d):
    a[i %% n] = a[(i * 7) %% n] + 1
print('T', time.perf_counter() - t0)
"""
WHOLE_SCRIPT = """\
import time
import numpy as np
%s
ts = []
for _ in range(%d):
    t0 = time.perf_counter()
    %s
    ts.append(time.perf_counter() - t0)
ts.sort()
print('T', ts[len(ts) // 2] if ts else 0.0)
"""
STARTUP_RUNS = 20
ROWS = ["nd_startup", "nd_loop_1M_scalar_rw"] + list(WHOLE)


def nd_path(build_dir):
    return os.path.join(build_dir, "tools", "nd", "nd")


def build(build_dir):
    """The interpreter, in run.py's build directory (after its configure)."""
    subprocess.run(["cmake", "--build", build_dir, "-j2", "--target", "nd"], check=True,
                   stdout=subprocess.DEVNULL)


def numpy_env():
    env = dict(os.environ)
    env.pop("OPENBLAS_CORETYPE", None)  # as run.py's NumPy worker
    env.pop("OPENBLAS_L2_SIZE", None)
    return env


def child_run(cmd, env=None):
    """Like run, but reaps the child itself so its rusage is exact."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out = p.stdout.read()
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["?"]
        raise RuntimeError("%s exit %d: %s" % (os.path.basename(cmd[0]), p.returncode, last[0]))
    return out.decode(), wall, ru.ru_utime + ru.ru_stime


def script_time(cmd, text, clock, env):
    """Seconds for a script's timed part (see the module comment)."""
    if clock == "wall":
        out = child_run(cmd + ["-c", text.replace("%EMPTY%", "")], env)[0]
        return float(out.split("T", 1)[1])
    full = child_run(cmd + ["-c", text.replace("%EMPTY%", "")], env)[2]
    empty = child_run(cmd + ["-c", text.replace("%EMPTY%", "0 * ")], env)[2]
    return max(full - empty, 0.0)


def time_row(name, side, nd, clock):
    cmd = [nd] if side == "nd" else [NUMPY_PY]
    env = None if side == "nd" else numpy_env()
    if name == "nd_startup":
        code = "pass" if side == "nd" else "import numpy"
        t = [child_run(cmd + ["-c", code], env)[1 if clock == "wall" else 2] for _ in range(STARTUP_RUNS)]
        return statistics.median(t)
    if name == "nd_loop_1M_scalar_rw":
        # %EMPTY% turns the loop count into 0 for the CPU clock's empty run
        return script_time(cmd, LOOP.replace("range(%d)", "range(%%EMPTY%%%d)") % LOOP_N, clock, env)
    setup, stmt, reps, _ = WHOLE[name]
    text = WHOLE_SCRIPT % (setup, reps, stmt)
    if clock == "cpu":
        text = text.replace("range(%d)" % reps, "range(%%EMPTY%%%d)" % reps)
    t = script_time(cmd, text, clock, env)
    return t / reps if clock == "cpu" else t


def run_round(names, build_dir, clock, rnd):
    """({name: (seconds, why)} for nd, the same for NumPy): one round of
    the script rows, the side going first alternating with rnd."""
    nd = nd_path(build_dir)
    res = {"nd": {}, "np": {}}
    for name in names:
        sides = ["nd", "np"] if (rnd + ROWS.index(name)) % 2 == 0 else ["np", "nd"]
        for side in sides:
            if side == "nd" and not os.access(nd, os.X_OK):
                res[side][name] = (float("nan"), "no nd interpreter at " + nd)
                continue
            try:  # one process per round and side (rounds give the median)
                res[side][name] = (time_row(name, side, nd, clock), "")
            except (RuntimeError, ValueError, IndexError) as e:
                res[side][name] = (float("nan"), str(e))
    return res["nd"], res["np"]


def c_lines(rows, build_dir, samples, clock):
    """'# nd_script_x: ...' lines: each whole-array script's nd time over
    its nd_bench row (run here when the table did not include it)."""
    by = {r["op"]: r for r in rows}
    want = [(n, WHOLE[n][3]) for n in WHOLE if n in by and by[n]["nd_median_s"]]
    missing = [c for _, c in want if not (by.get(c) or {}).get("nd_median_s")]
    extra = {}
    if missing:
        exe = os.path.join(build_dir, "nd_bench")
        for c in missing:
            out = subprocess.run([exe, "--filter", c, "--samples", str(samples), "--clock", clock],
                                 capture_output=True, text=True).stdout
            for line in out.splitlines():
                p = line.split("\t")
                if len(p) >= 2 and p[0] == c:
                    try:
                        extra[c] = float(p[1])
                    except ValueError:
                        pass
    out = []
    for n, c in want:
        cs = (by.get(c) or {}).get("nd_median_s") or extra.get(c)
        if cs:
            out.append("# %s: nd script %.3e s / libnd from C (%s) %.3e s = %.2f  (target <= 1.10)"
                       % (n, by[n]["nd_median_s"], c, cs, by[n]["nd_median_s"] / cs))
    return out


if __name__ == "__main__":
    sys.exit("run bench/run.py; this file holds its nd program rows")
