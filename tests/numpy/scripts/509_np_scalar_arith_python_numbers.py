# NumPy float64/int64 scalars with Python numbers and each other: values,
# result types, signed zeros, nan/inf, overflow and division by zero
import numpy as np

vals = [np.float64(2.5), np.float64(-0.0), np.float64(np.nan), np.float64(-np.inf), np.float64(1e300),
        np.int64(7), np.int64(-3), np.int64(0), np.int64(2**62), np.int64(-2**63),
        3, -2, 0, True, False, 2**53 + 1, 1.5, -0.0, float('inf'), 1e-310, np.float32(1.5), np.int8(3), np.uint64(5)]
ops = [('+', lambda a, b: a + b), ('-', lambda a, b: a - b), ('*', lambda a, b: a * b),
       ('/', lambda a, b: a / b), ('//', lambda a, b: a // b), ('%', lambda a, b: a % b),
       ('==', lambda a, b: a == b), ('!=', lambda a, b: a != b), ('<', lambda a, b: a < b),
       ('<=', lambda a, b: a <= b), ('>', lambda a, b: a > b), ('>=', lambda a, b: a >= b)]
for a in vals:
    for b in vals:
        if not (isinstance(a, np.generic) or isinstance(b, np.generic)):
            continue
        out = []
        for name, f in ops:
            try:
                r = f(a, b)
                out.append(name + ' ' + repr(r) + ' ' + type(r).__name__)
            except Exception as e:
                out.append(name + ' ! ' + type(e).__name__)
        print(repr(a), repr(b), ' | '.join(out))
x = np.float64(0.0)
for i in range(1000):
    x = x + 0.1
    x = x * 1.0001 - i % 3
print(repr(x), type(x).__name__)
n = np.int64(1)
for i in range(60):
    n = n * 2 + (n % 3) - 1
print(repr(n), type(n).__name__)
print(np.float64(2.0**53) == 2**53 + 1, np.int64(2**53 + 1) == 2.0**53, np.int64(2**53+1) < np.float64(2.0**53), np.float64(2.0**53) < 2**53+1)
print(np.int64(3) == True, np.float64(1.0) == True, repr(np.int64(3) + True), repr(True - np.float64(0.5)), repr(-np.int64(5)))
