# More str methods scripts use for reports
s = "  Hello, NumPy World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), s.lower(), s.upper(), s.title())
t = s.strip()
print(t.split(", "), t.split(), t.replace("o", "0"), t.find("NumPy"), t.count("o"), t.startswith("Hell"), t.endswith("d"))
print("-".join(["a", "b", "c"]), "x".center(7, "*"), "42".zfill(6), "ab".ljust(5, ".") + "|", "ab".rjust(5) + "|")
print("a,b,,c".split(","), "a b  c".split(" "), "line1\nline2".splitlines(), "k=v=w".partition("="))
print("abc".isalpha(), "123".isdigit(), "  ".isspace(), "Ab".isupper(), "ab".islower(), "abc"[::-1])
print("%s has %d items costing %.2f" % ("cart", 3, 9.5), "{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{0}{1}{0}".format("ab", "-"), "{name}={val:.3f}".format(name="pi", val=3.14159), "tab\there")
print(ord("A"), chr(97), "cafe".upper(), len("café"), "é" in "café", "café"[::-1], "straße".find("e"))
