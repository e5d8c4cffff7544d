# NumPy's module constants and small helpers written in Python in NumPy
# (binary_repr, base_repr, iterable, the deprecated aliases, polyadd/
# polysub/polymul/polydiv without poly1d objects).  Private helpers: _ms_.

CLIP = 0
WRAP = 1
RAISE = 2
MAXDIMS = 32
BUFSIZE = 8192
UFUNC_BUFSIZE_DEFAULT = 8192
ALLOW_THREADS = 1
FLOATING_POINT_SUPPORT = 1
ERR_IGNORE = 0
ERR_WARN = 1
ERR_RAISE = 2
ERR_CALL = 3
ERR_PRINT = 4
ERR_LOG = 5
ERR_DEFAULT = 521
FPE_DIVIDEBYZERO = 1
FPE_OVERFLOW = 2
FPE_UNDERFLOW = 4
FPE_INVALID = 8
SHIFT_DIVIDEBYZERO = 0
SHIFT_OVERFLOW = 3
SHIFT_UNDERFLOW = 6
SHIFT_INVALID = 9
little_endian = True
euler_gamma = 0.5772156649015329
infty = float('inf')
Infinity = float('inf')
PINF = float('inf')
NINF = -float('inf')
NAN = float('nan')
PZERO = 0.0
NZERO = -0.0


def binary_repr(num, width=None):
    num = int(num)
    if num == 0:
        return '0' * (width or 1)
    if num > 0:
        binary = bin(num)[2:]
        return binary.zfill(len(binary) if width is None else max(len(binary), width))
    if width is None:
        return '-' + bin(-num)[2:]
    poswidth = len(bin(-num)[2:])
    if 2 ** (poswidth - 1) == -num:
        poswidth -= 1
    binary = bin(2 ** (poswidth + 1) + num)[2:]
    return '1' * (max(len(binary), width) - len(binary)) + binary


def base_repr(number, base=2, padding=0):
    digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    if base > len(digits):
        raise ValueError("Bases greater than 36 not handled in base_repr.")
    elif base < 2:
        raise ValueError("Bases less than 2 not handled in base_repr.")
    num = abs(number)
    res = []
    while num:
        res.append(digits[num % base])
        num //= base
    if padding:
        res.append('0' * padding)
    if number < 0:
        res.append('-')
    return ''.join(res[::-1]) if res else '0'


def isfortran(a):
    return a.flags.f_contiguous and not a.flags.c_contiguous


def iterable(y):
    try:
        iter(y)
    except TypeError:
        return False
    return True


def asfarray(a, dtype=float):
    dt = np.dtype(dtype)
    if dt.kind not in 'fc':
        dt = np.dtype(float)
    return np.asarray(a, dtype=dt)


def alltrue(*args, **kwargs):
    return np.all(*args, **kwargs)


def sometrue(*args, **kwargs):
    return np.any(*args, **kwargs)


def product(*args, **kwargs):
    return np.prod(*args, **kwargs)


def cumproduct(*args, **kwargs):
    return np.cumprod(*args, **kwargs)


def msort(a):
    b = np.array(a, subok=True, copy=True)
    b.sort(0)
    return b


def _ms_pad(a1, a2, op):
    a1 = np.atleast_1d(a1)
    a2 = np.atleast_1d(a2)
    diff = len(a2) - len(a1)
    if diff > 0:
        a1 = np.concatenate((np.zeros(diff, a1.dtype), a1))
    elif diff < 0:
        a2 = np.concatenate((np.zeros(-diff, a2.dtype), a2))
    return a1 + a2 if op == '+' else a1 - a2


def polyadd(a1, a2):
    return _ms_pad(a1, a2, '+')


def polysub(a1, a2):
    return _ms_pad(a1, a2, '-')


def _ms_poly1d(c):
    # poly1d's coefficients: leading zeros dropped, all zeros is [0.]
    c = np.atleast_1d(c)
    nz = np.nonzero(c)[0]
    if len(nz) == 0:
        return np.array([0], dtype=c.dtype)
    return c[int(nz[0]):]


def polymul(a1, a2):
    return np.convolve(_ms_poly1d(a1), _ms_poly1d(a2))


def polydiv(u, v):
    u = np.atleast_1d(u) + 0.0
    v = np.atleast_1d(v) + 0.0
    w = u[0] + v[0]
    m = len(u) - 1
    n = len(v) - 1
    scale = 1. / v[0]
    q = np.zeros((max(m - n + 1, 1),), w.dtype)
    r = u.astype(w.dtype)
    for k in range(0, m - n + 1):
        d = scale * r[k]
        q[k] = d
        r[k:k + n + 1] -= d * v
    while np.allclose(r[0], 0, rtol=1e-14) and (r.shape[-1] > 1):
        r = r[1:]
    return q, r
