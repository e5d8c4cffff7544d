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
