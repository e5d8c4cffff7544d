# np.put and np.choose (C functions in NumPy: PyArray_PutTo, PyArray_Choose),
# written over a.flat and masked assignment with NumPy's modes and errors.


def _broadcast_shape(arrs):
    # NumPy's multi-iterator broadcast, naming the two args that disagree.
    nd = max([x.ndim for x in arrs] + [0])
    shape = [1] * nd
    owner = [0] * nd
    for i in range(len(arrs)):
        s = (1,) * (nd - arrs[i].ndim) + arrs[i].shape
        for d in range(nd):
            if s[d] == 1:
                continue
            if shape[d] == 1:
                shape[d], owner[d] = s[d], i
            elif shape[d] != s[d]:
                j = owner[d]
                raise ValueError("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is "
                                 "between arg %d with shape %s and arg %d with shape %s." %
                                 (j, arrs[j].shape, i, arrs[i].shape))
    return tuple(shape)


def _modes(idx, n, mode, what):
    if mode in ('raise', None):
        return idx
    if mode == 'wrap':
        return idx % n
    if mode == 'clip':
        return np.clip(idx, 0, n - 1)
    raise ValueError("clipmode must be one of 'clip', 'raise', or 'wrap' (got '%s')" % (mode,))


def put(a, ind, v, mode='raise'):
    if not isinstance(a, np.ndarray):
        raise TypeError("argument 1 must be numpy.ndarray, not %s" % type(a).__name__)
    if not a.flags.writeable:
        raise ValueError("put: output array is read-only")
    n = a.size
    idx = np.asarray(ind).astype(np.intp).ravel()  # NumPy force-casts the indices
    if idx.size == 0:
        return None
    if mode in ('raise', None):
        for k in idx.tolist():
            if k < -n or k >= n:
                raise IndexError("index %d is out of bounds for axis 0 with size %d" % (k, n))
    elif n == 0:
        raise IndexError("cannot replace elements of an empty array")
    else:
        idx = _modes(idx, n, mode, 'put')
    a.flat[idx] = v
    return None


def choose(a, choices, out=None, mode='raise'):
    a = np.asarray(a)
    if a.dtype.kind not in 'biu':
        raise TypeError("Cannot cast array data from %r to dtype('int64') according to the rule 'safe'" % (a.dtype,))
    chs = [np.asarray(c) for c in choices]
    n = len(chs)
    shape = _broadcast_shape(chs + [a])
    dt = np.result_type(*chs)
    k = np.broadcast_to(a.astype(np.intp), shape)
    if mode in ('raise', None):
        if k.size and (k.min() < 0 or k.max() >= n):
            raise ValueError("invalid entry in choice array")
    else:
        k = _modes(k, n, mode, 'choose')
    res = np.empty(shape, dt)
    for i in range(n):
        m = k == i
        res[m] = np.broadcast_to(chs[i], shape)[m]
    if out is not None:
        np.copyto(out, res, casting='unsafe')
        return out
    return res
