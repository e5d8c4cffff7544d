# np.packbits / np.unpackbits, and numpy.emath (numpy.lib.scimath): the
# functions that return complex results where the real ones give NaN.
# Private helpers: _bt_.


def _bt_axis(axis, ndim):
    axis = int(axis)
    if axis < -ndim or axis >= ndim:
        raise np.AxisError("axis %d is out of bounds for array of dimension %d" % (axis, ndim))
    return axis + ndim if axis < 0 else axis


def _bt_order(bitorder):
    if bitorder not in ('big', 'little'):
        raise ValueError("'order' must be either 'little' or 'big'")
    return bitorder == 'big'


def unpackbits(a, axis=None, count=None, bitorder='big'):
    a = np.asarray(a)
    if a.dtype != np.uint8:
        raise TypeError("Expected an input array of unsigned byte data type")
    big = _bt_order(bitorder)
    if axis is None or a.ndim == 0:
        a = a.ravel()
        axis = 0
    axis = _bt_axis(axis, a.ndim)
    moved = np.moveaxis(a, axis, -1)
    shifts = np.arange(7, -1, -1, dtype=np.uint8) if big else np.arange(8, dtype=np.uint8)
    bits = ((moved[..., None] >> shifts) & 1).astype(np.uint8)
    n = moved.shape[-1] * 8
    bits = bits.reshape(moved.shape[:-1] + (n,))
    if count is not None:
        count = int(count)
        if count < 0:
            if -count > n:
                raise ValueError("-count larger than number of elements")
            count = n + count
        if count <= n:
            bits = bits[..., :count]
        else:
            pad = np.zeros(bits.shape[:-1] + (count - n,), dtype=np.uint8)
            bits = np.concatenate([bits, pad], axis=-1)
    return np.ascontiguousarray(np.moveaxis(bits, -1, axis))


def packbits(a, axis=None, bitorder='big'):
    a = np.asarray(a)
    if a.dtype.kind not in 'biu':
        raise TypeError("Expected an input array of integer or boolean data type")
    big = _bt_order(bitorder)
    if axis is None or a.ndim == 0:
        a = a.ravel()
        axis = 0
    axis = _bt_axis(axis, a.ndim)
    moved = np.moveaxis(a != 0, axis, -1)
    n = moved.shape[-1]
    nbytes = (n + 7) // 8
    padded = np.zeros(moved.shape[:-1] + (nbytes * 8,), dtype=np.uint8)
    padded[..., :n] = moved
    groups = padded.reshape(moved.shape[:-1] + (nbytes, 8))
    shifts = np.arange(7, -1, -1, dtype=np.uint8) if big else np.arange(8, dtype=np.uint8)
    packed = np.bitwise_or.reduce(groups << shifts, axis=-1).astype(np.uint8)
    return np.ascontiguousarray(np.moveaxis(packed, -1, axis))


def _bt_tocomplex(arr):
    if arr.dtype.type in (np.single, np.byte, np.short, np.ubyte, np.ushort, np.csingle):
        return arr.astype(np.csingle)
    return arr.astype(np.cdouble)


def _bt_fix_real_lt_zero(x):
    x = np.asarray(x)
    if np.any(np.isreal(x) & (x < 0)):
        x = _bt_tocomplex(x)
    return x


def _bt_fix_int_lt_zero(x):
    x = np.asarray(x)
    if np.any(np.isreal(x) & (x < 0)):
        x = x * 1.0
    return x


def _bt_fix_real_abs_gt_1(x):
    x = np.asarray(x)
    if np.any(np.isreal(x) & (abs(x) > 1)):
        x = _bt_tocomplex(x)
    return x


def emath__sqrt(x):
    return np.sqrt(_bt_fix_real_lt_zero(x))


def emath__log(x):
    return np.log(_bt_fix_real_lt_zero(x))


def emath__log2(x):
    return np.log2(_bt_fix_real_lt_zero(x))


def emath__log10(x):
    return np.log10(_bt_fix_real_lt_zero(x))


def emath__logn(n, x):
    x = _bt_fix_real_lt_zero(x)
    n = _bt_fix_real_lt_zero(n)
    return np.log(x) / np.log(n)


def emath__power(x, p):
    x = _bt_fix_real_lt_zero(x)
    p = _bt_fix_int_lt_zero(p)
    return np.power(x, p)


def emath__arccos(x):
    return np.arccos(_bt_fix_real_abs_gt_1(x))


def emath__arcsin(x):
    return np.arcsin(_bt_fix_real_abs_gt_1(x))


def emath__arctanh(x):
    return np.arctanh(_bt_fix_real_abs_gt_1(x))


def _gen_choice(gen, a, size, replace, p, axis, shuffle):
    # Generator.choice as NumPy's _generator.pyx writes it, over the C
    # generator's integers/random/permutation
    a_original = a
    a = np.array(a, copy=False)
    if a.ndim == 0:
        if a.dtype.kind not in 'iub':
            raise ValueError("a must be a sequence or an integer, not %s" % type(a_original))
        pop_size = int(a)
        if pop_size <= 0 and np.prod(size) != 0:
            raise ValueError("a must be a positive integer unless no samples are taken")
    else:
        pop_size = a.shape[axis]
        if pop_size == 0 and np.prod(size) != 0:
            raise ValueError("a cannot be empty unless no samples are taken")
    if p is not None:
        d = len(p)
        atol = np.sqrt(np.finfo(np.float64).eps)
        if isinstance(p, np.ndarray) and p.dtype.kind == 'f':
            atol = max(atol, np.sqrt(np.finfo(p.dtype).eps))
        p = np.ascontiguousarray(p, dtype=np.float64)
        if p.ndim != 1:
            raise ValueError("p must be 1-dimensional")
        if p.size != pop_size:
            raise ValueError("a and p must have same size")
        p_sum = np.sum(p)  # NumPy uses a Kahan sum here
        if np.isnan(p_sum):
            raise ValueError("probabilities contain NaN")
        if np.logical_or.reduce(p < 0):
            raise ValueError("probabilities are not non-negative")
        if abs(p_sum - 1.) > atol:
            raise ValueError("probabilities do not sum to 1")
    is_scalar = size is None
    if not is_scalar:
        shape = size
        size = int(np.prod(shape, dtype=np.intp))
    else:
        shape = ()
        size = 1
    if replace:
        if p is not None:
            cdf = p.cumsum()
            cdf /= cdf[-1]
            uniform_samples = gen.random(shape)
            idx = cdf.searchsorted(uniform_samples, side='right')
            idx = np.array(idx, copy=False, dtype=np.int64)
        else:
            idx = gen.integers(0, pop_size, size=shape, dtype=np.int64)
    else:
        if size > pop_size:
            raise ValueError("Cannot take a larger sample than population when replace is False")
        elif size < 0:
            raise ValueError("negative dimensions are not allowed")
        if p is not None:
            if np.count_nonzero(p > 0) < size:
                raise ValueError("Fewer non-zero entries in p than size")
            n_uniq = 0
            p = p.copy()
            found = np.zeros(shape, dtype=np.int64)
            flat_found = found.ravel()
            while n_uniq < size:
                x = gen.random((size - n_uniq,))
                if n_uniq > 0:
                    p[flat_found[0:n_uniq]] = 0
                cdf = np.cumsum(p)
                cdf /= cdf[-1]
                new = cdf.searchsorted(x, side='right')
                _, unique_indices = np.unique(new, return_index=True)
                unique_indices.sort()
                new = new.take(unique_indices)
                flat_found[n_uniq:n_uniq + new.size] = new
                n_uniq += new.size
            idx = found
        else:
            cutoff = 50 if shuffle else 20
            if pop_size > 10000 and size > pop_size // cutoff:
                raise NotImplementedError("Generator.choice without replacement from more than 10000 items is not supported by nd")
            # Floyd's algorithm with NumPy's open-addressing hash set
            idx = np.empty(size, dtype=np.int64)
            table = {}
            for j in range(pop_size - size, pop_size):
                val = int(gen.integers(0, j + 1))
                if val not in table:
                    table[val] = True
                    idx[j - pop_size + size] = val
                else:
                    table[j] = True
                    idx[j - pop_size + size] = j
            if shuffle:  # NumPy's _shuffle_int: Lemire draws, not random_interval
                for i in range(size - 1, 0, -1):
                    j = int(gen.integers(0, i + 1))
                    t = idx[i]
                    idx[i] = idx[j]
                    idx[j] = t
            idx = idx.reshape(shape)
    if is_scalar and isinstance(idx, np.ndarray):
        idx = idx.item(0)
    if a.ndim == 0:
        return idx
    if not is_scalar and np.asarray(idx).ndim == 0:
        res = np.empty((), dtype=a.dtype)
        res[()] = a[idx]
        return res
    return a.take(np.asarray(idx, dtype=np.intp), axis=axis)
