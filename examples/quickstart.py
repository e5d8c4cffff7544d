# quickstart.py — the NumPy original of quickstart.c (README's quick start).
import numpy as np

a = np.arange(6)
v = a[1:4]
c = a[1:4].copy()
v[0] = 99
c[0] = -1
print(f"a = {a}")
print(f"view shares: {int(np.shares_memory(a, v))}, copy shares: {int(np.shares_memory(a, c))}, "
      f"v.base is a: {int(v.base is a)}")
try:
    a.reshape(4)
except ValueError as e:
    print(f"{type(e).__name__}: {e}")
