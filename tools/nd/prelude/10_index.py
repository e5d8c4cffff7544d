# Indexing, array-building and shape functions NumPy writes in Python (or in
# small C loops): take/put_along_axis, select, extract/place/putmask, insert,
# resize, block, broadcast_arrays, kron/inner/tensordot, apply_along_axis,
# vectorize, fromiter and friends.  Private helpers here are prefixed _ix_
# because every prelude file shares one scope.


# ---------------------------------------------------------------- helpers

_ix_no_func = []  # a default no caller can pass


def _ix_axis(axis, ndim):
    # numpy.core.multiarray.normalize_axis_index
    if isinstance(axis, (float, np.floating)):
        raise TypeError("integer argument expected, got float")
    if not isinstance(axis, (int, np.integer, np.bool_)):
        raise TypeError(f"'{type(axis).__name__}' object cannot be interpreted as an integer")
    axis = int(axis)
    if axis < -ndim or axis >= ndim:
        raise np.AxisError(f"axis {axis} is out of bounds for array of dimension {ndim}")
    return axis + ndim if axis < 0 else axis


def _ix_bshape(arrs):
    # np.broadcast's shape: dimensions outer, arguments inner, so the error
    # names the same two arguments NumPy's multi-iterator does.
    nd = max([a.ndim for a in arrs] + [0])
    shape = []
    for i in range(nd):
        dim, src = 1, 0
        for j in range(len(arrs)):
            k = i + arrs[j].ndim - nd
            if k < 0 or arrs[j].shape[k] == 1:
                continue
            if dim == 1:
                dim, src = arrs[j].shape[k], j
            elif dim != arrs[j].shape[k]:
                raise ValueError("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is "
                                 "between arg %d with shape %s and arg %d with shape %s." %
                                 (src, arrs[src].shape, j, arrs[j].shape))
        shape.append(dim)
    return tuple(shape)


def _ix_shape_str(shape):
    # shapes as the ufunc machinery prints them: (2,3), (4,)
    return '(' + ','.join([str(d) for d in shape]) + (',' if len(shape) == 1 else '') + ')'


def _ix_min_scalar(v):
    # np.min_scalar_type of a 0-d numeric array, plus NumPy's "small
    # unsigned" flag (the value also fits the signed type of that size)
    k = v.dtype.kind
    if k == 'b':
        return v.dtype, False
    if k in 'iu':
        x = int(v)
        for bits in (8, 16, 32, 64):
            if 0 <= x < 2 ** bits:
                return np.dtype('u%d' % (bits // 8)), x < 2 ** (bits - 1)
            if -2 ** (bits - 1) <= x < 0:
                return np.dtype('i%d' % (bits // 8)), False
        return v.dtype, False
    if k == 'f':
        x = float(v)
        if v.dtype.itemsize > 2 and -65000 < x < 65000:
            return np.dtype('f2'), False
        if v.dtype.itemsize > 4 and -3.4e38 < x < 3.4e38:
            return np.dtype('f4'), False
        return v.dtype, False
    if k == 'c' and v.dtype.itemsize > 8:
        z = complex(v)
        if -3.4e38 < z.real < 3.4e38 and -3.4e38 < z.imag < 3.4e38:
            return np.dtype('c8'), False
    return v.dtype, False


def _ix_can_safe(v, dt):
    # PyArray_CanCastArrayTo(v, dt, 'safe'): 0-d arrays cast by value
    if np.can_cast(v.dtype, dt):
        return True
    if v.ndim != 0 or v.dtype.kind not in 'biufc':
        return False
    m, small = _ix_min_scalar(v)
    if small and dt.kind != 'u':
        m = np.dtype('i%d' % m.itemsize)
    return np.can_cast(m, dt)


def _ix_no_complex(vals, dt):
    # int()/float() of a Python complex fails where NumPy stores one
    if isinstance(vals, (list, tuple)):
        for x in vals:
            _ix_no_complex(x, dt)
    elif type(vals) is complex:
        if dt.kind in 'iu':
            raise TypeError("int() argument must be a string, a bytes-like object or a real number, not 'complex'")
        if dt.kind == 'f':
            raise TypeError("float() argument must be a string or a real number, not 'complex'")


def _ix_values(vals, dt):
    # PyArray_FromAny(vals, dt): arrays must cast safely, Python values convert
    if isinstance(vals, np.ndarray):
        if not _ix_can_safe(vals, dt):
            what = 'scalar' if vals.ndim == 0 else 'array data'
            raise TypeError("Cannot cast %s from %r to %r according to the rule 'safe'" % (what, vals.dtype, dt))
        return vals.astype(dt).ravel()
    _ix_no_complex(vals, dt)
    return np.array(vals, dtype=dt).ravel()


def _ix_mask(arr, mask, name):
    m = np.asarray(mask).astype(bool).ravel()
    if m.size != arr.size:
        raise ValueError(name + ": mask and data must be the same size")
    return m


# ---------------------------------------------------------------- along an axis

def _ix_along_index(arr_shape, indices, axis):
    # a fancy index of orthogonal aranges with `indices` at `axis`
    if indices.dtype.kind not in 'iu':
        raise IndexError('`indices` must be an integer array')
    if len(arr_shape) != indices.ndim:
        raise ValueError("`indices` and `arr` must have the same number of dimensions")
    nd = indices.ndim
    fancy = []
    for dim in range(nd):
        if dim == axis:
            fancy.append(indices)
        else:
            fancy.append(np.arange(arr_shape[dim]).reshape((1,) * dim + (-1,) + (1,) * (nd - dim - 1)))
    return tuple(fancy)


def take_along_axis(arr, indices, axis):
    if axis is None:
        flat = arr.flat  # NumPy indexes the flat iterator: arr must be an array
        return flat[_ix_along_index((arr.size,), indices, 0)[0]]
    axis = _ix_axis(axis, arr.ndim)
    return arr[_ix_along_index(arr.shape, indices, axis)]


def put_along_axis(arr, indices, values, axis):
    if axis is None:
        flat = arr.flat  # flat assignment repeats short values, as NumPy's does
        flat[_ix_along_index((arr.size,), indices, 0)[0]] = values
        return None
    axis = _ix_axis(axis, arr.ndim)
    arr[_ix_along_index(arr.shape, indices, axis)] = values
    return None


def apply_along_axis(func1d, axis, arr, *args, **kwargs):
    arr = np.asanyarray(arr)
    nd = arr.ndim
    axis = _ix_axis(axis, nd)
    # the iteration axes first, the function's axis last
    view = np.transpose(arr, list(range(axis)) + list(range(axis + 1, nd)) + [axis])
    inds = [i + (Ellipsis,) for i in np.ndindex(view.shape[:-1])]
    if not inds:
        raise ValueError('Cannot apply_along_axis when any iteration dimensions are 0')
    res = np.asanyarray(func1d(view[inds[0]], *args, **kwargs))
    buff = np.zeros(view.shape[:-1] + res.shape, res.dtype)
    buff[inds[0]] = res
    for ind in inds[1:]:
        buff[ind] = np.asanyarray(func1d(view[ind], *args, **kwargs))
    # the result's own axes go back where `axis` was
    bd = buff.ndim
    perm = list(range(axis)) + list(range(bd - res.ndim, bd)) + list(range(axis, bd - res.ndim))
    return np.transpose(buff, perm)


def apply_over_axes(func, a, axes):
    val = np.asarray(a)
    N = a.ndim
    if np.array(axes).ndim == 0:
        axes = (axes,)
    for axis in axes:
        if axis < 0:
            axis = N + axis
        res = func(val, axis)
        if res.ndim == val.ndim:
            val = res
        else:
            res = np.expand_dims(res, axis)
            if res.ndim != val.ndim:
                raise ValueError("function is not returning an array of the correct shape")
            val = res
    return val


# ---------------------------------------------------------------- choosing by condition

def select(condlist, choicelist, default=0):
    if len(condlist) != len(choicelist):
        raise ValueError('list of cases must be same length as list of conditions')
    if len(condlist) == 0:
        raise ValueError("select with an empty condition list is not possible")
    choices = [np.asarray(c) for c in choicelist]
    # the dtype comes from the unbroadcast values, so Python scalars stay weak
    dtype = np.result_type(np.result_type(*choices), np.asarray(default))
    choices.append(np.asarray(default))
    conds = np.broadcast_arrays(*condlist)
    choices = np.broadcast_arrays(*choices)
    for i in range(len(conds)):
        if conds[i].dtype.type is not np.bool_:
            raise TypeError('invalid entry {} in condlist: should be boolean ndarray'.format(i))
    if choices[0].ndim == 0:
        shape = conds[0].shape
    else:
        shape = _ix_bshape([conds[0], choices[0]])
    result = np.empty(shape, dtype)
    np.copyto(result, choices[-1], casting='unsafe')
    # backwards, so the first true condition wins
    for i in range(len(conds) - 1, -1, -1):
        np.copyto(result, choices[i], where=conds[i])
    return result


def piecewise(x, condlist, funclist, *args, **kw):
    x = np.asanyarray(x)
    n2 = len(funclist)
    # a single condition (not a list of them) is one condition
    if np.isscalar(condlist) or (not isinstance(condlist[0], (list, np.ndarray)) and x.ndim != 0):
        condlist = [condlist]
    condlist = np.asarray(condlist, dtype=bool)
    n = len(condlist)
    if n == n2 - 1:  # the last function is "otherwise"
        condelse = ~np.any(condlist, axis=0, keepdims=True)
        condlist = np.concatenate([condlist, condelse], axis=0)
        n += 1
    elif n != n2:
        raise ValueError("with {} condition(s), either {} or {} functions are expected".format(n, n, n + 1))
    y = np.zeros_like(x)
    for i in range(n):
        cond, func = condlist[i], funclist[i]
        if not callable(func):
            y[cond] = func
        else:
            vals = x[cond]
            if vals.size > 0:
                y[cond] = func(vals, *args, **kw)
    return y


def extract(condition, arr):
    return np.take(np.ravel(arr), np.nonzero(np.ravel(condition))[0])


def place(arr, mask, vals):
    # the n-th masked element gets vals[n % len(vals)]
    if not isinstance(arr, np.ndarray):
        raise TypeError("argument 1 must be numpy.ndarray, not %s" % type(arr).__name__)
    if not arr.flags.writeable:
        raise ValueError("WRITEBACKIFCOPY base is read-only")
    m = _ix_mask(arr, mask, "place")
    v = _ix_values(vals, arr.dtype)
    idx = np.flatnonzero(m)
    if idx.size == 0:
        return None
    if v.size == 0:
        raise ValueError("Cannot insert from an empty array!")
    arr.flat[idx] = v[np.arange(idx.size) % v.size]
    return None


def putmask(a, mask, values):
    # element i (C order) gets values[i % len(values)] where mask[i]
    if not isinstance(a, np.ndarray):
        raise TypeError("putmask() argument 1 must be numpy.ndarray, not %s" % type(a).__name__)
    if not a.flags.writeable:
        raise ValueError("putmask: output array is read-only")
    m = _ix_mask(a, mask, "putmask")
    v = _ix_values(values, a.dtype)
    if v.size == 0:
        return None
    idx = np.flatnonzero(m)
    a.flat[idx] = v[idx % v.size]
    return None


# ---------------------------------------------------------------- inserting, resizing, trimming

def insert(arr, obj, values, axis=None):
    arr = np.asarray(arr)
    ndim = arr.ndim
    order = 'F' if arr.flags.fnc else 'C'
    if axis is None:
        if ndim != 1:
            arr = arr.ravel()
        ndim = arr.ndim
        axis = ndim - 1
    else:
        axis = _ix_axis(axis, ndim)
    slobj = [slice(None)] * ndim
    N = arr.shape[axis]
    newshape = list(arr.shape)
    if isinstance(obj, slice):
        indices = np.arange(*obj.indices(N), dtype=np.intp)
    else:
        indices = np.array(obj)  # a copy: it is shifted in place below
        if indices.dtype == bool:
            indices = indices.astype(np.intp)  # NumPy 1.24 warns, then casts
        elif indices.ndim > 1:
            raise ValueError("index array argument obj to insert must be one dimensional or scalar")
    if indices.size == 1:
        index = indices.item()
        if index < -N or index > N:
            raise IndexError(f"index {obj} is out of bounds for axis {axis} with size {N}")
        if index < 0:
            index += N
        values = np.array(values, copy=False, ndmin=arr.ndim, dtype=arr.dtype)
        if indices.ndim == 0:
            # a scalar index inserts like a[:, i:i+1] = values, not a[:, i]
            values = np.moveaxis(values, 0, axis)
        numnew = values.shape[axis]
        newshape[axis] += numnew
        new = np.empty(newshape, arr.dtype, order)
        slobj[axis] = slice(None, index)
        new[tuple(slobj)] = arr[tuple(slobj)]
        slobj[axis] = slice(index, index + numnew)
        new[tuple(slobj)] = values
        slobj[axis] = slice(index + numnew, None)
        slobj2 = [slice(None)] * ndim
        slobj2[axis] = slice(index, None)
        new[tuple(slobj)] = arr[tuple(slobj2)]
        return new
    elif indices.size == 0 and not isinstance(obj, np.ndarray):
        indices = indices.astype(np.intp)
    indices[indices < 0] += N
    numnew = len(indices)
    # each new item lands after the ones inserted before it (stable order)
    order_ = indices.argsort(kind='mergesort')
    indices[order_] += np.arange(numnew)
    newshape[axis] += numnew
    old_mask = np.ones(newshape[axis], dtype=bool)
    old_mask[indices] = False
    new = np.empty(newshape, arr.dtype, order)
    slobj2 = [slice(None)] * ndim
    slobj[axis] = indices
    slobj2[axis] = old_mask
    new[tuple(slobj)] = values
    new[tuple(slobj2)] = arr
    return new


def resize(a, new_shape):
    if isinstance(new_shape, (int, np.integer)):
        new_shape = (new_shape,)
    a = np.ravel(a)
    new_size = 1
    for dim in new_shape:
        new_size *= dim
        if dim < 0:
            raise ValueError('all elements of `new_shape` must be non-negative')
    if a.size == 0 or new_size == 0:
        return np.zeros_like(a, shape=new_shape)
    repeats = int(-(-new_size // a.size))  # nd: tuple * np.int64 is not repetition
    a = np.concatenate((a,) * repeats)[:new_size]
    return np.reshape(a, new_shape)


def trim_zeros(filt, trim='fb'):
    first = 0
    trim = trim.upper()
    if 'F' in trim:
        for i in filt:
            if i != 0.:
                break
            first = first + 1
    last = len(filt)
    if 'B' in trim:
        for i in filt[::-1]:
            if i != 0.:
                break
            last = last - 1
    return filt[first:last]


def ediff1d(ary, to_end=None, to_begin=None):
    ary = np.asanyarray(ary).ravel()
    dt = ary.dtype
    if to_begin is None and to_end is None:
        return ary[1:] - ary[:-1]
    l_begin = l_end = 0
    if to_begin is not None:
        to_begin = np.asanyarray(to_begin)
        if not np.can_cast(to_begin, dt, casting="same_kind"):
            raise TypeError("dtype of `to_begin` must be compatible with input `ary` under the `same_kind` rule.")
        to_begin = to_begin.ravel()
        l_begin = len(to_begin)
    if to_end is not None:
        to_end = np.asanyarray(to_end)
        if not np.can_cast(to_end, dt, casting="same_kind"):
            raise TypeError("dtype of `to_end` must be compatible with input `ary` under the `same_kind` rule.")
        to_end = to_end.ravel()
        l_end = len(to_end)
    l_diff = max(len(ary) - 1, 0)
    result = np.empty(l_diff + l_begin + l_end, dtype=dt)
    if l_begin > 0:
        result[:l_begin] = to_begin
    if l_end > 0:
        result[l_begin + l_diff:] = to_end
    np.subtract(ary[1:], ary[:-1], result[l_begin:l_begin + l_diff])
    return result


# ---------------------------------------------------------------- shapes and blocks

def rollaxis(a, axis, start=0):
    n = a.ndim
    axis = _ix_axis(axis, n)
    if start < 0:
        start += n
    if not (0 <= start < n + 1):
        raise np.AxisError("'%s' arg requires %d <= %s < %d, but %d was passed in" % ('start', -n, 'start', n + 1, start))
    if axis < start:
        start -= 1  # the axis itself has been taken out
    if axis == start:
        return a[...]
    axes = list(range(n))
    axes.remove(axis)
    axes.insert(start, axis)
    return a.transpose(axes)


def broadcast_arrays(*args, subok=False):
    args = [np.array(m, copy=False) for m in args]
    shape = _ix_bshape(args)
    if all([x.shape == shape for x in args]):
        return args
    res = []
    for x in args:
        b = np.broadcast_to(x, shape)
        if x.flags.writeable:
            b.flags.writeable = True  # NumPy 1.24 only warns on writing these
        res.append(b)
    return res


def broadcast_shapes(*args):
    # zero-stride stand-ins of each shape, through the same broadcast rule
    arrs = []
    for s in args:
        s = (s,) if isinstance(s, (int, np.integer)) else tuple(s)
        arrs.append(np.broadcast_to(np.empty((), dtype=bool), s))
    return _ix_bshape(arrs)


def _ix_block_index(index):
    return 'arrays' + ''.join(['[{}]'.format(i) for i in index if i is not None])


def _ix_block_depths(arrays, parent):
    # (index of a bottom element, largest ndim, total size), checking that
    # every list is nested equally deep
    if type(arrays) is tuple:
        raise TypeError('{} is a tuple. Only lists can be used to arrange blocks, and np.block does not allow '
                        'implicit conversion from tuple to ndarray.'.format(_ix_block_index(parent)))
    if type(arrays) is list and len(arrays) > 0:
        first, max_nd, size = _ix_block_depths(arrays[0], parent + [0])
        for i in range(1, len(arrays)):
            index, nd, sz = _ix_block_depths(arrays[i], parent + [i])
            size += sz
            if nd > max_nd:
                max_nd = nd
            if len(index) != len(first):
                raise ValueError("List depths are mismatched. First element was at depth {}, but there is an "
                                 "element at depth {} ({})".format(len(first), len(index), _ix_block_index(index)))
            if index[-1] is None:
                first = index
        return first, max_nd, size
    if type(arrays) is list:
        return parent + [None], 0, 0
    return parent, np.ndim(arrays), np.size(arrays)


def _ix_block(arrays, max_depth, result_ndim, depth):
    if depth < max_depth:
        arrs = [_ix_block(x, max_depth, result_ndim, depth + 1) for x in arrays]
        return np.concatenate(arrs, axis=-(max_depth - depth))
    return np.array(arrays, ndmin=result_ndim, copy=False)


def block(arrays):
    bottom, arr_ndim, size = _ix_block_depths(arrays, [])
    list_ndim = len(bottom)
    if bottom and bottom[-1] is None:
        raise ValueError('List at {} cannot be empty'.format(_ix_block_index(bottom)))
    result = _ix_block(arrays, list_ndim, max(arr_ndim, list_ndim), 0)
    if list_ndim == 0:
        result = result.copy()
    return result


def diagflat(v, k=0):
    v = np.asarray(v).ravel()
    s = len(v)
    n = s + abs(k)
    res = np.zeros((n, n), v.dtype)
    if k >= 0:
        i = np.arange(0, n - k, dtype=np.intp)
        fi = i + k + i * n
    else:
        i = np.arange(0, n + k, dtype=np.intp)
        fi = i + (i - k) * n
    res.flat[fi] = v
    return res


def vander(x, N=None, increasing=False):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be a one-dimensional array or sequence.")
    if N is None:
        N = len(x)
    v = np.empty((len(x), N), dtype=np.promote_types(x.dtype, int))
    tmp = v if increasing else v[:, ::-1]
    if N > 0:
        tmp[:, 0] = 1
    if N > 1:
        tmp[:, 1:] = x[:, None]
        np.multiply.accumulate(tmp[:, 1:], out=tmp[:, 1:], axis=1)
    return v


# ---------------------------------------------------------------- products

def kron(a, b):
    b = np.asanyarray(b)
    a = np.array(a, copy=False, ndmin=b.ndim)
    ndb, nda = b.ndim, a.ndim
    nd = max(ndb, nda)
    if nda == 0 or ndb == 0:
        return np.multiply(a, b)
    as_ = (1,) * max(0, ndb - nda) + a.shape
    bs = (1,) * max(0, nda - ndb) + b.shape
    # interleave the axes: a's on the even positions, b's on the odd ones
    a_arr = np.expand_dims(a.reshape(as_), tuple(range(1, nd * 2, 2)))
    b_arr = np.expand_dims(b.reshape(bs), tuple(range(0, nd * 2, 2)))
    result = np.multiply(a_arr, b_arr)
    return result.reshape(tuple([as_[i] * bs[i] for i in range(nd)]))


def inner(a, b):
    a = np.asarray(a)
    b = np.asarray(b)
    # both sides convert to the promoted dtype first: no value-based casting
    t = np.promote_types(a.dtype, b.dtype)
    a, b = a.astype(t, copy=False), b.astype(t, copy=False)
    if a.ndim == 0 or b.ndim == 0:
        return np.multiply(a, b)
    # NumPy's inner is dot against b with its last two axes swapped
    if b.ndim >= 2:
        b = np.swapaxes(b, -1, -2)
    return np.dot(a, b)


def tensordot(a, b, axes=2):
    try:
        iter(axes)
    except Exception:
        axes_a = list(range(-axes, 0))
        axes_b = list(range(0, axes))
    else:
        axes_a, axes_b = axes
    try:
        na = len(axes_a)
        axes_a = list(axes_a)
    except TypeError:
        axes_a = [axes_a]
        na = 1
    try:
        nb = len(axes_b)
        axes_b = list(axes_b)
    except TypeError:
        axes_b = [axes_b]
        nb = 1
    a, b = np.asarray(a), np.asarray(b)
    as_, bs = a.shape, b.shape
    nda, ndb = a.ndim, b.ndim
    equal = na == nb
    if equal:
        for k in range(na):
            if as_[axes_a[k]] != bs[axes_b[k]]:
                equal = False
                break
            if axes_a[k] < 0:
                axes_a[k] += nda
            if axes_b[k] < 0:
                axes_b[k] += ndb
    if not equal:
        raise ValueError("shape-mismatch for sum")
    # the summed axes go last in a and first in b; then it is one dot
    notin_a = [k for k in range(nda) if k not in axes_a]
    notin_b = [k for k in range(ndb) if k not in axes_b]
    n2 = 1
    for ax in axes_a:
        n2 *= as_[ax]
    m_a = 1
    for ax in notin_a:
        m_a *= as_[ax]
    m_b = 1
    for ax in notin_b:
        m_b *= bs[ax]
    at = a.transpose(notin_a + axes_a).reshape((m_a, n2))
    bt = b.transpose(axes_b + notin_b).reshape((n2, m_b))
    res = np.dot(at, bt)
    return res.reshape([as_[ax] for ax in notin_a] + [bs[ax] for ax in notin_b])


# ---------------------------------------------------------------- building from functions

def fromfunction(function, shape, *, dtype=float, like=None, **kwargs):
    args = np.indices(shape, dtype=dtype)
    return function(*args, **kwargs)


def _ix_iter_item(x, dt):
    # one element as PyArray_Pack takes it: sequences only fill records,
    # and an array counts as a scalar when it has one element
    if dt.names is None:
        if isinstance(x, (list, tuple)):
            raise ValueError("setting an array element with a sequence.")
        if isinstance(x, np.ndarray):
            if x.size != 1:
                raise ValueError("setting an array element with a sequence.")
            return x.reshape(()).item() if x.ndim else x[()]
        _ix_no_complex(x, dt)
        if x is None:
            if dt.kind in 'iu':
                raise TypeError("int() argument must be a string, a bytes-like object or a real number, not 'NoneType'")
            if dt.kind == 'c':
                return complex(float('nan'), float('nan'))
            return float('nan') if dt.kind == 'f' else False
        if dt.kind in 'iu' and isinstance(x, (float, np.floating)) and not np.isfinite(x):
            if x != x:
                raise ValueError("cannot convert float NaN to integer")
            raise OverflowError("cannot convert float infinity to integer")
    elif isinstance(x, list):
        raise ValueError("setting an array element with a sequence.")
    return x


def fromiter(iter=_ix_no_func, dtype=_ix_no_func, count=-1, *, like=None):
    if iter is _ix_no_func:
        raise TypeError("fromiter() missing required argument 'iter' (pos 1)")
    if dtype is _ix_no_func:
        raise TypeError("fromiter() missing required argument 'dtype' (pos 2)")
    dt = np.dtype(dtype)
    if dt.itemsize == 0:
        raise ValueError("Must specify length when using variable-size data-type.")
    if not isinstance(count, (int, np.integer)):
        raise TypeError(f"'{type(count).__name__}' object cannot be interpreted as an integer")
    count = int(count)
    items = []
    if count == -1 or count > 0:
        for x in iter:
            items.append(_ix_iter_item(x, dt))
            if len(items) == count:
                break
    if count > len(items):
        raise ValueError("iterator too short: Expected %d but iterator had only %d items." % (count, len(items)))
    return np.array(items, dtype=dt).reshape(len(items))


def _ix_walk(y, depth, ndim, flat):
    if depth == ndim:
        flat.append(y)
    elif isinstance(y, np.ndarray):
        flat.extend(y.ravel().tolist())
    else:
        for z in y:
            _ix_walk(z, depth + 1, ndim, flat)


def _ix_objs(x):
    # (shape, C-order elements) as `asanyarray(x, dtype=object)` would hold
    # them: Python scalars from arrays, list items as they are
    if isinstance(x, np.ndarray):
        return x.shape, x.ravel().tolist()
    if isinstance(x, (list, tuple)):
        shape = np.asarray(x).shape
        flat = []
        _ix_walk(x, 0, len(shape), flat)
        return shape, flat
    return (), [x]


def _ix_vectorize_call(func, args, otypes, cache):
    if not args:
        return func()
    first = None
    if otypes is None:
        arrs = [np.asarray(x) for x in args]
        if any([x.size == 0 for x in arrs]):
            raise ValueError('cannot call `vectorize` on size 0 inputs unless `otypes` is set')
        # NumPy learns the output types from a call on the first elements,
        # passed as NumPy scalars
        first = func(*[x.flat[0] for x in arrs])
        outs = first if isinstance(first, tuple) else (first,)
        otypes = ''.join([np.asarray(o).dtype.char for o in outs])
    objs = [_ix_objs(x) for x in args]
    shapes = [o[0] for o in objs]
    try:
        shape = _ix_bshape([np.empty(s, bool) for s in shapes])
    except ValueError:
        raise ValueError("operands could not be broadcast together with shapes " +
                         ''.join([_ix_shape_str(s) + ' ' for s in shapes]))
    picks = [np.broadcast_to(np.arange(len(o[1])).reshape(o[0]), shape).ravel().tolist() for o in objs]
    nout = len(otypes)
    results = [[] for k in range(nout)]
    for i in range(len(picks[0])):
        if i == 0 and cache and first is not None:
            r = first
        else:
            r = func(*[objs[j][1][picks[j][i]] for j in range(len(objs))])
        if nout == 1:
            results[0].append(r)
        else:
            for k in range(nout):
                results[k].append(r[k])
    res = [np.array(results[k], dtype=otypes[k]).reshape(shape) for k in range(nout)]
    return res[0] if nout == 1 else tuple(res)


def vectorize(pyfunc=_ix_no_func, otypes=None, doc=None, excluded=None, cache=False, signature=None):
    # np.vectorize as a closure: nd has no classes, so there is no
    # .pyfunc/.otypes on the result, only the call
    if pyfunc is _ix_no_func:
        raise TypeError("vectorize.__init__() missing 1 required positional argument: 'pyfunc'")
    if signature is not None:
        raise NotImplementedError("np.vectorize(signature=...) is not supported by nd")
    if isinstance(otypes, str):
        for c in otypes:
            if c not in '?bhilqpBHILQPefdgFDGSUVOMm':  # numpy.typecodes['All']
                raise ValueError("Invalid otype specified: %s" % (c,))
    elif isinstance(otypes, (list, tuple, np.ndarray)):
        otypes = ''.join([np.dtype(x).char for x in otypes])
    elif otypes is not None:
        raise ValueError("Invalid otype specification")
    excl = list(excluded) if excluded is not None else []

    # closures are never bound to a local name: nd counts references, and a
    # function stored in the scope it closes over would never be freed
    return lambda *args, **kwargs: _ix_vectorize_args(pyfunc, otypes, excl, cache, args, kwargs)


def _ix_excluded_call(pyfunc, the_args, kw, inds, names, vargs):
    for n in range(len(inds)):
        the_args[inds[n]] = vargs[n]
    for n in range(len(names)):
        kw[names[n]] = vargs[len(inds) + n]
    return pyfunc(*the_args, **kw)


def _ix_vectorize_args(pyfunc, otypes, excl, cache, args, kwargs):
    if not kwargs and not excl:
        return _ix_vectorize_call(pyfunc, list(args), otypes, cache)
    # excluded positions and names pass through; the rest vectorize
    names = [n for n in kwargs if n not in excl]
    inds = [i for i in range(len(args)) if i not in excl]
    the_args = list(args)
    kw = dict(kwargs)
    vargs = [args[i] for i in inds] + [kwargs[n] for n in names]
    return _ix_vectorize_call(lambda *v: _ix_excluded_call(pyfunc, the_args, kw, inds, names, v),
                              vargs, otypes, cache)


# ---------------------------------------------------------------- checks and conversions

def array_equiv(a1, a2):
    try:
        a1, a2 = np.asarray(a1), np.asarray(a2)
    except Exception:
        return False
    try:
        _ix_bshape([a1, a2])
    except Exception:
        return False
    return bool(np.asarray(a1 == a2).all())


def asarray_chkfinite(a, dtype=None, order=None):
    a = np.asarray(a, dtype=dtype, order=order)
    if a.dtype.char in 'efdgFDG' and not np.isfinite(a).all():
        raise ValueError("array must not contain infs or NaNs")
    return a


_ix_flags = {'C': 'C', 'C_CONTIGUOUS': 'C', 'CONTIGUOUS': 'C',
             'F': 'F', 'F_CONTIGUOUS': 'F', 'FORTRAN': 'F',
             'A': 'A', 'ALIGNED': 'A',
             'W': 'W', 'WRITEABLE': 'W',
             'O': 'O', 'OWNDATA': 'O',
             'E': 'E', 'ENSUREARRAY': 'E'}


def require(a, dtype=None, requirements=None, *, like=None):
    if not requirements:
        return np.asanyarray(a, dtype=dtype)
    reqs = []
    for x in requirements:
        r = _ix_flags[x.upper()]
        if r not in reqs:
            reqs.append(r)
    if 'E' in reqs:
        reqs.remove('E')  # every nd array is a base-class ndarray already
    order = 'A'
    if 'C' in reqs and 'F' in reqs:
        raise ValueError('Cannot specify both "C" and "F" order')
    elif 'F' in reqs:
        order = 'F'
        reqs.remove('F')
    elif 'C' in reqs:
        order = 'C'
        reqs.remove('C')
    if order == 'A' and isinstance(a, np.ndarray) and (dtype is None or np.dtype(dtype) == a.dtype):
        arr = a  # nd's np.array(order='A', copy=False) copies strided input
    else:
        arr = np.array(a, dtype=dtype, order=order, copy=False)
    for prop in reqs:
        if not arr.flags[prop]:
            return arr.copy(order)
    return arr
