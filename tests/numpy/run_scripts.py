#!/usr/bin/env python3
"""Run every tests/numpy/scripts/NNN_name.py under Python + NumPy and under
nd, and compare: stdout must be identical, and when Python fails, nd must
exit 1 with the same last stderr line (the exception class and message).

usage: run_scripts.py --nd PATH [--python /usr/bin/python3] [--workdir DIR] [-k SUBSTR] [-v]
Exits 0 when every script agrees, 1 otherwise (a diff for each failure)."""
import argparse
import difflib
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd, script, cwd):
    try:
        p = subprocess.run(cmd + [script], cwd=cwd, capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        return None, b"", b"timeout"
    return p.returncode, p.stdout, p.stderr


def last_line(err):
    lines = [l for l in err.decode("utf-8", "replace").splitlines() if l.strip()]
    return lines[-1] if lines else ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nd", required=True)
    ap.add_argument("--python", default="/usr/bin/python3")
    ap.add_argument("--scripts", default=os.path.join(HERE, "scripts"))
    ap.add_argument("--workdir", default=None)
    ap.add_argument("-k", default="")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    a.nd = os.path.abspath(a.nd)
    a.scripts = os.path.abspath(a.scripts)  # each side runs in its own directory
    scripts = sorted(f for f in os.listdir(a.scripts) if f.endswith(".py") and a.k in f)
    work = a.workdir or tempfile.mkdtemp(prefix="nd_scripts_")
    os.makedirs(work, exist_ok=True)
    fails = []
    for name in scripts:
        path = os.path.join(a.scripts, name)
        # each side runs in its own empty directory: scripts may write files
        wp = os.path.join(work, "py_" + name[:-3])
        wn = os.path.join(work, "nd_" + name[:-3])
        for d in (wp, wn):
            os.makedirs(d, exist_ok=True)
        prc, pout, perr = run([a.python], path, wp)
        nrc, nout, nerr = run([a.nd], path, wn)
        problems = []
        if pout != nout:
            diff = difflib.unified_diff(pout.decode("utf-8", "replace").splitlines(),
                                        nout.decode("utf-8", "replace").splitlines(),
                                        "numpy", "nd", lineterm="", n=2)
            problems.append("stdout differs:\n" + "\n".join(list(diff)[:60]))
        if prc == 0 and nrc != 0:
            problems.append("nd failed (exit %s): %s" % (nrc, last_line(nerr)))
        if prc != 0:
            if nrc != 1:
                problems.append("python failed (%s) but nd exited %s" % (last_line(perr), nrc))
            elif last_line(perr) != last_line(nerr):
                problems.append("error differs:\n  numpy: %s\n  nd:    %s" % (last_line(perr), last_line(nerr)))
        if problems:
            fails.append(name)
            print("FAIL %s\n  %s" % (name, "\n  ".join(problems)))
        elif a.v:
            print("ok   %s" % name)
    print("%d/%d scripts match NumPy" % (len(scripts) - len(fails), len(scripts)))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
