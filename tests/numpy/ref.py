#!/usr/bin/python3
"""ref.py — run a differential case file (format: cases.py) with NumPy and
print the canonical line for every step (the reference for nd_diff).

    ref.py [--no-text] CASEFILE
"""
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree

import cases as C


def main():
    args = sys.argv[1:]
    text = "--no-text" not in args
    files = [a for a in args if not a.startswith("--")]
    if len(files) != 1:
        sys.exit("usage: ref.py [--no-text] CASEFILE")
    with open(files[0]) as f:
        all_cases = C.parse_file(f.read())
    out = sys.stdout
    for case in all_cases:
        try:
            lines = C.run_case(case, text)
        except C.UnsafeCase as e:
            lines = ["%d:0\troot\terr=UnsafeCase\tmsg=%s" % (case.id, e)]
        out.write("\n".join(lines))
        out.write("\ndone %d\n" % case.id)


if __name__ == "__main__":
    main()
