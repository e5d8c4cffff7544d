# The format-spec mini-language for ints, floats and strings
vals = [0, 7, -42, 123456789]
for v in vals:
    print(f"[{v:d}] [{v:5d}] [{v:<6}] [{v:^7}] [{v:+}] [{v: d}] [{v:08d}] [{v:,}] [{v:x}] [{v:#o}] [{v:#b}]")
for x in [0.0, 3.14159, -2.5, 1234567.891, 1e-7, float("inf")]:
    print(f"[{x:.2f}] [{x:10.3f}] [{x:<10.1e}] [{x:g}] [{x:.3g}] [{x:%}] [{x:+.1f}] [{x:,.2f}]")
print(f"[{'ab':>5}] [{'ab':*<5}] [{'ab':^6}] [{'abcdef':.3}] [{'x'!r}] [{3.5!s:>6}]")
w, p = 9, 3
print(f"[{3.14159:{w}.{p}f}] [{'nest':{'>'}{w}}]", format(255, "#06x"), format(0.5, ".0%"), "{:e}".format(12345.678))
