#!/usr/bin/python3
"""Generate tests/unit/struct_cases.h: NumPy 1.24's own answers for
structured, sub-array and raw void dtypes (text forms, layout, field
views, printing, byte order, .npy headers) and for bad constructions, so
test_struct.c compares nd against NumPy without hand-typed expectations.

Run with the interpreter that has NumPy 1.24:
    /usr/bin/python3 tests/unit/gen_struct_cases.py
It rewrites struct_cases.h next to this script.
"""
import io
import os

import numpy as np

assert np.__version__.startswith("1.24"), np.__version__

# How test_struct.c builds each dtype:
#   ('parse', spec)            nd_dtype_parse(spec)
#   ('descr', literal)         nd_dtype_from_descr(literal)
#   ('struct', names, formats, offsets or None, itemsize, align)
#                              nd_dtype_struct with formats parsed by
#                              nd_dtype_from_descr (so they may be nested)
DTYPES = [
    ('parse', 'u4,f4'),
    ('parse', 'i4,(2)f8,>u2'),
    ('parse', '>i2,<f8,?,c8'),
    ('parse', 'u1,u1,u1,u1'),
    ('parse', 'f8,(2,2)i2'),
    ('parse', 'V8'),
    ('parse', 'V3'),
    ('descr', "[('id', '<u4'), ('x', '<f4')]"),
    ('descr', "[('id', '>u4'), ('x', '>f4'), ('ok', '|b1')]"),
    ('descr', "[('p', [('x', '<f4'), ('y', '<f4')]), ('v', '<i2', (3,)), ('m', '>f8', (2, 2))]"),
    ('descr', "[('a', '|u1'), ('', '|V7'), ('b', '<f8'), ('', '|V8')]"),
    ('descr', "[('t', '<f2'), ('c', '<c16'), ('z', '>c8')]"),
    ('descr', "[('only', '<i8')]"),
    ('descr', "[('raw', '|V5'), ('n', '<u2')]"),
    ('descr', "[('outer', [('inner', [('v', '<i4', (2,))]), ('w', '|u1')])]"),
    ('descr', "[('b', '|b1', (2, 2))]"),
    ('struct', ['a', 'b'], ["'|u1'", "'<f8'"], None, 0, True),
    ('struct', ['a', 'b', 'c'], ["'<i2'", "'<f8'", "'|u1'"], None, 0, True),
    ('struct', ['a', 'b'], ["'|u1'", "'<f8'"], [0, 8], 24, False),
    ('struct', ['b', 'a'], ["'<f8'", "'<i4'"], [8, 0], 0, False),
    ('struct', ['x', 'y'], ["'<i4'", "'<i2'"], [0, 2], 0, False),
    ('struct', ['a', 'b'], ["'<i4'", "'<f8'"], [0, 8], 24, True),
    ('struct', ['', 'x', ''], ["'<i4'", "'<i2'", "'|u1'"], None, 0, False),
    ('struct', ['s', 'v'], ["'<i2'", "('<f4', (3,))"], None, 0, True),
]

BAD = [
    ('struct', ['a', 'a'], ["'<i4'", "'<f8'"], None, 0, False),
    ('struct', ['a', 'b'], ["'<i4'", "'<f8'"], [0, -2], 0, False),
    ('struct', ['a', 'b'], ["'<i4'", "'<f8'"], [0, 4], 8, False),
    ('struct', ['a', 'b'], ["'<i4'", "'<f8'"], [0, 2], 0, True),
    ('struct', ['a', 'b'], ["'<i4'", "'<f8'"], [0, 16], 20, True),
    ('struct', ['f1', ''], ["'<i4'", "'<f8'"], None, 0, False),
]


def build(spec):
    kind = spec[0]
    if kind == 'parse':
        return np.dtype(spec[1])
    if kind == 'descr':
        return np.lib.format.descr_to_dtype(eval(spec[1]))
    _, names, formats, offsets, itemsize, align = spec
    fmts = [np.lib.format.descr_to_dtype(eval(f)) for f in formats]
    if offsets is None and not itemsize:  # the list form, which names '' fields f<i>
        return np.dtype(list(zip(names, fmts)), align=align)
    d = {'names': names, 'formats': fmts}
    if offsets is not None:
        d['offsets'] = offsets
    if itemsize:
        d['itemsize'] = itemsize
    return np.dtype(d, align=align)


def fill(a):
    """Deterministic values in every numeric leaf; padding keeps its bytes."""
    def leaves(dt, prefix):
        if dt.names is None:
            yield prefix
            return
        for n in dt.names:
            yield from leaves(dt.fields[n][0].base if dt.fields[n][0].subdtype else dt.fields[n][0],
                              prefix + [n])
    k = 1
    for path in leaves(a.dtype, []):
        v = a
        for n in path:
            v = v[n]
        if v.dtype.kind == 'V':
            continue
        n = v.size
        vals = (np.arange(n) * 7 % 11 - 3) * k
        if v.dtype.kind == 'f':
            vals = vals * 1.25
        elif v.dtype.kind == 'c':
            vals = vals * 1.5 + 0.5j
        elif v.dtype.kind == 'b':
            vals = vals % 2 == 1
        elif v.dtype.kind == 'u':
            vals = np.abs(vals)
        v[...] = np.asarray(vals).reshape(v.shape).astype(v.dtype)
        k += 1


def spans(dt, base):
    """Byte ranges covered by fields (all of a non-structured dtype)."""
    if dt.names is None:
        yield (base, base + dt.itemsize)
        return
    for n in dt.names:
        f, off = dt.fields[n][:2]
        yield from spans(f, base + off)


def c_str(s):
    if isinstance(s, str):
        s = s.encode('latin-1')
    out = []
    for b in s:
        if b == 0x5c:
            out.append('\\\\')
        elif b == 0x22:
            out.append('\\"')
        elif b == 0x0a:
            out.append('\\n')
        elif 32 <= b < 127 and b != 0x3f:
            out.append(chr(b))
        else:
            out.append('\\%03o' % b)
    return '"' + ''.join(out) + '"'


def err(f):
    try:
        return None, f()
    except Exception as e:
        return type(e).__name__, str(e)


def spec_c(spec):
    kind = spec[0]
    if kind in ('parse', 'descr'):
        return '{%s, %s, 0, {0}, {0}, NULL, 0, false}' % (
            '0' if kind == 'parse' else '1', c_str(spec[1]))
    _, names, formats, offsets, itemsize, align = spec
    n = len(names)
    return '{2, NULL, %d, {%s}, {%s}, %s, %d, %s}' % (
        n, ', '.join(c_str(x) for x in names), ', '.join(c_str(x) for x in formats),
        '(const int64_t[]){%s}' % ', '.join(map(str, offsets)) if offsets is not None else 'NULL',
        itemsize, 'true' if align else 'false')


def main():
    rows = []
    for spec in DTYPES:
        dt = build(spec)
        a = np.frombuffer(bytearray((i * 37 + 11) & 0xff for i in range(3 * dt.itemsize)), dtype=dt)
        fill(a)
        # NumPy's copies leave padding uninitialised: only field bytes compare.
        mask = bytearray(dt.itemsize)
        for (lo, hi) in spans(dt, 0):
            mask[lo:hi] = b'\x01' * (hi - lo)
        if dt.subdtype is not None:
            a = None  # arrays never keep a sub-array dtype
        descr_err, descr = err(lambda: repr(np.lib.format.dtype_to_descr(dt)))
        fields = []
        if a is not None and dt.names is not None:
            for n in dt.names:
                f = a[n]
                off = f.__array_interface__['data'][0] - a.__array_interface__['data'][0]
                fields.append((n, len(f.shape), f.shape, f.strides, off, repr(f)))
        row = {
            'spec': spec_c(spec),
            'repr': repr(dt), 'text': str(dt), 'str': dt.str, 'name': dt.name,
            'descr': descr if descr_err is None else None,
            'itemsize': dt.itemsize, 'alignment': dt.alignment, 'isnative': dt.isnative,
            'aligned': dt.isalignedstruct, 'nfields': -1 if dt.names is None else len(dt.names),
            'swapped': repr(dt.newbyteorder('S')),
        }
        if a is not None:
            buf = io.BytesIO()
            if descr_err is None:
                np.save(buf, a)
            row.update({
                'data': a.tobytes(), 'mask': bytes(mask) * 3, 'arepr': repr(a), 'astr': str(a), 'e0': str(a[0]),
                'swap': a.byteswap().tobytes(), 'nbo': repr(a.newbyteorder()),
                'npy': buf.getvalue()[:buf.getvalue().index(b'\n') + 1] if descr_err is None else b'',
                'fields': fields,
                'multi': repr(a[list(dt.names[::-1])]) if dt.names else '',
            })
        rows.append(row)
    bad = []
    for spec in BAD:
        cls, msg = err(lambda: build(spec))
        assert cls, spec
        bad.append((spec_c(spec), cls, msg))

    out = ['/* struct_cases.h — GENERATED by gen_struct_cases.py from NumPy %s; do not edit.' % np.__version__,
           ' * Regenerate: /usr/bin/python3 tests/unit/gen_struct_cases.py */',
           '#ifndef STRUCT_CASES_H', '#define STRUCT_CASES_H', '', '#include <stdbool.h>', '#include <stdint.h>',
           '#include <stddef.h>', '',
           'typedef struct struct_spec {',
           '    int kind;                  /* 0 nd_dtype_parse, 1 nd_dtype_from_descr, 2 nd_dtype_struct */',
           '    const char *text;',
           '    int n;',
           '    const char *names[4];',
           '    const char *formats[4];    /* descr literals */',
           '    const int64_t *offsets;',
           '    int64_t itemsize;',
           '    bool align;',
           '} struct_spec;', '',
           'typedef struct field_case {',
           '    const char *name;',
           '    int ndim;',
           '    int64_t shape[4], strides[4], offset;',
           '    const char *repr;',
           '} field_case;', '',
           'typedef struct struct_case {',
           '    struct_spec spec;',
           '    const char *repr, *text, *str, *name, *descr; /* descr NULL: NumPy raises */',
           '    int64_t itemsize, alignment;',
           '    bool isnative, aligned;',
           '    int nfields;',
           '    const char *swapped;       /* repr of newbyteorder(\'S\') */',
           '    const char *data;          /* 3 records; NULL for a sub-array dtype */',
           '    const char *mask;          /* 1 where a byte belongs to a field */',
           '    size_t nbytes;',
           '    const char *arepr, *astr, *e0, *swap, *nbo, *npy, *multi;',
           '    size_t npylen;',
           '    int nf;',
           '    field_case fields[4];',
           '} struct_case;', '',
           'static const struct_case struct_cases[] = {']
    for r in rows:
        if 'data' not in r:
            out.append('    {%s, %s, %s, %s, %s, %s, %d, %d, %s, %s, %d, %s, NULL, NULL, 0, NULL, NULL, NULL, NULL, '
                       'NULL, NULL, NULL, 0, 0, {{0}}},' % (
                           r['spec'], c_str(r['repr']), c_str(r['text']), c_str(r['str']), c_str(r['name']),
                           c_str(r['descr']) if r['descr'] is not None else 'NULL', r['itemsize'],
                           r['alignment'], str(r['isnative']).lower(), str(r['aligned']).lower(), r['nfields'],
                           c_str(r['swapped'])))
            continue
        fl = []
        for (n, nd, shape, strides, off, rp) in r['fields']:
            fl.append('{%s, %d, {%s}, {%s}, %d, %s}' % (c_str(n), nd, ', '.join(map(str, shape)) or '0',
                                                       ', '.join(map(str, strides)) or '0', off, c_str(rp)))
        out.append('    {%s,\n     %s, %s, %s, %s, %s, %d, %d, %s, %s, %d, %s,\n     %s,\n     %s, %d,\n     %s,\n     %s,\n'
                   '     %s,\n     %s,\n     %s,\n     %s,\n     %s,\n     %d, %d, {%s}},' % (
                       r['spec'], c_str(r['repr']), c_str(r['text']), c_str(r['str']), c_str(r['name']),
                       c_str(r['descr']) if r['descr'] is not None else 'NULL', r['itemsize'], r['alignment'],
                       str(r['isnative']).lower(), str(r['aligned']).lower(), r['nfields'], c_str(r['swapped']),
                       c_str(r['data']), c_str(r['mask']), len(r['data']), c_str(r['arepr']), c_str(r['astr']), c_str(r['e0']),
                       c_str(r['swap']), c_str(r['nbo']), c_str(r['npy']), c_str(r['multi']), len(r['npy']),
                       len(fl), ', '.join(fl) or '{0}'))
    out.append('};')
    out.append('')
    out.append('typedef struct struct_bad {')
    out.append('    struct_spec spec;')
    out.append('    const char *cls, *msg;')
    out.append('} struct_bad;')
    out.append('')
    out.append('static const struct_bad struct_bads[] = {')
    for s, cls, msg in bad:
        out.append('    {%s, %s, %s},' % (s, c_str(cls), c_str(msg)))
    out.append('};')
    out.append('')
    out.append('#endif')
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'struct_cases.h')
    with open(path, 'w') as f:
        f.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()
