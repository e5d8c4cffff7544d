# np.mgrid, np.ogrid, np.r_, np.c_, np.s_, np.index_exp: the C side makes
# the objects; indexing one calls _index_trick(name, key) here, which does
# what NumPy 1.24's numpy/lib/index_tricks.py does.
import math


def _is_complex_step(step):
    return isinstance(step, (np.complexfloating, complex))


def _grid(key, sparse):
    # A tuple of slices makes one grid per slice; anything else (one slice)
    # raises TypeError/IndexError on the way, as in NumPy, and is a range.
    try:
        size = []
        num_list = [0]
        for k in range(len(key)):
            step, start, stop = key[k].step, key[k].start, key[k].stop
            if start is None:
                start = 0
            if step is None:
                step = 1
            if _is_complex_step(step):
                step = abs(step)
                size.append(int(step))
            else:
                size.append(int(math.ceil((stop - start) / (step * 1.0))))
            num_list += [start, stop, step]
        typ = np.result_type(*num_list)
        if sparse:
            nn = [np.arange(n, dtype=typ) for n in size]
        else:
            nn = np.indices(size, typ)
        for k in range(len(key)):
            kk = key[k]
            step, start = kk.step, kk.start
            if start is None:
                start = 0
            if step is None:
                step = 1
            if _is_complex_step(step):
                step = int(abs(step))
                if step != 1:
                    step = (kk.stop - start) / float(step - 1)
            nn[k] = nn[k] * step + start
        if sparse:
            slobj = [None] * len(size)
            for k in range(len(size)):
                slobj[k] = slice(None, None)
                nn[k] = nn[k][tuple(slobj)]
                slobj[k] = None
        return nn
    except (IndexError, TypeError):
        step, stop, start = key.step, key.stop, key.start
        if start is None:
            start = 0
        if _is_complex_step(step):
            step_float = abs(step)
            step = length = int(step_float)
            if step != 1:
                step = (key.stop - start) / float(step - 1)
            typ = np.result_type(start, stop, step_float)
            return np.arange(0, length, 1, dtype=typ) * step + start
        return np.arange(start, stop, step)


# numpy.find_common_type: the first of these every array (or scalar) type
# casts to safely ('g', 'G' and 'O' are beyond nd's types).
_TEST_TYPES = '?bBhHiIlLqQefdFD'
_KIND_LIST = ['b', 'u', 'i', 'f', 'c', 'S', 'U', 'V', 'O', 'M', 'm']


def _can_coerce_all(dtypes, start=0):
    if not dtypes:
        return None
    if len(dtypes) == 1:
        return dtypes[0]
    for c in _TEST_TYPES[start:]:
        t = np.dtype(c)
        if all(np.can_cast(x, t) for x in dtypes):
            return t
    return None


def _find_common_type(array_types, scalar_types):
    maxa = _can_coerce_all(array_types)
    maxsc = _can_coerce_all(scalar_types)
    if maxa is None:
        return maxsc
    if maxsc is None:
        return maxa
    if maxa.kind not in _KIND_LIST or maxsc.kind not in _KIND_LIST:
        return None
    if _KIND_LIST.index(maxsc.kind) > _KIND_LIST.index(maxa.kind):
        if np.can_cast(maxa, maxsc) and maxsc != maxa:
            return maxsc
        if maxsc.char not in _TEST_TYPES:
            return None
        return _can_coerce_all([maxsc, maxa], _TEST_TYPES.index(maxsc.char))
    return maxa


def _is_python_or_numpy_scalar(item):
    return isinstance(item, (int, float, complex, bool, bytes, str, np.generic))


def _concatenate(key, axis, ndmin, trans1d):
    # AxisConcatenator.__getitem__ (no matrix results: 'r'/'c' directives
    # would make np.matrix objects, which nd does not have).
    if isinstance(key, str):
        raise NotImplementedError("np.r_/np.c_ with a matrix string are not supported by nd")
    if not isinstance(key, tuple):
        key = (key,)
    objs = []
    scalars = []
    arraytypes = []
    scalartypes = []
    for k in range(len(key)):
        item = key[k]
        scalar = False
        if isinstance(item, slice):
            step, start, stop = item.step, item.start, item.stop
            if start is None:
                start = 0
            if step is None:
                step = 1
            if _is_complex_step(step):
                newobj = np.linspace(start, stop, num=int(abs(step)))
            else:
                newobj = np.arange(start, stop, step)
            if ndmin > 1:
                newobj = np.array(newobj, copy=False, ndmin=ndmin)
                if trans1d != -1:
                    newobj = newobj.swapaxes(-1, trans1d)
        elif isinstance(item, str):
            if k != 0:
                raise ValueError("special directives must be the first entry.")
            if item in ('r', 'c'):
                raise NotImplementedError("np.r_/np.c_ matrix directives are not supported by nd")
            if ',' in item:
                vec = item.split(',')
                try:
                    axis, ndmin = [int(x) for x in vec[:2]]
                    if len(vec) == 3:
                        trans1d = int(vec[2])
                except Exception:
                    raise ValueError("unknown special directive {!r}".format(item))
                continue
            try:
                axis = int(item)
            except (ValueError, TypeError):
                raise ValueError("unknown special directive")
            continue
        elif _is_python_or_numpy_scalar(item):
            newobj = np.array(item, ndmin=ndmin)
            scalars.append(len(objs))
            scalar = True
            scalartypes.append(newobj.dtype)
        else:
            item_ndim = np.ndim(item)
            newobj = np.array(item, copy=False, ndmin=ndmin)
            if trans1d != -1 and item_ndim < ndmin:
                k2 = ndmin - item_ndim
                k1 = trans1d
                if k1 < 0:
                    k1 += k2 + 1
                defaxes = list(range(ndmin))
                axes = defaxes[:k1] + defaxes[k2:] + defaxes[k1:k2]
                newobj = newobj.transpose(axes)
        objs.append(newobj)
        if not scalar and isinstance(newobj, np.ndarray):
            arraytypes.append(newobj.dtype)
    final_dtype = _find_common_type(arraytypes, scalartypes)
    if final_dtype is not None:
        for k in scalars:
            objs[k] = objs[k].astype(final_dtype)
    return np.concatenate(tuple(objs), axis=axis)


def _index_trick(name, key):
    if name == 'mgrid':
        return _grid(key, False)
    if name == 'ogrid':
        return _grid(key, True)
    if name == 'r_':
        return _concatenate(key, 0, 1, -1)
    if name == 'c_':
        return _concatenate(key, -1, 2, 0)
    if name == 'index_exp' and not isinstance(key, tuple):
        return (key,)
    return key


def ix_(*args):
    # Open-mesh index arrays: the k-th is 1-d along axis k.
    out = []
    nd = len(args)
    for k in range(nd):
        new = args[k]
        if not isinstance(new, np.ndarray):
            new = np.asarray(new)
            if new.size == 0:
                new = new.astype(np.intp)
        if new.ndim != 1:
            raise ValueError("Cross index must be 1 dimensional")
        if new.dtype.kind == 'b':
            new = new.nonzero()[0]
        new = new.reshape((1,) * k + (new.size,) + (1,) * (nd - k - 1))
        out.append(new)
    return tuple(out)


def diag_indices(n, ndim=2):
    idx = np.arange(n)
    return (idx,) * ndim


def diag_indices_from(arr):
    if not arr.ndim >= 2:
        raise ValueError("input array must be at least 2-d")
    if not np.all(np.diff(arr.shape) == 0):
        raise ValueError("All dimensions of input must be of equal length")
    return diag_indices(arr.shape[0], arr.ndim)


def fill_diagonal(a, val, wrap=False):
    # In place, through a.flat: every (n+1)-th element of a square array.
    if a.ndim < 2:
        raise ValueError("array must be at least 2-d")
    end = None
    if a.ndim == 2:
        step = a.shape[1] + 1
        if not wrap:
            end = a.shape[1] * a.shape[1]
    else:
        if not np.all(np.diff(a.shape) == 0):
            raise ValueError("All dimensions of input must be of equal length")
        step = 1 + (np.cumprod(a.shape[:-1])).sum()
    a.flat[:end:step] = val


def mask_indices(n, mask_func, k=0):
    m = np.ones((n, n), int)
    a = mask_func(m, k)
    return np.nonzero(a != 0)


def tril_indices_from(arr, k=0):
    if arr.ndim != 2:
        raise ValueError("input array must be 2-d")
    return np.tril_indices(arr.shape[-2], k=k, m=arr.shape[-1])


def triu_indices_from(arr, k=0):
    if arr.ndim != 2:
        raise ValueError("input array must be 2-d")
    return np.triu_indices(arr.shape[-2], k=k, m=arr.shape[-1])
