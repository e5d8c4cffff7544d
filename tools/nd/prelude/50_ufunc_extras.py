# NumPy ufuncs libnd has no loop for, built from the ones it has with the
# same results: divmod, modf, gcd, lcm, nextafter, spacing, logaddexp2,
# float_power.  They are plain functions here (no .reduce/.outer, no
# where=); out= takes an array (a tuple of two for divmod and modf).


def _bcast(a, b):
    # both operands at their broadcast shape (views)
    na, nb = a.ndim, b.ndim
    n = max(na, nb)
    sa = (1,) * (n - na) + a.shape
    sb = (1,) * (n - nb) + b.shape
    shape = []
    for i in range(n):
        if sa[i] != sb[i] and sa[i] != 1 and sb[i] != 1:
            raise ValueError("operands could not be broadcast together with shapes %s %s" % (a.shape, b.shape))
        shape.append(sb[i] if sa[i] == 1 else sa[i])
    shape = tuple(shape)
    return np.broadcast_to(a, shape), np.broadcast_to(b, shape)


def _store(res, out):
    if out is None:
        return res
    if isinstance(out, tuple) and len(out) == 1:
        out = out[0]
    np.copyto(out, res, casting='same_kind')
    return out


def _store2(r1, r2, out):
    if out is None:
        return (r1, r2)
    if not isinstance(out, tuple) or len(out) != 2:
        raise ValueError("The 'out' tuple must have exactly 2 entries: one per ufunc output")
    return (_store(r1, out[0]), _store(r2, out[1]))


def np__divmod(x1, x2, out=None):  # numpy.divmod; `divmod` stays the builtin here
    # NumPy's divmod loop is npy_divmod, which floor_divide and remainder
    # also call: the pair is theirs.
    return _store2(np.floor_divide(x1, x2), np.remainder(x1, x2), out)


def _float_operand(x):
    # The loops are e, f, d (and complex for float_power): ints go to float64.
    x = np.asarray(x)
    if x.dtype.kind in 'biu':
        return x.astype(np.float64)
    return x


def modf(x, out=None):
    # C's modf: the fraction keeps x's sign (-0.0 for -2.0), inf has 0.
    x = _float_operand(x)
    if x.dtype.kind == 'c':
        raise TypeError("ufunc 'modf' not supported for the input types, and the inputs could not be safely "
                        "coerced to any supported types according to the casting rule ''safe''")
    ip = np.trunc(x)
    frac = np.where(np.isinf(x), np.zeros_like(x), x - ip)
    frac = np.copysign(frac, x)
    if frac.ndim == 0:
        return _store2(frac[()], ip[()], out)
    return _store2(frac, ip, out)


def _int_operands(name, x1, x2):
    a, b = np.asarray(x1), np.asarray(x2)
    if a.dtype.kind not in 'biu' or b.dtype.kind not in 'biu':
        raise TypeError("ufunc '%s' not supported for the input types, and the inputs could not be safely "
                        "coerced to any supported types according to the casting rule ''safe''" % name)
    return a, b


def gcd(x1, x2, out=None):
    a, b = _int_operands('gcd', x1, x2)
    dt = np.result_type(x1, x2)
    if dt == np.bool_:
        dt = np.dtype(np.int8)
    a, b = _bcast(np.abs(a.astype(dt)), np.abs(b.astype(dt)))
    a, b = a.copy(), b.copy()
    while np.any(b != 0):  # Euclid, element-wise until every b is 0
        nz = b != 0
        r = np.zeros_like(a)
        r[nz] = a[nz] % b[nz]
        a = np.where(nz, b, a)
        b = r
    return _store(a[()] if a.ndim == 0 else a, out)


def lcm(x1, x2, out=None):
    a, b = _int_operands('lcm', x1, x2)
    dt = np.result_type(x1, x2)
    if dt == np.bool_:
        dt = np.dtype(np.int8)
    a, b = np.abs(a.astype(dt)), np.abs(b.astype(dt))
    g = np.asarray(gcd(a, b))
    safe = np.where(g == 0, np.ones_like(g), g)
    r = np.where(g == 0, np.zeros_like(g), a // safe * b)
    r = np.abs(r)
    return _store(r[()] if r.ndim == 0 else r, out)


_UINT_FOR = {2: np.uint16, 4: np.uint32, 8: np.uint64}


def _step(x, toward_pos):
    # x one ulp up (toward_pos) or down, for finite x of a float dtype.
    u = _UINT_FOR[x.dtype.itemsize]
    bits = x.astype(x.dtype.newbyteorder('=')).view(u)
    neg = np.signbit(x)
    zero = x == 0
    one = u(1)
    away = toward_pos != neg  # moving away from zero grows the magnitude bits
    stepped = np.where(away, bits + one, bits - one).view(x.dtype.newbyteorder('='))
    tiny = np.where(toward_pos, np.ones_like(bits), (np.ones_like(bits) | (one << u(8 * x.dtype.itemsize - 1))))
    return np.where(zero, tiny.view(x.dtype.newbyteorder('=')), stepped)


def nextafter(x1, x2, out=None):
    a, b = np.asarray(x1), np.asarray(x2)
    dt = np.result_type(a, b)
    if dt.kind in 'biu':
        dt = np.dtype(np.float64)
    if dt.kind == 'c':
        raise TypeError("ufunc 'nextafter' not supported for the input types, and the inputs could not be safely "
                        "coerced to any supported types according to the casting rule ''safe''")
    a, b = _bcast(a.astype(dt), b.astype(dt))
    nan = np.isnan(a) | np.isnan(b)
    r = np.where(a == b, b, _step(np.where(np.isfinite(a), a, np.zeros_like(a)), b > a))
    r = np.where(np.isinf(a) & (a != b), np.where(a > 0, np.finfo(dt).max, -np.finfo(dt).max).astype(dt), r)
    r = np.where(nan, np.full_like(a, np.nan), r)
    return _store(r[()] if r.ndim == 0 else r, out)


def spacing(x, out=None):
    # npy_spacing: the gap to the next value away from zero; nan for inf/nan.
    x = _float_operand(x)
    big = np.where(x < 0, np.full_like(x, -np.inf), np.full_like(x, np.inf))
    r = np.asarray(nextafter(x, big)) - x
    r = np.where(np.isfinite(x), r, np.full_like(x, np.nan))
    return _store(r[()] if r.ndim == 0 else r, out)


def logaddexp2(x1, x2, out=None):
    # npy_logaddexp2: equal inputs give x + 1; else the larger plus
    # log2(1 + 2**-(difference)), with log2_1p(x) = log1p(x) * log2(e).
    a, b = np.asarray(x1), np.asarray(x2)
    dt = np.result_type(a, b)
    if dt.kind in 'biu':
        dt = np.dtype(np.float64)
    a, b = _bcast(a.astype(dt), b.astype(dt))
    tmp = a - b
    with np.errstate(all='ignore'):
        hi = np.where(tmp > 0, a, b)
        lo_d = np.where(tmp > 0, -tmp, tmp)
        log2e = np.array(1.442695040888963407359924681001892137, dtype=dt)
        r = hi + np.log1p(np.exp2(lo_d)) * log2e
        r = np.where(a == b, a + np.array(1, dtype=dt), r)
        r = np.where(np.isnan(tmp) & ~(a == b), tmp, r)
    return _store(r[()] if r.ndim == 0 else r, out)


def float_power(x1, x2, out=None):
    a, b = np.asarray(x1), np.asarray(x2)
    ct = np.result_type(a, b, np.float64)
    return _store(np.power(a.astype(ct), b.astype(ct)), out)
