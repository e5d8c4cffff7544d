x = 3.14159
n = 42
s = 'hi'
print(f'{x:.2f}|{x:10.3f}|{x:<10.1f}|{x:e}|{x:.3e}|{x:g}|{x:%}')
print(f'{n:5d}|{n:<5d}|{n:^7d}|{n:05d}|{n:x}|{n:#x}|{n:o}|{n:b}|{n:+d}|{n:,}')
print(f'{s:>5}|{s:<5}|{s:^6}|{s:*^8}|{s!r}')
print(f'{1234567.891:,.2f}|{-0.5:+.1f}|{1e-7:g}|{123456789.0:g}')
print(f'{n=}' if False else f'{n}')
