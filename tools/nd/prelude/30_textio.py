# Text files: np.savetxt, np.loadtxt (NumPy 1.24's rules for comments,
# delimiters, usecols, skiprows/max_rows, ndmin and unpack, and its error
# texts) and np.fromstring's text mode, over two C primitives that read or
# write one named file (np._read_text / np._write_text).  Private helpers: _tx_.


def _tx_lines(fname):
    if isinstance(fname, str):
        try:
            text = np._read_text(fname)
        except FileNotFoundError:
            raise FileNotFoundError("%s not found." % fname)
        return text.splitlines()
    if isinstance(fname, (list, tuple)):
        return [str(x) for x in fname]
    raise TypeError("fname must be a string, filehandle, list of strings,\nor generator. Got %s instead." % type(fname).__name__)


def savetxt(fname, X, fmt='%.18e', delimiter=' ', newline='\n', header='', footer='', comments='# ', encoding=None):
    X = np.asarray(X)
    if X.ndim == 0 or X.ndim > 2:
        raise ValueError("Expected 1D or 2D array, got %dD array instead" % X.ndim)
    elif X.ndim == 1:
        if X.dtype.names is None:
            X = np.atleast_2d(X).T
            ncol = 1
        else:
            ncol = len(X.dtype.names)
    else:
        ncol = X.shape[1]
    iscomplex_X = X.dtype.kind == 'c'
    if isinstance(fmt, (list, tuple)):
        if len(fmt) != ncol:
            raise AttributeError('fmt has wrong shape.  %s' % str(fmt))
        format = delimiter.join([str(f) for f in fmt])
    elif isinstance(fmt, str):
        n_fmt_chars = fmt.count('%')
        if n_fmt_chars == 1:
            if iscomplex_X:
                fmts = [' (%s+%sj)' % (fmt, fmt)] * ncol
            else:
                fmts = [fmt] * ncol
            format = delimiter.join(fmts)
        elif (iscomplex_X and n_fmt_chars != 2 * ncol) or (not iscomplex_X and n_fmt_chars != ncol):
            raise ValueError('fmt has wrong number of %% formats:  %s' % fmt)
        else:
            format = fmt
    else:
        raise ValueError('invalid fmt: %r' % (fmt,))
    out = []
    if len(header) > 0:
        out.append(comments + header.replace('\n', '\n' + comments) + newline)
    for row in X:
        if iscomplex_X:
            parts = []
            for number in row:
                parts.append(number.real)
                parts.append(number.imag)
            out.append((format % tuple(parts) + newline).replace('+-', '-'))
        else:
            try:
                out.append(format % tuple(row) + newline)
            except TypeError:
                raise TypeError("Mismatch between array dtype ('%s') and format specifier ('%s')" % (str(X.dtype), format))
    if len(footer) > 0:
        out.append(comments + footer.replace('\n', '\n' + comments) + newline)
    np._write_text(fname, ''.join(out))


def _tx_complex(t):
    # 'a', 'bj', 'a+bj', 'a-bj', '(a+bj)', as Python's complex() reads them
    t = t.replace(' ', '')
    if t.startswith('(') and t.endswith(')'):
        t = t[1:-1]
    if not t.endswith('j') and not t.endswith('J'):
        return complex(float(t), 0.0)
    body = t[:-1]
    k = max(body.rfind('+'), body.rfind('-'))
    while k > 0 and body[k - 1] in 'eE':
        k = max(body.rfind('+', 0, k - 1), body.rfind('-', 0, k - 1))
    if k <= 0:
        im = body if body not in ('', '+', '-') else body + '1'
        return complex(0.0, float(im))
    im = body[k:]
    if im in ('+', '-'):
        im = im + '1'
    return complex(float(body[:k]), float(im))


def _tx_convert(s, kind, dt, row, col):
    t = s.strip()
    try:
        if kind == 'c':
            return _tx_complex(t)
        if kind == 'f':
            return float(t)
        try:
            v = int(t)
        except ValueError:
            v = int(float(t))  # NumPy 1.24 still reads '1.5' into an int (deprecated)
        return bool(v) if kind == 'b' else v
    except (ValueError, OverflowError):
        raise ValueError("could not convert string '%s' to %s at row %d, column %d." % (s, dt.name, row, col))


def loadtxt(fname, dtype=float, comments='#', delimiter=None, converters=None, skiprows=0, usecols=None, unpack=False,
            ndmin=0, encoding='bytes', max_rows=None, *, quotechar=None, like=None):
    if converters is not None:
        raise NotImplementedError("loadtxt(converters=) is not supported by nd")
    if quotechar is not None:
        raise NotImplementedError("loadtxt(quotechar=) is not supported by nd")
    if ndmin not in (0, 1, 2):
        raise ValueError("Illegal value of ndmin keyword: %s" % ndmin)
    dt = np.dtype(dtype)
    if comments is None:
        comments = []
    elif isinstance(comments, str):
        comments = [comments]
    else:
        comments = [str(c) for c in comments]
    cols = None
    if usecols is not None:
        cols = [int(usecols)] if isinstance(usecols, (int, np.integer)) else [int(c) for c in usecols]
    fields = dt.names
    kinds = [dt.fields[n][0] for n in fields] if fields else None
    rows = []
    ncols = -1
    lines = _tx_lines(fname)
    for lineno in range(int(skiprows), len(lines)):
        if max_rows is not None and len(rows) >= max_rows:
            break
        line = lines[lineno]
        for c in comments:
            k = line.find(c)
            if k >= 0:
                line = line[:k]
        if delimiter is None:
            parts = line.split()
        else:
            if line.strip() == '':
                continue
            parts = line.split(delimiter)
        if not parts:
            continue
        if cols is not None:
            picked = []
            for c in cols:
                if c < -len(parts) or c >= len(parts):
                    raise ValueError("invalid column index %d at row %d with %d columns" % (c, lineno + 1, len(parts)))
                picked.append(parts[c])
            parts = picked
        if ncols < 0:
            ncols = len(parts)
        elif len(parts) != ncols:
            raise ValueError("the number of columns changed from %d to %d at row %d; use `usecols` to select a "
                             "subset and avoid this error" % (ncols, len(parts), lineno + 1))
        if kinds is None:
            rows.append([_tx_convert(p, dt.kind, dt, lineno, j + 1) for j, p in enumerate(parts)])
        else:
            if len(parts) != len(kinds):
                raise ValueError("invalid number of columns: expected %d, got %d" % (len(kinds), len(parts)))
            rows.append(tuple([_tx_convert(p, kinds[j].kind, kinds[j], lineno, j + 1) for j, p in enumerate(parts)]))
    if kinds is None:
        if rows:
            arr = np.array(rows, dtype=dt)
        else:
            arr = np.empty((0, max(ncols, 0)) if ncols > 0 else (0,), dtype=dt)  # NumPy also warns: no data
    else:
        arr = np.array(rows, dtype=dt)
    if arr.ndim > ndmin:
        arr = np.squeeze(arr)
    if arr.ndim < ndmin:
        if ndmin == 1:
            arr = np.atleast_1d(arr)
        elif ndmin == 2:
            arr = np.atleast_2d(arr).T
    if unpack:
        if fields:
            return [arr[f] for f in fields]
        return arr.T
    return arr


def fromstring(string, dtype=float, count=-1, *, sep='', like=None):
    dt = np.dtype(dtype)
    if sep == '':
        raise ValueError("The binary mode of fromstring is removed, use frombuffer instead")
    parts = string.split() if sep.strip() == '' else string.split(sep)
    vals = []
    for p in parts:
        if count >= 0 and len(vals) >= count:
            break
        t = p.strip()
        if t == '':
            break  # NumPy stops (with a DeprecationWarning) at an unparsable item
        try:
            vals.append(_tx_complex(t) if dt.kind == 'c' else float(t) if dt.kind == 'f' else int(float(t)))
        except ValueError:
            break
    if count >= 0 and len(vals) < count:
        raise ValueError("string size must be a multiple of element size" if False else
                         "string is smaller than requested size")
    return np.array(vals, dtype=dt)


def _tx_gen_value(s, kind, missing, fill):
    # genfromtxt's converters: a missing or unparsable entry takes the filler
    t = s.strip()
    if t == '' or t in missing:
        return fill
    try:
        if kind == 'c':
            return _tx_complex(t)
        if kind == 'f':
            return float(t)
        if kind == 'b':
            return t.lower() in ('true', '1')
        return int(t)
    except ValueError:
        if kind in 'fc':
            return fill
        raise


def _tx_infer(col):
    # dtype=None: the narrowest of bool, int, float, complex that reads every entry
    for kind in ('b', 'i', 'f', 'c'):
        ok = True
        for s in col:
            t = s.strip()
            if t == '':
                continue
            try:
                if kind == 'b':
                    if t.lower() not in ('true', 'false'):
                        ok = False
                elif kind == 'i':
                    int(t)
                elif kind == 'f':
                    float(t)
                else:
                    _tx_complex(t)
            except ValueError:
                ok = False
            if not ok:
                break
        if ok:
            return {'b': np.dtype(bool), 'i': np.dtype(np.int64), 'f': np.dtype(float), 'c': np.dtype(complex)}[kind]
    raise NotImplementedError("genfromtxt: a column of strings needs a string dtype, which nd does not have")


def genfromtxt(fname, dtype=float, comments='#', delimiter=None, skip_header=0, skip_footer=0, converters=None,
               missing_values=None, filling_values=None, usecols=None, names=None, excludelist=None,
               deletechars=None, replace_space='_', autostrip=False, case_sensitive=True, defaultfmt='f%i',
               unpack=None, usemask=False, loose=True, invalid_raise=True, max_rows=None, encoding='bytes', *,
               ndmin=0, like=None):
    if converters is not None or usemask:
        raise NotImplementedError("genfromtxt(converters=, usemask=) is not supported by nd")
    if isinstance(delimiter, int) or isinstance(delimiter, (list, tuple)):
        raise NotImplementedError("genfromtxt with fixed-width fields is not supported by nd")
    lines = _tx_lines(fname)[int(skip_header):]
    if skip_footer > 0:
        lines = lines[:len(lines) - int(skip_footer)]
    header = None
    rows = []
    bad = []
    ncols = -1
    for lineno in range(len(lines)):
        line = lines[lineno]
        if names is True and header is None:
            text = line.strip()
            if comments is not None and text.startswith(comments):
                text = text[len(comments):]
            elif comments is not None and comments in text:
                text = text[:text.find(comments)]
            if text.strip() == '':
                continue
            header = [h.strip() for h in (text.split() if delimiter is None else text.split(delimiter))]
            continue
        if comments is not None and comments in line:
            line = line[:line.find(comments)]
        if line.strip() == '':
            continue
        parts = line.split() if delimiter is None else line.split(delimiter)
        if ncols < 0:
            ncols = len(parts)
        if len(parts) != ncols:
            bad.append((lineno + 1 + int(skip_header) + (1 if header is not None else 0), len(parts)))
            continue
        if max_rows is not None and len(rows) >= max_rows:
            break
        rows.append(parts)
    if bad and invalid_raise:
        raise ValueError("Some errors were detected !" + ''.join(["\n    Line #%d (got %d columns instead of %d)" %
                                                                (ln, got, ncols) for ln, got in bad]))
    cols = list(range(max(ncols, 0)))
    if usecols is not None:
        cols = [int(usecols)] if isinstance(usecols, (int, np.integer)) else [int(c) for c in usecols]
        cols = [c + ncols if c < 0 else c for c in cols]
    rows = [[r[c] for c in cols] for r in rows]
    if header is not None:
        header = [header[c] for c in cols] if len(header) >= len(cols) else header
    missing = []
    if missing_values is not None:
        missing = [missing_values] if isinstance(missing_values, str) else list(missing_values)
    columns = [[r[j] for r in rows] for j in range(len(cols))]
    if dtype is None:
        dts = [_tx_infer(c) for c in columns]
    else:
        dt = np.dtype(dtype)
        dts = [dt.fields[n][0] for n in dt.names] if dt.names else [dt] * len(cols)
    fills = []
    for d in dts:
        if filling_values is not None:
            fills.append(filling_values)
        else:
            fills.append({'b': False, 'i': -1, 'u': -1, 'f': np.nan, 'c': complex(np.nan, 0)}[d.kind])
    conv = [[_tx_gen_value(r[j], dts[j].kind, missing, fills[j]) for j in range(len(cols))] for r in rows]
    structured = names is not None or (dtype is None and any([d != dts[0] for d in dts])) or \
        (dtype is not None and np.dtype(dtype).names is not None)
    if structured:
        if dtype is not None and np.dtype(dtype).names is not None:
            fnames = list(np.dtype(dtype).names)
        elif header is not None:
            fnames = header
        elif isinstance(names, (list, tuple)):
            fnames = list(names)
        elif isinstance(names, str):
            fnames = [n.strip() for n in names.split(',')]
        else:
            fnames = [defaultfmt % j for j in range(len(cols))]
        out = np.array([tuple(r) for r in conv], dtype=[(fnames[j], dts[j]) for j in range(len(cols))])
    else:
        out = np.array(conv, dtype=dts[0] if dts else np.dtype(float))
    if out.ndim > max(ndmin, 0):
        out = np.squeeze(out)
    if out.ndim < ndmin:
        out = np.atleast_1d(out) if ndmin == 1 else np.atleast_2d(out).T
    if unpack:
        if structured:
            return [out[f] for f in out.dtype.names]
        return out.T
    return out


def _ndarray_buffer(shape, dtype, buffer, offset, strides, order):
    # np.ndarray(shape, dtype, buffer, offset, strides, order): a view of the buffer
    dt = np.dtype(float if dtype is None else dtype)
    shape = (shape,) if isinstance(shape, (int, np.integer)) else tuple(shape)
    offset = 0 if offset is None else int(offset)
    flat = np.frombuffer(buffer, dtype=np.uint8)
    n = 1
    for d in shape:
        n *= d
    if strides is None:
        need = n * dt.itemsize
    else:
        strides = (strides,) if isinstance(strides, (int, np.integer)) else tuple(strides)
        need = dt.itemsize + sum([(d - 1) * s for d, s in zip(shape, strides) if d > 0 and s > 0]) if n else 0
    if offset + need > flat.size:
        raise TypeError("buffer is too small for requested array")
    v = np.frombuffer(buffer, dtype=dt, count=n if strides is None else -1 if n else 0,
                      offset=offset) if strides is None or n == 0 else None
    if strides is None:
        return v.reshape(shape, order='F' if order == 'F' else 'C')
    base = np.frombuffer(buffer, dtype=np.uint8, offset=offset)
    return np.lib.stride_tricks.as_strided(base.view(dt) if base.size % dt.itemsize == 0 else
                                           base[:base.size - base.size % dt.itemsize].view(dt), shape, strides)
