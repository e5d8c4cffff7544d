import numpy as np
a = np.arange(6, dtype='i4').reshape(2, 3)
print(a.view('i2').shape, a.view('i2'), a.view(np.uint8).shape, a.view('f4').dtype)
try:
    a.view('i8')
except ValueError as e:
    print("ValueError:", e)
x4 = np.arange(8, dtype='i4').reshape(2, 4)
for f in (lambda: x4.T.view('i2'), lambda: x4[:, ::2].view('i2')):
    try:
        f()
    except ValueError as e:
        print("ValueError:", e)
print(x4[::2].view('i8').shape, x4[::2].view('i8'))
try:
    np.array(5, 'i4').view('i2')
except ValueError as e:
    print("ValueError:", e)
q = np.arange(12, dtype='i2').reshape(3, 4)
print(q[:, 1:3].view('i4').shape, q[:, 1:3].view('i4').flags.aligned, q[:, :1].view('i1').shape)
f = np.array([1.0, -2.0], dtype=np.float64)
print(f.view(np.int64), f.view(np.uint8), f.view('>f8'))
