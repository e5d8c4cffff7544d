# np.einsum by broadcasting: each operand's axes are lined up on one list of
# all subscript letters (repeated letters within an operand taken as a
# diagonal), the operands multiplied, the letters not in the output summed
# in the operands' dtype (as NumPy's einsum, which does not widen), and the
# result's axes put in the output's order.  Integer results are NumPy's;
# float sums may differ from NumPy's SIMD accumulation in the last bits.
# A single operand without summation gives a view, as in NumPy.
# Private helpers: _es_.

_es_letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'


def _es_parse(subscripts, ops):
    s = subscripts.replace(' ', '')
    if '->' in s:
        lhs, out = s.split('->')
        explicit = True
    else:
        lhs, out, explicit = s, None, False
    terms = lhs.split(',')
    if len(terms) != len(ops):
        raise ValueError("more operands provided to einstein sum function than specified in the subscripts string"
                         if len(ops) > len(terms) else
                         "fewer operands provided to einstein sum function than specified in the subscripts string")
    # '...' stands for the broadcast dims: give them letters no term uses
    used = [c for c in s if c.isalpha()]
    free = [c for c in _es_letters if c not in used]
    nell = 0
    for t, op in zip(terms, ops):
        if '...' in t:
            nell = max(nell, op.ndim - (len(t) - 3))
    ell = ''.join(free[:nell])
    fixed = []
    for t, op in zip(terms, ops):
        if '...' in t:
            k = op.ndim - (len(t) - 3)
            t = t.replace('...', ell[nell - k:] if k > 0 else '')
        for c in t:
            if not c.isalpha():
                raise ValueError("invalid subscript '%s' in einstein sum subscripts string, subscripts must be letters" % c)
        if len(t) != op.ndim:
            raise ValueError("operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis "
                             "provided to broadcast the extra dimensions." if op.ndim > len(t) else
                             "einstein sum subscripts string contains too many subscripts for operand %d" % len(fixed))
        fixed.append(t)
    if explicit:
        if '...' in out:
            out = out.replace('...', ell)
        for c in out:
            if out.count(c) > 1:
                raise ValueError("einstein sum subscripts string includes output subscript '%s' multiple times" % c)
            if all([c not in t for t in fixed]):
                raise ValueError("einstein sum subscripts string included output subscript '%s' which never appeared "
                                 "in an input" % c)
    else:
        counts = {}
        for t in fixed:
            for c in t:
                counts[c] = counts.get(c, 0) + 1
        out = ell + ''.join(sorted([c for c in counts if counts[c] == 1 and c not in ell]))
    return fixed, out


def _es_diag(op, term):
    # repeated letters in one term: take the diagonal, keep one axis per letter
    while True:
        dup = None
        for i in range(len(term)):
            if term.count(term[i]) > 1:
                dup = term[i]
                break
        if dup is None:
            return op, term
        i = term.index(dup)
        j = term.index(dup, i + 1)
        if op.shape[i] != op.shape[j]:
            raise ValueError("dimensions in operand for collapsing index '%s' don't match (%d != %d)" %
                             (dup, op.shape[i], op.shape[j]))
        op = np.diagonal(op, 0, i, j)  # the diagonal axis goes last
        term = term[:i] + term[i + 1:j] + term[j + 1:] + dup


def einsum(*operands, out=None, optimize=False, dtype=None, order='K', casting='safe'):
    if not operands or not isinstance(operands[0], str):
        raise NotImplementedError("einsum with the interleaved (operand, sublist) form is not supported by nd")
    subscripts = operands[0]
    ops = [np.asarray(o) for o in operands[1:]]
    terms0, outs0 = _es_parse(subscripts, ops)
    view_only = len(ops) == 1 and all([c in outs0 for c in terms0[0]])
    if dtype is not None and not view_only:  # NumPy's view path ignores dtype=
        dt = np.dtype(dtype)
        for i in range(len(ops)):
            if not np.can_cast(ops[i].dtype, dt, casting):
                raise TypeError("Iterator operand %d dtype could not be cast from %r to %r according to the rule '%s'"
                                % (i, ops[i].dtype, dt, casting))
        ops = [o.astype(dt) for o in ops]
    terms, outs = _es_parse(subscripts, ops)
    letters = []
    for t in terms:
        for c in t:
            if c not in letters:
                letters.append(c)
    sizes = {}
    aligned = []
    for op, t in zip(ops, terms):
        op, t = _es_diag(op, t)
        for c, n in zip(t, op.shape):
            if c in sizes and sizes[c] != n and n != 1 and sizes[c] != 1:
                raise ValueError("operands could not be broadcast together with remapped shapes [original->remapped]: "
                                 "einsum dimension '%s' has sizes %d and %d" % (c, sizes[c], n))
            if c not in sizes or sizes[c] == 1:
                sizes[c] = n
        perm = [t.index(c) for c in letters if c in t]
        v = np.transpose(op, perm) if op.ndim else op
        shape = [op.shape[t.index(c)] if c in t else 1 for c in letters]
        aligned.append(v.reshape(shape) if op.ndim else v)
    summed = tuple([i for i, c in enumerate(letters) if c not in outs])
    if len(aligned) == 1 and not summed:
        r = np.transpose(aligned[0], [letters.index(c) for c in outs]) if outs else aligned[0]
    else:
        prod = aligned[0]
        for a in aligned[1:]:
            prod = prod * a
        rdt = prod.dtype
        r = np.add.reduce(prod, axis=summed, dtype=rdt) if summed else prod
        kept = [c for c in letters if c in outs]
        r = np.transpose(r, [kept.index(c) for c in outs]) if outs else r
        r = np.broadcast_to(r, tuple([sizes[c] for c in outs])) if r.shape != tuple([sizes[c] for c in outs]) else r
        r = np.array(r)
    if out is not None:
        out[...] = r
        return out
    return r[()] if r.ndim == 0 else r  # a full contraction is a NumPy scalar
