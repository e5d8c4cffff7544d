# numpy.linalg's LAPACK functions, as NumPy 1.24's linalg.py writes them
# over its _umath_linalg gufuncs.  The C primitives (np_lapack.c) take a
# C-contiguous (B, m, n) stack in double or complex double; here are the
# checks, the batching and the result types.  Private helpers: _la_.


def _la_common_type(*arrays):
    # linalg's _commonType: compute in double/cdouble, return single where
    # every inexact input was single (ints count as double).
    single = True
    cplx = False
    for a in arrays:
        k = a.dtype.kind
        if k in 'fc':
            if a.dtype.itemsize == 2:
                raise TypeError("array type %s is unsupported in linalg" % a.dtype.name)
            if k == 'c':
                cplx = True
            if a.dtype.itemsize == (16 if k == 'c' else 8):
                single = False
        elif k in 'biu':
            single = False
        else:
            raise TypeError("array type %s is unsupported in linalg" % a.dtype.name)
    t = np.dtype(complex) if cplx else np.dtype(float)
    if cplx:
        result = np.dtype('c8') if single else np.dtype('c16')
    else:
        result = np.dtype('f4') if single else np.dtype('f8')
    return t, result


def _la_real(dt):
    return np.dtype('f4') if dt in (np.dtype('f4'), np.dtype('c8')) else np.dtype('f8')


def _la_complex(dt):
    return np.dtype('c8') if dt in (np.dtype('f4'), np.dtype('c8')) else np.dtype('c16')


def _la_stacked_2d(*arrays):
    for a in arrays:
        if a.ndim < 2:
            raise np.linalg.LinAlgError('%d-dimensional array given. Array must be at least two-dimensional' % a.ndim)


def _la_square(*arrays):
    for a in arrays:
        if a.shape[-2] != a.shape[-1]:
            raise np.linalg.LinAlgError('Last 2 dimensions of the array must be square')


def _la_finite(*arrays):
    for a in arrays:
        if not np.isfinite(a).all():
            raise np.linalg.LinAlgError("Array must not contain infs or NaNs")


def _la_stack(a, t):
    # (..., m, n) -> C-contiguous (B, m, n) in the computation type
    m, n = a.shape[-2], a.shape[-1]
    b = 1
    for d in a.shape[:-2]:
        b *= d
    return np.ascontiguousarray(a.astype(t).reshape((b, m, n)))


def _la_unstack(r, batch):
    return r.reshape(tuple(batch) + r.shape[1:])


def linalg__det(a):
    a = np.asarray(a)
    _la_stacked_2d(a)
    _la_square(a)
    t, result_t = _la_common_type(a)
    r = _la_unstack(np.linalg._det(_la_stack(a, t)), a.shape[:-2])
    r = r.astype(result_t, copy=False)
    return r[()] if r.ndim == 0 else r


def linalg__slogdet(a):
    a = np.asarray(a)
    _la_stacked_2d(a)
    _la_square(a)
    t, result_t = _la_common_type(a)
    sign, logdet = np.linalg._slogdet(_la_stack(a, t))
    sign = _la_unstack(sign, a.shape[:-2]).astype(result_t, copy=False)
    logdet = _la_unstack(logdet, a.shape[:-2]).astype(_la_real(result_t), copy=False)
    if sign.ndim == 0:
        return sign[()], logdet[()]
    return sign, logdet


def _la_core_mismatch(name, sig, operand, dim, got, want):
    raise ValueError("%s: Input operand %d has a mismatch in its core dimension %d, with gufunc signature %s "
                     "(size %d is different from %d)" % (name, operand, dim, sig, got, want))


def linalg__solve(a, b):
    a = np.asarray(a)
    _la_stacked_2d(a)
    _la_square(a)
    b = np.asarray(b)
    t, result_t = _la_common_type(a, b)
    n = a.shape[-1]
    one = b.ndim == a.ndim - 1
    if one:
        if b.ndim < 1:
            raise ValueError("solve1: Input operand 1 does not have enough dimensions (has 0, gufunc core with "
                             "signature (m,m),(m)->(m) requires 1)")
        if b.shape[-1] != n:
            _la_core_mismatch('solve1', '(m,m),(m)->(m)', 1, 0, b.shape[-1], n)
        b2 = b[..., None]
    else:
        if b.ndim < 2:
            raise ValueError("solve: Input operand 1 does not have enough dimensions (has %d, gufunc core with "
                             "signature (m,m),(m,n)->(m,n) requires 2)" % b.ndim)
        if b.shape[-2] != n:
            _la_core_mismatch('solve', '(m,m),(m,n)->(m,n)', 1, 0, b.shape[-2], n)
        b2 = b
    batch = np.broadcast_shapes(a.shape[:-2], b2.shape[:-2])
    a3 = np.broadcast_to(a, tuple(batch) + a.shape[-2:])
    b3 = np.broadcast_to(b2, tuple(batch) + b2.shape[-2:])
    r = _la_unstack(np.linalg._solve(_la_stack(a3, t), _la_stack(b3, t)), batch)
    if one:
        r = r[..., 0]
    return r.astype(result_t, copy=False)


def linalg__inv(a):
    a = np.asarray(a)
    _la_stacked_2d(a)
    _la_square(a)
    t, result_t = _la_common_type(a)
    r = _la_unstack(np.linalg._solve(_la_stack(a, t)), a.shape[:-2])
    return r.astype(result_t, copy=False)


def linalg__cholesky(a):
    a = np.asarray(a)
    _la_stacked_2d(a)
    _la_square(a)
    t, result_t = _la_common_type(a)
    r = _la_unstack(np.linalg._cholesky(_la_stack(a, t)), a.shape[:-2])
    return r.astype(result_t, copy=False)


def _la_uplo(UPLO):
    UPLO = UPLO.upper()
    if UPLO not in ('L', 'U'):
        raise ValueError("UPLO argument must be 'L' or 'U'")
    return UPLO


def linalg__eigvalsh(a, UPLO='L'):
    UPLO = _la_uplo(UPLO)
    a = np.asarray(a)
    _la_stacked_2d(a)
    _la_square(a)
    t, result_t = _la_common_type(a)
    w = _la_unstack(np.linalg._eigh(_la_stack(a, t), UPLO, False), a.shape[:-2])
    return w.astype(_la_real(result_t), copy=False)


def linalg__eigh(a, UPLO='L'):
    UPLO = _la_uplo(UPLO)
    a = np.asarray(a)
    _la_stacked_2d(a)
    _la_square(a)
    t, result_t = _la_common_type(a)
    w, v = np.linalg._eigh(_la_stack(a, t), UPLO, True)
    w = _la_unstack(w, a.shape[:-2]).astype(_la_real(result_t), copy=False)
    v = _la_unstack(v, a.shape[:-2]).astype(result_t, copy=False)
    return w, v


def linalg__eigvals(a):
    a = np.asarray(a)
    _la_stacked_2d(a)
    _la_square(a)
    _la_finite(a)
    t, result_t = _la_common_type(a)
    w = _la_unstack(np.linalg._eig(_la_stack(a, t), False), a.shape[:-2])
    if t.kind != 'c':
        if (w.imag == 0).all():
            w = w.real
            result_t = _la_real(result_t)
        else:
            result_t = _la_complex(result_t)
    return w.astype(result_t, copy=False)


def linalg__eig(a):
    a = np.asarray(a)
    _la_stacked_2d(a)
    _la_square(a)
    _la_finite(a)
    t, result_t = _la_common_type(a)
    w, v = np.linalg._eig(_la_stack(a, t), True)
    w = _la_unstack(w, a.shape[:-2])
    v = _la_unstack(v, a.shape[:-2])
    if t.kind != 'c' and (w.imag == 0.0).all():
        w = w.real
        v = v.real
        result_t = _la_real(result_t)
    else:
        result_t = _la_complex(result_t)
    return w.astype(result_t, copy=False), v.astype(result_t, copy=False)


def linalg__svd(a, full_matrices=True, compute_uv=True, hermitian=False):
    a = np.asarray(a)
    if hermitian:
        if compute_uv:
            s, u = linalg__eigh(a)
            sgn = np.sign(s)
            s = abs(s)
            sidx = np.argsort(s)[..., ::-1]
            sgn = np.take_along_axis(sgn, sidx, axis=-1)
            s = np.take_along_axis(s, sidx, axis=-1)
            u = np.take_along_axis(u, sidx[..., None, :], axis=-1)
            vt = np.swapaxes(u * sgn[..., None, :], -1, -2).conjugate()
            return u, s, vt
        s = abs(linalg__eigvalsh(a))
        return np.sort(s)[..., ::-1]
    _la_stacked_2d(a)
    t, result_t = _la_common_type(a)
    batch = a.shape[:-2]
    if compute_uv:
        u, s, vh = np.linalg._svd(_la_stack(a, t), 'A' if full_matrices else 'S')
        u = _la_unstack(u, batch).astype(result_t, copy=False)
        s = _la_unstack(s, batch).astype(_la_real(result_t), copy=False)
        vh = _la_unstack(vh, batch).astype(result_t, copy=False)
        return u, s, vh
    s = _la_unstack(np.linalg._svd(_la_stack(a, t), 'N'), batch)
    return s.astype(_la_real(result_t), copy=False)


def _la_is_empty_2d(a):
    return a.size == 0 and a.shape[-1] * a.shape[-2] == 0


def linalg__cond(x, p=None):
    x = np.asarray(x)
    if _la_is_empty_2d(x):
        raise np.linalg.LinAlgError("cond is not defined on empty arrays")
    if p is None or p == 2 or p == -2:
        s = linalg__svd(x, compute_uv=False)
        with np.errstate(all='ignore'):
            if p == -2:
                r = s[..., -1] / s[..., 0]
            else:
                r = s[..., 0] / s[..., -1]
    else:
        _la_stacked_2d(x)
        _la_square(x)
        t, result_t = _la_common_type(x)
        with np.errstate(all='ignore'):
            invx = _la_unstack(np.linalg._solve(_la_stack(x, t)), x.shape[:-2])
            r = np.linalg.norm(x, p, axis=(-2, -1)) * np.linalg.norm(invx, p, axis=(-2, -1))
        r = r.astype(result_t, copy=False)
    r = np.asarray(r)
    nan_mask = np.isnan(r)
    if nan_mask.any():
        nan_mask &= ~np.isnan(x).any(axis=(-2, -1))
        if r.ndim > 0:
            r[nan_mask] = np.inf
        elif nan_mask:
            r[()] = np.inf
    if r.ndim == 0:
        r = r[()]
    return r


def linalg__matrix_rank(A, tol=None, hermitian=False):
    A = np.asarray(A)
    if A.ndim < 2:
        return int(not (A == 0).all())
    S = linalg__svd(A, compute_uv=False, hermitian=hermitian)
    if tol is None:
        tol = S.max(axis=-1, keepdims=True) * max(A.shape[-2:]) * np.finfo(S.dtype).eps
    else:
        tol = np.asarray(tol)[..., None]
    return np.count_nonzero(S > tol, axis=-1)


def linalg__pinv(a, rcond=1e-15, hermitian=False):
    a = np.asarray(a)
    rcond = np.asarray(rcond)
    if _la_is_empty_2d(a):
        m, n = a.shape[-2:]
        return np.empty(a.shape[:-2] + (n, m), dtype=a.dtype)
    a = a.conjugate()
    u, s, vt = linalg__svd(a, full_matrices=False, hermitian=hermitian)
    cutoff = rcond[..., None] * np.amax(s, axis=-1, keepdims=True)
    large = s > cutoff
    s = np.divide(1, s, where=large, out=s)
    s[~large] = 0
    return np.matmul(np.swapaxes(vt, -1, -2), np.multiply(s[..., None], np.swapaxes(u, -1, -2)))


def _la_svd_norm(x, row_axis, col_axis, op):
    # norm's _multi_svd_norm: singular values of the moved axes, reduced
    y = np.moveaxis(x, (row_axis, col_axis), (-2, -1))
    return op(linalg__svd(y, compute_uv=False), axis=-1)


def linalg__qr(a, mode='reduced'):
    if mode not in ('reduced', 'complete', 'r', 'raw'):
        if mode in ('f', 'full'):
            mode = 'reduced'  # NumPy also warns (DeprecationWarning)
        elif mode in ('e', 'economic'):
            mode = 'economic'
        else:
            raise ValueError(f"Unrecognized mode '{mode}'")
    a = np.asarray(a)
    _la_stacked_2d(a)
    m, n = a.shape[-2:]
    t, result_t = _la_common_type(a)
    batch = a.shape[:-2]
    mn = min(m, n)
    fa, tau = np.linalg._qr_raw(_la_stack(a, t))
    if mode == 'r':
        return np.triu(_la_unstack(fa, batch)[..., :mn, :]).astype(result_t, copy=False)
    if mode == 'raw':
        q = np.swapaxes(_la_unstack(fa, batch), -1, -2).astype(result_t, copy=False)
        return q, _la_unstack(tau, batch).astype(result_t, copy=False)
    if mode == 'economic':
        return _la_unstack(fa, batch).astype(result_t, copy=False)
    mc = m if (mode == 'complete' and m > n) else mn
    q = _la_unstack(np.linalg._qr_q(fa, tau, mc), batch)
    r = np.triu(_la_unstack(fa, batch)[..., :mc, :])
    return q.astype(result_t, copy=False), r.astype(result_t, copy=False)


def linalg__lstsq(a, b, rcond="warn"):
    a = np.asarray(a)
    b = np.asarray(b)
    is_1d = b.ndim == 1
    if is_1d:
        b = b[:, None]
    for x in (a, b):
        if x.ndim != 2:
            raise np.linalg.LinAlgError('%d-dimensional array given. Array must be two-dimensional' % x.ndim)
    m, n = a.shape[-2:]
    m2, n_rhs = b.shape[-2:]
    if m != m2:
        raise np.linalg.LinAlgError('Incompatible dimensions')
    t, result_t = _la_common_type(a, b)
    result_real_t = _la_real(result_t)
    if rcond == "warn":
        rcond = -1  # NumPy also warns (FutureWarning) about the default changing
    if rcond is None:
        rcond = np.finfo(t).eps * max(n, m)
    if n_rhs == 0:
        b = np.zeros(b.shape[:-2] + (m, n_rhs + 1), dtype=b.dtype)
    x, resids, rank, s = np.linalg._lstsq(_la_stack(a, t), _la_stack(b, t), float(rcond))
    x, resids, rank, s = x[0], resids[0], rank[0], s[0]
    if m == 0:
        x[...] = 0
    if n_rhs == 0:
        x = x[..., :n_rhs]
        resids = resids[..., :n_rhs]
    if is_1d:
        x = x.squeeze(axis=-1)
    if rank != n or m <= n:
        resids = np.array([], result_real_t)
    s = s.astype(result_real_t, copy=False)
    resids = resids.astype(result_real_t, copy=False)
    x = x.astype(result_t, copy=True)
    return x, resids, rank, s
