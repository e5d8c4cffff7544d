# numpy.linalg: what needs no LAPACK.  linalg__<name> is numpy.linalg.<name>
# (np_prelude.c publishes it there).  Decompositions and solvers are in
# 45_linalg_lapack.py.


def _is_complex(x):
    return x.dtype.kind == 'c'


def linalg__norm(x, ord=None, axis=None, keepdims=False):
    x = np.asarray(x)
    if x.dtype.kind not in 'fc':
        x = x.astype(float)
    if axis is None:
        ndim = x.ndim
        if ord is None or (ord in ('f', 'fro') and ndim == 2) or (ord == 2 and ndim == 1):
            # NumPy's fast path: a dot product of the raveled data
            x = x.ravel(order='K')
            if _is_complex(x):
                sqnorm = x.real.dot(x.real) + x.imag.dot(x.imag)
            else:
                sqnorm = x.dot(x)
            ret = np.sqrt(sqnorm)
            if keepdims:
                ret = ret.reshape(ndim * [1])
            return ret
    nd = x.ndim
    if axis is None:
        axis = tuple(range(nd))
    elif not isinstance(axis, tuple):
        try:
            axis = int(axis)
        except Exception:
            raise TypeError("'axis' must be None, an integer or a tuple of integers")
        axis = (axis,)
    if len(axis) == 1:
        if ord == np.inf:
            return abs(x).max(axis=axis, keepdims=keepdims)
        if ord == -np.inf:
            return abs(x).min(axis=axis, keepdims=keepdims)
        if ord == 0:
            return (x != 0).astype(x.real.dtype).sum(axis=axis, keepdims=keepdims)
        if ord == 1:
            return np.add.reduce(abs(x), axis=axis, keepdims=keepdims)
        if ord is None or ord == 2:
            s = (x.conj() * x).real
            return np.sqrt(np.add.reduce(s, axis=axis, keepdims=keepdims))
        if isinstance(ord, str):
            raise ValueError(f"Invalid norm order '{ord}' for vectors")
        absx = abs(x)
        absx **= ord
        ret = np.add.reduce(absx, axis=axis, keepdims=keepdims)
        ret **= np.reciprocal(np.array(ord, dtype=ret.dtype))
        return ret
    if len(axis) == 2:
        row_axis, col_axis = axis
        if not -nd <= row_axis < nd:
            raise np.AxisError(f"axis {row_axis} is out of bounds for array of dimension {nd}")
        if not -nd <= col_axis < nd:
            raise np.AxisError(f"axis {col_axis} is out of bounds for array of dimension {nd}")
        row_axis %= nd
        col_axis %= nd
        if row_axis == col_axis:
            raise ValueError('Duplicate axes given.')
        if ord == 2:
            ret = _la_svd_norm(x, row_axis, col_axis, np.amax)
        elif ord == -2:
            ret = _la_svd_norm(x, row_axis, col_axis, np.amin)
        elif ord == 1:
            if col_axis > row_axis:
                col_axis -= 1
            ret = np.add.reduce(abs(x), axis=row_axis).max(axis=col_axis)
        elif ord == np.inf:
            if row_axis > col_axis:
                row_axis -= 1
            ret = np.add.reduce(abs(x), axis=col_axis).max(axis=row_axis)
        elif ord == -1:
            if col_axis > row_axis:
                col_axis -= 1
            ret = np.add.reduce(abs(x), axis=row_axis).min(axis=col_axis)
        elif ord == -np.inf:
            if row_axis > col_axis:
                row_axis -= 1
            ret = np.add.reduce(abs(x), axis=col_axis).min(axis=row_axis)
        elif ord in [None, 'fro', 'f']:
            ret = np.sqrt(np.add.reduce((x.conj() * x).real, axis=axis))
        elif ord == 'nuc':
            ret = _la_svd_norm(x, row_axis, col_axis, np.sum)
        else:
            raise ValueError("Invalid norm order for matrices.")
        if keepdims:
            ret_shape = list(x.shape)
            ret_shape[axis[0]] = 1
            ret_shape[axis[1]] = 1
            ret = ret.reshape(ret_shape)
        return ret
    raise ValueError("Improper number of dimensions to norm.")


def linalg__matrix_power(a, n):
    # Repeated squaring over matmul, in NumPy's order.
    a = np.asanyarray(a)
    if a.ndim < 2:
        raise np.linalg.LinAlgError("%d-dimensional array given. Array must be at least two-dimensional" % a.ndim)
    if a.shape[-2] != a.shape[-1]:
        raise np.linalg.LinAlgError("Last 2 dimensions of the array must be square")
    if not isinstance(n, (int, np.integer)) or isinstance(n, bool):
        raise TypeError("exponent must be an integer")
    n = int(n)
    if n == 0:
        a = np.empty_like(a)
        a[...] = np.eye(a.shape[-2], dtype=a.dtype)
        return a
    if n < 0:
        a = linalg__inv(a)
        n = abs(n)
    if n == 1:
        return a.copy()
    if n == 2:
        return np.matmul(a, a)
    if n == 3:
        return np.matmul(np.matmul(a, a), a)
    z = None
    result = None
    while n > 0:
        z = a if z is None else np.matmul(z, z)
        n, bit = divmod(n, 2)
        if bit:
            result = z if result is None else np.matmul(result, z)
    return result
