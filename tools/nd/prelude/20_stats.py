# Set routines, nan-functions, statistics and small math helpers, written as
# NumPy 1.24 writes them (arraysetops.py, nanfunctions.py, function_base.py,
# polynomial.py, type_check.py, histograms.py) so float results keep NumPy's
# arithmetic order and therefore its bits.  Runtime warnings are not printed.


# ---------------------------------------------------------------- helpers

def _norm_axis(ax, ndim):
    if not isinstance(ax, (int, np.integer)):
        raise TypeError(f"'{type(ax).__name__}' object cannot be interpreted as an integer")
    ax = int(ax)
    if ax < -ndim or ax >= ndim:
        raise np.AxisError(f"axis {ax} is out of bounds for array of dimension {ndim}")
    return ax + ndim if ax < 0 else ax


def _norm_axes(axis, ndim):
    if not isinstance(axis, (tuple, list)):
        axis = [axis]
    res = [_norm_axis(ax, ndim) for ax in axis]
    for i in range(len(res)):
        if res[i] in res[:i]:
            raise ValueError("repeated axis")
    return tuple(res)


def _index_int(v):
    # operator.index: Python and NumPy integers (np.bool_ still passes in 1.24)
    if isinstance(v, (int, np.integer, np.bool_)):
        return int(v)
    raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")


def _copyto_where(dst, val, where):
    # np.copyto(dst, val, where=where, casting='unsafe')
    where = np.broadcast_to(np.asarray(where, dtype=bool), dst.shape)
    v = np.asarray(val)
    if v.ndim == 0:
        dst[where] = v
    else:
        dst[where] = np.broadcast_to(v, dst.shape)[where]


def _apply_1d(func, axis, a, *args):
    # np.apply_along_axis: result dims replace `axis`, dtype from the first call
    axis = _norm_axis(axis, a.ndim)
    a = np.moveaxis(a, axis, -1)
    outer = a.shape[:-1]
    res0 = None
    buf = None
    for idx in np.ndindex(outer):
        r = np.asanyarray(func(a[idx], *args))
        if buf is None:
            res0 = r
            buf = np.zeros(outer + r.shape, r.dtype)
        buf[idx] = r
    if buf is None:
        raise ValueError("Cannot apply_along_axis when any iteration dimensions are 0")
    k = res0.ndim
    n = len(outer)
    perm = list(range(axis)) + list(range(n, n + k)) + list(range(axis, n))
    return np.transpose(buf, perm)


def _ureduce(a, func, keepdims=False, axis=None, out=None, **kwargs):
    # function_base._ureduce: tuple axes become one trailing axis
    a = np.asanyarray(a)
    nd = a.ndim
    fout = out
    if axis is not None:
        axis = _norm_axes(axis, nd)
        if keepdims and out is not None:
            fout = out[(Ellipsis,) + tuple(0 if i in axis else slice(None) for i in range(nd))]
        if len(axis) == 1:
            ax = axis[0]
        else:
            keep = [i for i in range(nd) if i not in axis]
            for i, s in enumerate(keep):
                a = a.swapaxes(i, s)
            a = a.reshape(a.shape[:len(keep)] + (-1,))
            ax = -1
    else:
        ax = None
        if keepdims and out is not None:
            fout = out[(Ellipsis,) + (0,) * nd]
    r = func(a, axis=ax, out=fout, **kwargs)
    if out is not None:
        return out
    if keepdims:
        if axis is None:
            r = r[(Ellipsis,) + (None,) * nd]
        else:
            r = r[(Ellipsis,) + tuple(None if i in axis else slice(None) for i in range(nd))]
    return r


# ---------------------------------------------------------------- set routines

def intersect1d(ar1, ar2, assume_unique=False, return_indices=False):
    ar1 = np.asanyarray(ar1)
    ar2 = np.asanyarray(ar2)
    if not assume_unique:
        if return_indices:
            ar1, ind1 = np.unique(ar1, return_index=True)
            ar2, ind2 = np.unique(ar2, return_index=True)
        else:
            ar1 = np.unique(ar1)
            ar2 = np.unique(ar2)
    else:
        ar1 = ar1.ravel()
        ar2 = ar2.ravel()
    aux = np.concatenate((ar1, ar2))
    if return_indices:
        # stable, so an equal pair is (ar1 element, ar2 element)
        order = np.argsort(aux, kind='mergesort')
        aux = aux[order]
    else:
        aux.sort()
    mask = aux[1:] == aux[:-1]
    int1d = aux[:-1][mask]
    if not return_indices:
        return int1d
    i1 = order[:-1][mask]
    i2 = order[1:][mask] - ar1.size
    if not assume_unique:
        i1 = ind1[i1]
        i2 = ind2[i2]
    return int1d, i1, i2


def union1d(ar1, ar2):
    return np.unique(np.concatenate((ar1, ar2), axis=None))


def setdiff1d(ar1, ar2, assume_unique=False):
    if assume_unique:
        ar1 = np.asarray(ar1).ravel()
    else:
        ar1 = np.unique(ar1)
        ar2 = np.unique(ar2)
    if np.iscomplexobj(ar1) or np.iscomplexobj(ar2):
        return ar1[_notin_unique(ar1, ar2)]
    return ar1[np.in1d(ar1, ar2, assume_unique=True, invert=True)]


def _notin_unique(ar1, ar2):
    # in1d(..., assume_unique=True, invert=True) by sorting, for the dtypes
    # nd's in1d lacks (complex)
    ar1 = np.asarray(ar1).ravel()
    ar = np.concatenate((ar1, np.asarray(ar2).ravel()))
    order = ar.argsort(kind='mergesort')
    sar = ar[order]
    ret = np.empty(ar.shape, dtype=bool)
    ret[order] = np.concatenate((sar[1:] != sar[:-1], [True]))
    return ret[:len(ar1)]


def setxor1d(ar1, ar2, assume_unique=False):
    if not assume_unique:
        ar1 = np.unique(ar1)
        ar2 = np.unique(ar2)
    aux = np.concatenate((ar1, ar2))
    if aux.size == 0:
        return aux
    aux.sort()
    flag = np.concatenate(([True], aux[1:] != aux[:-1], [True]))
    return aux[flag[1:] & flag[:-1]]


# ---------------------------------------------------------------- nan functions

def _replace_nan(a, val):
    a = np.asanyarray(a)
    if not issubclass(a.dtype.type, np.inexact):
        return a, None
    mask = np.isnan(a)
    a = np.array(a, copy=True)
    _copyto_where(a, val, mask)
    return a, mask


def _divide_by_count(a, b):
    with np.errstate(invalid='ignore', divide='ignore'):
        if isinstance(a, np.ndarray):
            return np.divide(a, b, out=a, casting='unsafe')
        if hasattr(a, 'dtype'):
            return a.dtype.type(a / b)
        return a / b


def _nanarg(a, axis, out, keepdims, fill, f):
    a, mask = _replace_nan(a, fill)
    if mask is not None:
        if np.any(np.all(mask, axis=axis)):
            raise ValueError("All-NaN slice encountered")
    if out is None:
        return f(a, axis=axis, keepdims=keepdims)
    return f(a, axis=axis, out=out, keepdims=keepdims)


def nanargmin(a, axis=None, out=None, *, keepdims=False):
    return _nanarg(a, axis, out, keepdims, np.inf, np.argmin)


def nanargmax(a, axis=None, out=None, *, keepdims=False):
    return _nanarg(a, axis, out, keepdims, -np.inf, np.argmax)


def nancumsum(a, axis=None, dtype=None, out=None):
    a, mask = _replace_nan(a, 0)
    return np.cumsum(a, axis=axis, dtype=dtype, out=out)


def nancumprod(a, axis=None, dtype=None, out=None):
    a, mask = _replace_nan(a, 1)
    return np.cumprod(a, axis=axis, dtype=dtype, out=out)


def nanvar(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True):
    wk = {} if where is True else {'where': where}
    arr, mask = _replace_nan(a, 0)
    if mask is None:
        return np.var(arr, axis=axis, dtype=dtype, out=out, ddof=ddof, keepdims=keepdims, **wk)
    if dtype is not None:
        dtype = np.dtype(dtype)
        if not issubclass(dtype.type, np.inexact):
            raise TypeError("If a is inexact, then dtype must be inexact")
    if out is not None and not issubclass(out.dtype.type, np.inexact):
        raise TypeError("If a is inexact, then out must be inexact")
    # NumPy's two passes: mean of the non-NaN values, then squared deviations
    cnt = np.sum(~mask, axis=axis, dtype=np.intp, keepdims=True, **wk)
    avg = np.sum(arr, axis=axis, dtype=dtype, keepdims=True, **wk)
    avg = _divide_by_count(avg, cnt)
    np.subtract(arr, avg, out=arr, casting='unsafe', **wk)
    _copyto_where(arr, 0, mask)
    if issubclass(arr.dtype.type, np.complexfloating):
        sqr = np.multiply(arr, arr.conj(), out=arr, **wk).real
    else:
        sqr = np.multiply(arr, arr, out=arr, **wk)
    var = np.sum(sqr, axis=axis, dtype=dtype, out=out, keepdims=keepdims, **wk)
    if np.ndim(var) < cnt.ndim:
        cnt = cnt.squeeze(axis)
    dof = cnt - ddof
    var = _divide_by_count(var, dof)
    isbad = dof <= 0
    if np.any(isbad):
        if isinstance(var, np.ndarray):
            _copyto_where(var, np.nan, isbad)
        else:
            var = var.dtype.type(np.nan)
    return var


def nanstd(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True):
    var = nanvar(a, axis=axis, dtype=dtype, out=out, ddof=ddof, keepdims=keepdims, where=where)
    if isinstance(var, np.ndarray):
        return np.sqrt(var, out=var)
    if hasattr(var, 'dtype'):
        return var.dtype.type(np.sqrt(var))
    return np.sqrt(var)


def _remove_nan_1d(arr1d):
    # moves the trailing non-NaNs into the NaN holes, as NumPy does (the
    # element order feeds partition, so it is kept)
    c = np.isnan(arr1d)
    s = np.nonzero(c)[0]
    if s.size == arr1d.size:
        return arr1d[:0]
    if s.size == 0:
        return arr1d
    arr1d = arr1d.copy()
    enonan = arr1d[-s.size:][~c[-s.size:]]
    arr1d[s[:enonan.size]] = enonan
    return arr1d[:-s.size]


def _nanmedian1d(arr1d):
    part = _remove_nan_1d(arr1d)
    if part.size == 0:
        return arr1d[-1]
    return np.median(part)


def _nanmedian_small(a, axis):
    # NumPy runs np.ma.median here: argsort with NaN filled by +inf, then the
    # two middle values (the same one twice for odd counts) summed and halved
    a = np.moveaxis(a, axis, -1)
    nan = np.isnan(a)
    inexact = issubclass(a.dtype.type, np.inexact)
    filled = np.where(nan, np.inf, a) if inexact else a
    n = a.shape[-1]
    flat = filled.reshape(-1, n)
    rows = np.arange(flat.shape[0])
    s = flat[rows[:, None], np.argsort(flat, axis=-1)]
    cnt = np.sum(~nan, axis=-1)
    h = cnt // 2
    lo_i = np.where(cnt % 2 == 1, h, h - 1)
    lo = s[rows, lo_i.ravel()].reshape(cnt.shape)
    hi = s[rows, h.ravel()].reshape(cnt.shape)
    if not inexact:
        return (lo.astype(np.float64) + hi.astype(np.float64)) * 1. / 2
    m = lo + hi
    m = np.true_divide(m, 2.0, casting='unsafe', out=m)
    _copyto_where(m, np.nan, cnt == 0)
    return m


def _nanmedian(a, axis=None, out=None):
    if axis is None or a.ndim == 1:
        r = _nanmedian1d(a.ravel())
    elif a.shape[axis] < 600:
        r = _nanmedian_small(a, axis)
    else:
        r = _apply_1d(_nanmedian1d, axis, a)
    if out is not None:
        out[...] = r
        return out
    return r


def nanmedian(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    a = np.asanyarray(a)
    if a.size == 0:
        return np.nanmean(a, axis, out=out, keepdims=keepdims)
    return _ureduce(a, _nanmedian, keepdims=keepdims, axis=axis, out=out)


_QUANTILE_METHODS = ['inverted_cdf', 'averaged_inverted_cdf', 'closest_observation',
                     'interpolated_inverted_cdf', 'hazen', 'weibull', 'linear',
                     'median_unbiased', 'normal_unbiased', 'lower', 'higher',
                     'midpoint', 'nearest']


def _nanquantile_1d(arr1d, q, method):
    arr1d = _remove_nan_1d(arr1d)
    if arr1d.size == 0:
        return np.full(q.shape, np.nan, dtype=arr1d.dtype)[()]
    if method not in _QUANTILE_METHODS:
        raise ValueError(f"{method!r} is not a valid method. Use one of: dict_keys({_QUANTILE_METHODS})")
    return np.quantile(arr1d, q, method=method)


def _nanquantile_func(a, q, axis=None, out=None, method='linear'):
    if axis is None or a.ndim == 1:
        result = _nanquantile_1d(a.ravel(), q, method)
    else:
        result = _apply_1d(_nanquantile_1d, axis, a, q, method)
        if q.ndim != 0:
            result = np.moveaxis(result, axis, 0)
    if out is not None:
        out[...] = result
        return out
    return result


def _nanquantile_unchecked(a, q, axis, out, method, keepdims):
    if a.size == 0:
        return np.nanmean(a, axis, out=out, keepdims=keepdims)
    return _ureduce(a, _nanquantile_func, keepdims=keepdims, axis=axis, out=out, q=q, method=method)


def _check_interpolation(method, interpolation):
    if interpolation is None:
        return method
    if method != "linear":
        raise TypeError("You shall not pass both `method` and `interpolation`!\n"
                        "(`interpolation` is Deprecated in favor of `method`)")
    return interpolation


def nanpercentile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
                  keepdims=False, *, interpolation=None):
    method = _check_interpolation(method, interpolation)
    a = np.asanyarray(a)
    q = np.asanyarray(np.true_divide(q, 100.0))
    if not (np.all(0 <= q) and np.all(q <= 1)):
        raise ValueError("Percentiles must be in the range [0, 100]")
    return _nanquantile_unchecked(a, q, axis, out, method, keepdims)


def nanquantile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
                keepdims=False, *, interpolation=None):
    method = _check_interpolation(method, interpolation)
    a = np.asanyarray(a)
    q = np.asanyarray(q)
    if not (np.all(0 <= q) and np.all(q <= 1)):
        raise ValueError("Quantiles must be in the range [0, 1]")
    return _nanquantile_unchecked(a, q, axis, out, method, keepdims)


# ---------------------------------------------------------------- cov, corrcoef, correlate

def cov(m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None, *, dtype=None):
    if ddof is not None and ddof != int(ddof):
        raise ValueError("ddof must be integer")
    m = np.asarray(m)
    if m.ndim > 2:
        raise ValueError("m has more than 2 dimensions")
    if y is not None:
        y = np.asarray(y)
        if y.ndim > 2:
            raise ValueError("y has more than 2 dimensions")
    if dtype is None:
        if y is None:
            dtype = np.result_type(m, np.float64)
        else:
            dtype = np.result_type(m, y, np.float64)
    X = np.array(m, ndmin=2, dtype=dtype)
    if not rowvar and X.shape[0] != 1:
        X = X.T
    if X.shape[0] == 0:
        return np.array([]).reshape(0, 0)
    if y is not None:
        y = np.array(y, copy=False, ndmin=2, dtype=dtype)
        if not rowvar and y.shape[0] != 1:
            y = y.T
        X = np.concatenate((X, y), axis=0)
    if ddof is None:
        ddof = 1 if bias == 0 else 0
    w = None
    if fweights is not None:
        fweights = np.asarray(fweights, dtype=float)
        if not np.all(fweights == np.around(fweights)):
            raise TypeError("fweights must be integer")
        if fweights.ndim > 1:
            raise RuntimeError("cannot handle multidimensional fweights")
        if fweights.shape[0] != X.shape[1]:
            raise RuntimeError("incompatible numbers of samples and fweights")
        if np.any(fweights < 0):
            raise ValueError("fweights cannot be negative")
        w = fweights
    if aweights is not None:
        aweights = np.asarray(aweights, dtype=float)
        if aweights.ndim > 1:
            raise RuntimeError("cannot handle multidimensional aweights")
        if aweights.shape[0] != X.shape[1]:
            raise RuntimeError("incompatible numbers of samples and aweights")
        if np.any(aweights < 0):
            raise ValueError("aweights cannot be negative")
        if w is None:
            w = aweights
        else:
            w *= aweights
    avg, w_sum = np.average(X, axis=1, weights=w, returned=True)
    w_sum = w_sum[0]
    if w is None:
        fact = X.shape[1] - ddof
    elif ddof == 0:
        fact = w_sum
    elif aweights is None:
        fact = w_sum - ddof
    else:
        # builtin sum: NumPy adds these one by one, not pairwise
        fact = w_sum - ddof * sum(w * aweights) / w_sum
    if fact <= 0:
        fact = 0.0
    X -= avg[:, None]
    X_T = X.T if w is None else (X * w).T
    c = np.dot(X, X_T.conj())
    c *= np.true_divide(1, fact)
    return c.squeeze()


def corrcoef(x, y=None, rowvar=True, bias=None, ddof=None, *, dtype=None):
    c = cov(x, y, rowvar, dtype=dtype)
    try:
        d = np.diag(c)
    except ValueError:
        return c / c
    stddev = np.sqrt(d.real)
    c /= stddev[:, None]
    c /= stddev[None, :]
    # clip rounding past +-1
    np.clip(c.real, -1, 1, out=c.real)
    if np.iscomplexobj(c):
        np.clip(c.imag, -1, 1, out=c.imag)
    return c


def correlate(a, v, mode='valid'):
    # NumPy's correlate2 is convolve's kernel on (a, conj(v)); when v is the
    # longer one the operands swap and the result comes out reversed
    np.convolve([1], [1], mode)  # the mode is checked first, as NumPy parses it
    a = np.asarray(a)
    v = np.asarray(v)
    if a.ndim == 0 or v.ndim == 0:
        raise ValueError("object of too small depth for desired array")
    if a.ndim > 1 or v.ndim > 1:
        raise ValueError("object too deep for desired array")
    if a.size == 0:
        raise ValueError("first array argument cannot be empty")
    if v.size == 0:
        raise ValueError("second array argument cannot be empty")
    dt = np.promote_types(a.dtype, v.dtype)
    if issubclass(dt.type, np.complexfloating):
        m = ('vsf'.index(mode[0].lower()) if isinstance(mode, str) else int(mode))
        return _correlate_dots(a.astype(dt), v.astype(dt).conj(), m)
    if len(a) >= len(v):
        return np.convolve(a, v[::-1], mode)
    return np.convolve(v, a[::-1], mode)[::-1].copy()


def _convolve_full(a, v):
    # np.convolve(a, v, 'full'); complex goes through the dots as well
    if not issubclass(np.promote_types(a.dtype, v.dtype).type, np.complexfloating):
        return np.convolve(a, v, 'full')
    if len(v) > len(a):
        a, v = v, a
    return _correlate_dots(a, v[::-1], 2)


def _correlate_dots(ap1, ap2, mode):
    # NumPy's _pyarray_correlate, one dot per output element: its dot is
    # BLAS's, which np.dot reproduces except that np.dot multiplies length-1
    # vectors as scalars; BLAS's sum starts at +0, so add 0 for the zero sign
    ap1 = np.ascontiguousarray(ap1)  # NumPy's operands are contiguous
    ap2 = np.ascontiguousarray(ap2)
    inverted = len(ap1) < len(ap2)
    if inverted:
        ap1, ap2 = ap2, ap1
    n1 = len(ap1)
    n2 = len(ap2)
    if mode == 0:
        n_left = n_right = 0
    elif mode == 1:
        n_left = n2 // 2
        n_right = n2 - n_left - 1
    else:
        n_left = n_right = n2 - 1
    res = []
    for i in range(n_left):
        n = n2 - n_left + i
        res.append(np.dot(ap1[:n], ap2[n_left - i:n_left - i + n]) + 0)
    for i in range(n1 - n2 + 1):
        res.append(np.dot(ap1[i:i + n2], ap2) + 0)
    for i in range(n_right):
        n = n2 - 1 - i
        res.append(np.dot(ap1[n1 - n:], ap2[:n]) + 0)
    r = np.array(res, dtype=ap1.dtype)
    return r[::-1].copy() if inverted else r


def vdot(a, b):
    a = np.asarray(a)
    b = np.asarray(b)
    if a.size != b.size:
        raise ValueError(f"cannot reshape array of size {b.size} into shape ({a.size},)")
    if np.iscomplexobj(a):
        a = a.conj()
    return np.dot(a.ravel(), b.ravel())


# ---------------------------------------------------------------- gradient, trapz

def _at(n, axis, s):
    # the index selecting `s` along `axis` of an n-d array
    ix = [slice(None)] * n
    ix[axis] = s
    return tuple(ix)


def gradient(f, *varargs, axis=None, edge_order=1):
    f = np.asanyarray(f)
    N = f.ndim
    axes = tuple(range(N)) if axis is None else _norm_axes(axis, N)
    len_axes = len(axes)
    n = len(varargs)
    if n == 0:
        dx = [1.0] * len_axes
    elif n == 1 and np.ndim(varargs[0]) == 0:
        dx = list(varargs) * len_axes
    elif n == len_axes:
        dx = list(varargs)
        for i in range(n):
            d = np.asanyarray(dx[i])
            if d.ndim == 0:
                continue
            if d.ndim != 1:
                raise ValueError("distances must be either scalars or 1d")
            if len(d) != f.shape[axes[i]]:
                raise ValueError("when 1d, distances must match the length of the corresponding dimension")
            if issubclass(d.dtype.type, np.integer):
                d = d.astype(np.float64)
            diffx = np.diff(d)
            if (diffx == diffx[0]).all():
                diffx = diffx[0]
            dx[i] = diffx
    else:
        raise TypeError("invalid number of arguments")
    if edge_order > 2:
        raise ValueError("'edge_order' greater than 2 not supported")
    otype = f.dtype
    if not issubclass(otype.type, np.inexact):
        if issubclass(otype.type, np.integer):
            f = f.astype(np.float64)
        otype = np.float64

    outvals = []
    for axis, h in zip(axes, dx):
        if f.shape[axis] < edge_order + 1:
            raise ValueError("Shape of array too small to calculate a numerical gradient, "
                             "at least (edge_order + 1) elements are required.")
        out = np.empty_like(f, dtype=otype)
        uniform = np.ndim(h) == 0
        f0 = f[_at(N, axis, slice(None, -2))]
        f1 = f[_at(N, axis, slice(1, -1))]
        f2 = f[_at(N, axis, slice(2, None))]
        if uniform:
            out[_at(N, axis, slice(1, -1))] = (f2 - f0) / (2.0 * h)
        else:
            dx1 = h[0:-1]
            dx2 = h[1:]
            a = -dx2 / (dx1 * (dx1 + dx2))
            b = (dx2 - dx1) / (dx1 * dx2)
            c = dx1 / (dx2 * (dx1 + dx2))
            shape = [1] * N
            shape[axis] = -1
            a = a.reshape(shape)
            b = b.reshape(shape)
            c = c.reshape(shape)
            out[_at(N, axis, slice(1, -1))] = a * f0 + b * f1 + c * f2
        if edge_order == 1:
            d0 = h if uniform else h[0]
            out[_at(N, axis, 0)] = (f[_at(N, axis, 1)] - f[_at(N, axis, 0)]) / d0
            dn = h if uniform else h[-1]
            out[_at(N, axis, -1)] = (f[_at(N, axis, -1)] - f[_at(N, axis, -2)]) / dn
        else:
            if uniform:
                a = -1.5 / h
                b = 2.0 / h
                c = -0.5 / h
            else:
                dx1 = h[0]
                dx2 = h[1]
                a = -(2. * dx1 + dx2) / (dx1 * (dx1 + dx2))
                b = (dx1 + dx2) / (dx1 * dx2)
                c = - dx1 / (dx2 * (dx1 + dx2))
            out[_at(N, axis, 0)] = a * f[_at(N, axis, 0)] + b * f[_at(N, axis, 1)] + c * f[_at(N, axis, 2)]
            if uniform:
                a = 0.5 / h
                b = -2.0 / h
                c = 1.5 / h
            else:
                dx1 = h[-2]
                dx2 = h[-1]
                a = (dx2) / (dx1 * (dx1 + dx2))
                b = - (dx2 + dx1) / (dx1 * dx2)
                c = (2. * dx2 + dx1) / (dx2 * (dx1 + dx2))
            out[_at(N, axis, -1)] = a * f[_at(N, axis, -3)] + b * f[_at(N, axis, -2)] + c * f[_at(N, axis, -1)]
        outvals.append(out)
    if len_axes == 1:
        return outvals[0]
    return outvals


def trapz(y, x=None, dx=1.0, axis=-1):
    y = np.asanyarray(y)
    if x is None:
        d = dx
    else:
        x = np.asanyarray(x)
        if x.ndim == 1:
            d = np.diff(x)
            shape = [1] * y.ndim
            shape[axis] = d.shape[0]
            d = d.reshape(shape)
        else:
            d = np.diff(x, axis=axis)
    nd = y.ndim
    s1 = [slice(None)] * nd
    s2 = [slice(None)] * nd
    s1[axis] = slice(1, None)
    s2[axis] = slice(None, -1)
    return (d * (y[tuple(s1)] + y[tuple(s2)]) / 2.0).sum(axis)


# ---------------------------------------------------------------- polynomials

def polyval(p, x):
    p = np.asarray(p)
    x = np.asanyarray(x)
    y = np.zeros_like(x)
    for pv in p:
        y = y * x + pv
    return y


def polyder(p, m=1):
    m = int(m)
    if m < 0:
        raise ValueError("Order of derivative must be positive (see polyint)")
    p = np.asarray(p)
    n = len(p) - 1
    y = p[:-1] * np.arange(n, 0, -1)
    if m == 0:
        return p
    return polyder(y, m - 1)


def polyint(p, m=1, k=None):
    m = int(m)
    if m < 0:
        raise ValueError("Order of integral must be positive (see polyder)")
    if k is None:
        k = np.zeros(m, float)
    k = np.atleast_1d(k)
    if len(k) == 1 and m > 1:
        k = k[0] * np.ones(m, float)
    if len(k) < m:
        raise ValueError("k must be a scalar or a rank-1 array of length 1 or >m.")
    p = np.asarray(p)
    if m == 0:
        return p
    y = np.concatenate((p / np.arange(len(p), 0, -1), [k[0]]))
    return polyint(y, m - 1, k=k[1:])


def mintypecode(typechars, typeset='GDFgdf', default='d'):
    codes = []
    for t in typechars:
        c = t if isinstance(t, str) and t else np.asarray(t).dtype.char
        if c in typeset and c not in codes:
            codes.append(c)
    if not codes:
        return default
    if 'F' in codes and 'd' in codes:
        return 'D'
    order = 'GDFgdfQqLlIiHhBb?'
    best = codes[0]
    for c in codes:
        if order.index(c) < order.index(best):
            best = c
    return best


def poly(seq_of_zeros):
    seq_of_zeros = np.atleast_1d(seq_of_zeros)
    sh = seq_of_zeros.shape
    if len(sh) == 2 and sh[0] == sh[1] and sh[0] != 0:
        seq_of_zeros = np.linalg.eigvals(seq_of_zeros)
    elif len(sh) == 1:
        seq_of_zeros = seq_of_zeros.astype(mintypecode(seq_of_zeros.dtype.char))
    else:
        raise ValueError("input must be 1d or non-empty square 2d array.")
    if len(seq_of_zeros) == 0:
        return 1.0
    dt = seq_of_zeros.dtype
    a = np.ones((1,), dtype=dt)
    for zero in seq_of_zeros:
        a = _convolve_full(a, np.array([1, -zero], dtype=dt))
    if issubclass(a.dtype.type, np.complexfloating):
        # conjugate pairs give a real polynomial
        roots = np.asarray(seq_of_zeros, complex)
        if np.all(np.sort(roots) == np.sort(roots.conjugate())):
            a = a.real.copy()
    return a


# ---------------------------------------------------------------- type checks

def real_if_close(a, tol=100):
    a = np.asanyarray(a)
    if not issubclass(a.dtype.type, np.complexfloating):
        return a
    if tol > 1:
        tol = np.finfo(a.dtype.type).eps * tol
    if np.all(np.absolute(a.imag) < tol):
        a = a.real
    return a


def common_type(*arrays):
    is_complex = False
    precision = 0
    for a in arrays:
        t = a.dtype.type
        if iscomplexobj(a):
            is_complex = True
        if issubclass(t, np.integer):
            p = 2
        elif t is np.float16:
            p = 0
        elif t is np.float32 or t is np.complex64:
            p = 1
        elif t is np.float64 or t is np.complex128:
            p = 2
        else:
            raise TypeError("can't get common type for non-numeric array")
        precision = max(precision, p)
    if is_complex:
        return [None, np.complex64, np.complex128][precision]
    return [np.float16, np.float32, np.float64][precision]


def _is_generic_class(t):
    try:
        return issubclass(t, np.generic)
    except TypeError:
        return False


def issubdtype(arg1, arg2):
    if not _is_generic_class(arg1):
        arg1 = np.dtype(arg1).type
    if not _is_generic_class(arg2):
        arg2 = np.dtype(arg2).type
    return issubclass(arg1, arg2)


def _isinf_signed(x, out, neg):
    is_inf = np.isinf(x)
    try:
        sb = np.signbit(x) if neg else ~np.signbit(x)
    except TypeError:
        dt = np.asanyarray(x).dtype
        raise TypeError(f"This operation is not supported for {dt} values because it would be ambiguous.")
    if out is None:
        return np.logical_and(is_inf, sb)
    return np.logical_and(is_inf, sb, out)


def isposinf(x, out=None):
    return _isinf_signed(x, out, False)


def isneginf(x, out=None):
    return _isinf_signed(x, out, True)


# ---------------------------------------------------------------- math

def angle(z, deg=False):
    z = np.asanyarray(z)
    if issubclass(z.dtype.type, np.complexfloating):
        zimag = z.imag
        zreal = z.real
    else:
        zimag = 0
        zreal = z
    a = np.arctan2(zimag, zreal)
    if deg:
        a *= 180 / np.pi
    return a


def sort_complex(a):
    b = np.array(a, copy=True)
    b.sort()
    if issubclass(b.dtype.type, np.complexfloating):
        return b
    if b.dtype.char in 'bhBH':
        return b.astype('F')
    return b.astype('D')


def unwrap(p, discont=None, axis=-1, *, period=2 * np.pi):
    p = np.asarray(p)
    nd = p.ndim
    dd = np.diff(p, axis=axis)
    if discont is None:
        discont = period / 2
    slice1 = [slice(None, None)] * nd
    slice1[axis] = slice(1, None)
    slice1 = tuple(slice1)
    dtype = np.result_type(dd, period)
    if issubclass(dtype.type, np.integer):
        interval_high, rem = divmod(period, 2)
        boundary_ambiguous = rem == 0
    else:
        interval_high = period / 2
        boundary_ambiguous = True
    interval_low = -interval_high
    ddmod = np.mod(dd - interval_low, period) + interval_low
    if boundary_ambiguous:
        # for the +-pi boundary keep the sign of the original jump
        _copyto_where(ddmod, interval_high, (ddmod == interval_low) & (dd > 0))
    ph_correct = ddmod - dd
    _copyto_where(ph_correct, 0, abs(dd) < discont)
    up = np.array(p, copy=True, dtype=dtype)
    up[slice1] = p[slice1] + ph_correct.cumsum(axis)
    return up


def sinc(x):
    x = np.asanyarray(x)
    y = np.pi * np.where(x == 0, 1.0e-20, x)
    return np.sin(y) / y


# Chebyshev coefficients for exp(-x) I0(x) on [0, 8] and for
# exp(-x) sqrt(x) I0(x) on (8, inf] (Cephes, as NumPy's i0)
_i0A = [
    -4.41534164647933937950E-18, 3.33079451882223809783E-17,
    -2.43127984654795469359E-16, 1.71539128555513303061E-15,
    -1.16853328779934516808E-14, 7.67618549860493561688E-14,
    -4.85644678311192946090E-13, 2.95505266312963983461E-12,
    -1.72682629144155570723E-11, 9.67580903537323691224E-11,
    -5.18979560163526290666E-10, 2.65982372468238665035E-9,
    -1.30002500998624804212E-8, 6.04699502254191894932E-8,
    -2.67079385394061173391E-7, 1.11738753912010371815E-6,
    -4.41673835845875056359E-6, 1.64484480707288970893E-5,
    -5.75419501008210370398E-5, 1.88502885095841655729E-4,
    -5.76375574538582365885E-4, 1.63947561694133579842E-3,
    -4.32430999505057594430E-3, 1.05464603945949983183E-2,
    -2.37374148058994688156E-2, 4.93052842396707084878E-2,
    -9.49010970480476444210E-2, 1.71620901522208775349E-1,
    -3.04682672343198398683E-1, 6.76795274409476084995E-1]

_i0B = [
    -7.23318048787475395456E-18, -4.83050448594418207126E-18,
    4.46562142029675999901E-17, 3.46122286769746109310E-17,
    -2.82762398051658348494E-16, -3.42548561967721913462E-16,
    1.77256013305652638360E-15, 3.81168066935262242075E-15,
    -9.55484669882830764870E-15, -4.15056934728722208663E-14,
    1.54008621752140982691E-14, 3.85277838274214270114E-13,
    7.18012445138366623367E-13, -1.79417853150680611778E-12,
    -1.32158118404477131188E-11, -3.14991652796324136454E-11,
    1.18891471078464383424E-11, 4.94060238822496958910E-10,
    3.39623202570838634515E-9, 2.26666899049817806459E-8,
    2.04891858946906374183E-7, 2.89137052083475648297E-6,
    6.88975834691682398426E-5, 3.36911647825569408990E-3,
    8.04490411014108831608E-1]


def _chbevl(x, vals):
    b0 = vals[0]
    b1 = 0.0
    b2 = 0.0
    for i in range(1, len(vals)):
        b2 = b1
        b1 = b0
        b0 = x * b1 - b2 + vals[i]
    return 0.5 * (b0 - b2)


def i0(x):
    x = np.asanyarray(x)
    if x.dtype.kind == 'c':
        raise TypeError("i0 not supported for complex values")
    if x.dtype.kind != 'f':
        x = x.astype(float)
    x = np.asanyarray(np.abs(x))
    # np.piecewise(x, [x <= 8.0], [_i0_1, _i0_2])
    y = np.zeros_like(x)
    small = x <= 8.0
    v = x[small]
    if v.size > 0:
        y[small] = np.exp(v) * _chbevl(v / 2.0 - 2, _i0A)
    big = ~small
    v = x[big]
    if v.size > 0:
        y[big] = np.exp(v) * _chbevl(32.0 / v - 2.0, _i0B) / np.sqrt(v)
    return y


# ---------------------------------------------------------------- histograms

_range = range  # the histogram functions take a `range` argument


def _outer_edges(a, range):
    if range is not None:
        first, last = range
        if first > last:
            raise ValueError("max must be larger than min in range parameter.")
        if not (np.isfinite(first) and np.isfinite(last)):
            raise ValueError(f"supplied range of [{first}, {last}] is not finite")
    elif a.size == 0:
        first, last = 0, 1
    else:
        first, last = a.min(), a.max()
        if not (np.isfinite(first) and np.isfinite(last)):
            raise ValueError(f"autodetected range of [{first}, {last}] is not finite")
    if first == last:
        first = first - 0.5
        last = last + 0.5
    return first, last


def histogram_bin_edges(a, bins=10, range=None, weights=None):
    a = np.asarray(a)
    if weights is not None:
        weights = np.asarray(weights)
        if weights.shape != a.shape:
            raise ValueError("weights should have the same shape as a.")
    a = a.ravel()
    if isinstance(bins, str) or np.ndim(bins) == 0:
        # the equal-width edges are np.histogram's own
        return np.histogram(a, bins=bins, range=range)[1]
    if np.ndim(bins) == 1:
        edges = np.asarray(bins)
        if np.any(edges[:-1] > edges[1:]):
            raise ValueError("`bins` must increase monotonically, when an array")
        return edges
    raise ValueError("`bins` must be 1d, when an array")


def histogramdd(sample, bins=10, range=None, density=None, weights=None):
    try:
        N, D = sample.shape
    except (AttributeError, ValueError):
        sample = np.atleast_2d(sample).T
        N, D = sample.shape
    nbin = np.empty(D, np.intp)
    edges = D * [None]
    dedges = D * [None]
    if weights is not None:
        weights = np.asarray(weights)
    try:
        M = len(bins)
        if M != D:
            raise ValueError("The dimension of bins must be equal to the dimension of the  sample x.")
    except TypeError:
        bins = D * [bins]
    if range is None:
        range = (None,) * D
    elif len(range) != D:
        raise ValueError("range argument must have one entry per dimension")
    for i in _range(D):
        if np.ndim(bins[i]) == 0:
            if bins[i] < 1:
                raise ValueError(f"`bins[{i}]` must be positive, when an integer")
            smin, smax = _outer_edges(sample[:, i], range[i])
            try:
                n = _index_int(bins[i])
            except TypeError:
                raise TypeError(f"`bins[{i}]` must be an integer, when a scalar")
            edges[i] = np.linspace(smin, smax, n + 1)
        elif np.ndim(bins[i]) == 1:
            edges[i] = np.asarray(bins[i])
            if np.any(edges[i][:-1] > edges[i][1:]):
                raise ValueError(f"`bins[{i}]` must be monotonically increasing, when an array")
        else:
            raise ValueError(f"`bins[{i}]` must be a scalar or 1d array")
        nbin[i] = len(edges[i]) + 1
        dedges[i] = np.diff(edges[i])
    # bin numbers; values on the last edge count in the last bin
    Ncount = tuple(np.searchsorted(edges[i], sample[:, i], side='right') for i in _range(D))
    for i in _range(D):
        on_edge = sample[:, i] == edges[i][-1]
        Ncount[i][on_edge] -= 1
    xy = np.ravel_multi_index(Ncount, nbin)
    hist = np.bincount(xy, weights, minlength=nbin.prod())
    hist = hist.reshape(nbin)
    hist = hist.astype(float, casting='safe')
    hist = hist[D * (slice(1, -1),)]
    if density:
        s = hist.sum()
        for i in _range(D):
            shape = np.ones(D, int)
            shape[i] = nbin[i] - 2
            hist = hist / dedges[i].reshape(shape)
        hist /= s
    return hist, edges


def histogram2d(x, y, bins=10, range=None, density=None, weights=None):
    if len(x) != len(y):
        raise ValueError("x and y must have the same length.")
    try:
        N = len(bins)
    except TypeError:
        N = 1
    if N != 1 and N != 2:
        xedges = yedges = np.asarray(bins)
        bins = [xedges, yedges]
    hist, edges = histogramdd([x, y], bins, range, density, weights)
    return hist, edges[0], edges[1]


def _unique_axis(ar, return_index, return_inverse, return_counts, axis, equal_nan):
    # np.unique(axis=...): rows along `axis` become records of a structured
    # dtype with one field per element, unique'd as a 1-d array (NumPy's way,
    # so the order is the records' lexicographic one).
    ar = np.asanyarray(ar)
    axis = int(axis)
    if axis < -ar.ndim or axis >= ar.ndim:
        raise np.AxisError("axis %d is out of bounds for array of dimension %d" % (axis, ar.ndim))
    ar = np.moveaxis(ar, axis, 0)
    orig_shape, orig_dtype = ar.shape, ar.dtype
    m = 1
    for d in orig_shape[1:]:
        m *= d
    ar = np.ascontiguousarray(ar.reshape(orig_shape[0], m))
    dtype = [('f%d' % i, ar.dtype) for i in range(ar.shape[1])]
    if ar.shape[1] > 0:
        consolidated = ar.view(dtype)
    else:
        consolidated = np.empty(len(ar), dtype=dtype)
    out = np.unique(consolidated.ravel(), return_index=bool(return_index), return_inverse=bool(return_inverse),
                    return_counts=bool(return_counts), equal_nan=equal_nan)
    first = out[0] if isinstance(out, tuple) else out
    n = len(first)
    uniq = np.moveaxis(first.view(orig_dtype).reshape((n,) + tuple(orig_shape[1:])), 0, axis)
    if isinstance(out, tuple):
        return (uniq,) + tuple(out[1:])
    return uniq


def roots(p):
    # eigenvalues of the companion matrix, as NumPy
    p = np.atleast_1d(p)
    if p.ndim != 1:
        raise ValueError("Input must be a rank-1 array.")
    non_zero = np.nonzero(np.ravel(p))[0]
    if len(non_zero) == 0:
        return np.array([])
    trailing_zeros = len(p) - non_zero[-1] - 1
    p = p[int(non_zero[0]):int(non_zero[-1]) + 1]
    if p.dtype.kind not in 'fc':
        p = p.astype(float)
    N = len(p)
    if N > 1:
        A = np.diag(np.ones((N - 2,), p.dtype), -1)
        A[0, :] = -p[1:] / p[0]
        r = np.linalg.eigvals(A)
    else:
        r = np.array([])
    return np.hstack((r, np.zeros(trailing_zeros, r.dtype)))


def polyfit(x, y, deg, rcond=None, full=False, w=None, cov=False):
    # least squares on the column-scaled Vandermonde matrix, as NumPy
    order = int(deg) + 1
    x = np.asarray(x) + 0.0
    y = np.asarray(y) + 0.0
    if deg < 0:
        raise ValueError("expected deg >= 0")
    if x.ndim != 1:
        raise TypeError("expected 1D vector for x")
    if x.size == 0:
        raise TypeError("expected non-empty vector for x")
    if y.ndim < 1 or y.ndim > 2:
        raise TypeError("expected 1D or 2D array for y")
    if x.shape[0] != y.shape[0]:
        raise TypeError("expected x and y to have same length")
    if rcond is None:
        rcond = len(x) * np.finfo(x.dtype).eps
    lhs = np.vander(x, order)
    rhs = y
    if w is not None:
        w = np.asarray(w) + 0.0
        if w.ndim != 1:
            raise TypeError("expected a 1-d array for weights")
        if w.shape[0] != y.shape[0]:
            raise TypeError("expected w and y to have the same length")
        lhs *= w[:, None]
        if rhs.ndim == 2:
            rhs *= w[:, None]
        else:
            rhs *= w
    scale = np.sqrt((lhs * lhs).sum(axis=0))
    lhs /= scale
    c, resids, rank, s = np.linalg.lstsq(lhs, rhs, rcond)
    c = (c.T / scale).T
    # NumPy warns (RankWarning) here when rank != order and not full
    if full:
        return c, resids, rank, s, rcond
    if cov:
        Vbase = np.linalg.inv(np.dot(lhs.T, lhs))
        Vbase /= np.outer(scale, scale)
        if cov == "unscaled":
            fac = 1
        else:
            if len(x) <= order:
                raise ValueError("the number of data points must exceed order to scale the covariance matrix")
            fac = resids / (len(x) - order)
        if y.ndim == 1:
            return c, Vbase * fac
        return c, Vbase[:, :, None] * fac
    return c


def _fct_coerce_all(dtypelist, start=0):
    # numerictypes._can_coerce_all: the first test type every dtype casts to
    # safely (nd has no long double, so 'g'/'G' are skipped)
    n = len(dtypelist)
    if n == 0:
        return None
    if n == 1:
        return dtypelist[0]
    order = '?bBhHiIlLqQefdFD'
    for ch in order[start:]:
        t = np.dtype(ch)
        if all([np.can_cast(x, t) for x in dtypelist]):
            return t
    return None


def find_common_type(array_types, scalar_types):
    array_types = [np.dtype(x) for x in array_types]
    scalar_types = [np.dtype(x) for x in scalar_types]
    maxa = _fct_coerce_all(array_types)
    maxsc = _fct_coerce_all(scalar_types)
    if maxa is None:
        return maxsc
    if maxsc is None:
        return maxa
    kinds = ['b', 'u', 'i', 'f', 'c', 'S', 'U', 'V', 'O', 'M', 'm']
    if maxa.kind not in kinds or maxsc.kind not in kinds:
        return None
    if kinds.index(maxsc.kind) > kinds.index(maxa.kind):
        # numerictypes._find_common_coerce
        if np.can_cast(maxa, maxsc) and maxa != maxsc:
            return maxsc
        order = '?bBhHiIlLqQefdFD'
        if maxsc.char not in order:
            return None
        return _fct_coerce_all([maxsc, maxa], start=order.index(maxsc.char))
    return maxa


def sctype2char(sctype):
    if not isinstance(sctype, type) or np.dtype(sctype).type is not sctype:
        raise ValueError("unrecognized type")
    return np.dtype(sctype).char


def _win_trivial(M):
    if M < 1:
        return np.array([], dtype=np.result_type(M, 0.0))
    if M == 1:
        return np.ones(1, dtype=np.result_type(M, 0.0))
    return None


def hanning(M):
    t = _win_trivial(M)
    if t is not None:
        return t
    n = np.arange(1 - M, M, 2)
    return 0.5 + 0.5 * np.cos(np.pi * n / (M - 1))


def hamming(M):
    t = _win_trivial(M)
    if t is not None:
        return t
    n = np.arange(1 - M, M, 2)
    return 0.54 + 0.46 * np.cos(np.pi * n / (M - 1))


def blackman(M):
    t = _win_trivial(M)
    if t is not None:
        return t
    n = np.arange(1 - M, M, 2)
    return 0.42 + 0.5 * np.cos(np.pi * n / (M - 1)) + 0.08 * np.cos(2.0 * np.pi * n / (M - 1))


def bartlett(M):
    t = _win_trivial(M)
    if t is not None:
        return t
    n = np.arange(1 - M, M, 2)
    return np.where(np.less_equal(n, 0), 1 + n / (M - 1), 1 - n / (M - 1))


def kaiser(M, beta):
    if M == 1:
        return np.ones(1, dtype=np.result_type(M, 0.0))
    n = np.arange(0, M)
    alpha = (M - 1) / 2.0
    return np.i0(beta * np.sqrt(1 - ((n - alpha) / alpha) ** 2.0)) / np.i0(float(beta))
