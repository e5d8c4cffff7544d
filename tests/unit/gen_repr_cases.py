#!/usr/bin/python3
"""Generate tests/unit/repr_cases.h: NumPy 1.24's own str()/repr() output
for a broad set of arrays, scalars and Dragon4 calls, so test_repr.c and
test_format.c compare nd against NumPy without hand-typed numbers.

Run with the interpreter that has NumPy 1.24:
    /usr/bin/python3 tests/unit/gen_repr_cases.py
It rewrites repr_cases.h next to this script.
"""
import math
import os
import sys

import numpy as np

assert np.__version__.startswith("1.24"), np.__version__

DEFAULTS = dict(precision=8, threshold=1000, edgeitems=3, linewidth=75, suppress=False, sign='-')

SPECIAL = [0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 0.1 + 0.2, 1 / 3, 2 / 3, 1e-5, 1e-4, 9.999e-5, 1e8,
           99999999.0, 123456789.0, 1e16, 1e-16, 1e300, 5e-324, 2.2250738585072014e-308,
           1.7976931348623157e308, 65504.0, 6.1e-5, 5.96e-8, math.pi, math.e, 1000.0, 1000.5,
           1e3 + 1e-3, 1234.5678, 0.001, 100.0, 12345678.9, 1e15, 9.5e15, 1e-300,
           float('nan'), float('inf'), float('-inf')]

NATIVE_TYPES = ['?', 'i1', 'u1', 'i2', 'u2', 'i4', 'u4', 'i8', 'u8', 'f2', 'f4', 'f8', 'c8', 'c16']


class Arange:
    """An array built as (arange(n) * step + start).astype(dtype).reshape(shape).
    start and step keep i*step exact so C computes the same values."""

    def __init__(self, shape, dtype, start=0, step=1):
        self.shape, self.dtype, self.start, self.step = tuple(shape), np.dtype(dtype), start, step
        n = int(np.prod(self.shape))
        with np.errstate(all='ignore'):
            self.array = (np.arange(n, dtype=np.float64) * step + start).astype(self.dtype).reshape(self.shape)


def cstr(s):
    out = []
    for ch in s:
        if ch == '\\':
            out.append('\\\\')
        elif ch == '"':
            out.append('\\"')
        elif ch == '\n':
            out.append('\\n')
        else:
            assert 32 <= ord(ch) < 127, repr(ch)
            out.append(ch)
    return '"' + ''.join(out) + '"'


def clines(s, indent):
    """A C string literal split after each newline, for readable diffs."""
    parts = s.split('\n')
    pieces = [p + '\n' for p in parts[:-1]] + [parts[-1]]
    pieces = [p for p in pieces if p] or ['']
    return ('\n' + ' ' * indent).join(cstr(p) for p in pieces)


def cbytes(b):
    return '"' + ''.join('\\x%02x' % x for x in b) + '"'


def cdouble(x):
    if math.isnan(x):
        return 'NAN'
    if math.isinf(x):
        return 'INFINITY' if x > 0 else '-INFINITY'
    if x == 0:
        return '-0.0' if math.copysign(1, x) < 0 else '0.0'
    return float(x).hex()


def copts(o):
    return '{%d, %d, %d, %d, %s, %s}' % (o['precision'], o['threshold'], o['edgeitems'], o['linewidth'],
                                        'true' if o['suppress'] else 'false', cstr(o['sign']).replace('"', "'"))


# ---------------------------------------------------------------- arrays

def array_cases():
    rng = np.random.default_rng(20240124)
    cases = []

    def add(a, **opts):
        cases.append((a, opts))

    # 0-d of every dtype, and the scalar list as 0-d floats
    for t in NATIVE_TYPES:
        add(np.array(5 if t != '?' else True, dtype=t))
        add(np.array(0, dtype=t))
    add(np.array(False))
    add(np.array(-7, dtype='i1'))
    add(np.array(1.5, dtype='f4'))
    add(np.array(2.5 - 1j, dtype='c8'))
    add(np.array(np.iinfo(np.uint64).max, dtype='u8'))
    add(np.array(np.iinfo(np.int64).min, dtype='i8'))
    for ft in ['f2', 'f4', 'f8']:
        with np.errstate(all='ignore'):
            for x in SPECIAL:
                add(np.array(x, dtype=ft))

    # small 1-d arrays of every dtype, native and swapped
    ints = [0, 1, -1, 7, 100, -128, 127, 255]
    for t in NATIVE_TYPES:
        if t == '?':
            a = np.array([True, False, True])
        elif t[0] in 'iu':
            info = np.iinfo(t)
            a = np.array([v for v in ints if info.min <= v <= info.max] + [info.min, info.max], dtype=t)
        elif t[0] == 'f':
            a = np.array([1.0, 0.5, -2.25, 3.0, 1e3], dtype=t)
        else:
            a = np.array([1 + 2j, -0.5 + 0j, 3.25 - 1e3j], dtype=t)
        add(a)
        if a.dtype.itemsize > 1:
            add(a.astype(a.dtype.newbyteorder('>')))
            add(a.astype(a.dtype.newbyteorder('<')).reshape(1, -1))

    # floats: special values in groups (exp switch, nan/inf padding, -0.)
    groups = [
        [0.1 + 0.2, 1.0, 2.0], [1e-5, 1.0], [1e8, 1.0], [99999999.0, 1.0], [123456789.0, 0.5],
        [0.0001, 0.1], [9.999e-5, 0.1], [1.0, 1000.0], [1.0, 1000.5], [0.001, 1.0], [0.001, 1.5],
        [float('nan'), 1.0], [float('nan'), float('inf'), float('-inf')], [float('inf')],
        [float('-inf'), 1e-10], [-0.0, 0.0], [-0.0], [0.0, 0.0], [float('nan')], [1e300, 1e-300],
        [5e-324, 1.0], [1.5, float('nan'), -2.0], [1 / 3, 2 / 3, 1.0], [math.pi, -math.e, 100.0],
        [1e16, -1e-16, 0.0], [12345678.9, 0.1], [1e-4, 1e-3, float('inf')], [65504.0, 6.1e-5],
    ]
    for g in groups:
        for ft in ['f8', 'f4', 'f2']:
            with np.errstate(all='ignore'):
                add(np.array(g, dtype=ft))
    for g in groups[:12]:
        c = np.array(g) + 1j * np.array(g[::-1])
        add(c)
        add(c.astype('c8'))
    add(np.array([complex(float('nan'), 1), complex(1, float('inf')), complex(-0.0, -0.0)]))
    add(np.array([1e20 + 1j, 1 - 1e-20j]))
    add(np.array([0.5j, 1 + 0j], dtype='c8'))

    # float32 / float16 shortest digits differ from float64's
    add(np.array([0.1, 0.2, 0.3, 1 / 3, 16777217.0], dtype='f4'))
    add(np.array([0.1, 0.2, 0.3, 1 / 3, 2049.0, 0.0999], dtype='f2'))
    add((rng.standard_normal(12)).astype('f4'))
    add((rng.standard_normal(12)).astype('f2'))
    add((rng.standard_normal(12) * 1e-3).astype('f8'))
    add(rng.standard_normal(7) * 1e5)
    add(rng.standard_normal(7) * 1e9)

    # summarisation around threshold 1000, with arange recipes
    for n in (999, 1000, 1001, 2000):
        add(Arange((n,), 'i8'))
    add(Arange((1001,), 'f8', 0, 0.5))
    add(Arange((1001,), 'f4', -500, 1))
    add(Arange((1001,), 'i2', -500, 1))
    add(Arange((1001,), 'u1', 0, 1))
    add(Arange((1001,), '?', 0, 1))
    add(Arange((1001,), 'c16', 0, 0.25))
    add(Arange((1001,), '>i4', 0, 3))
    add(Arange((40, 40), 'i8'))
    add(Arange((11, 11, 11), 'i8'))
    add(Arange((2, 1000), 'f8', 0, 0.125))
    add(Arange((1000, 2), 'i4'))
    add(Arange((4, 4, 4, 20), 'i8'))
    add(Arange((7, 7, 7, 7), 'f8', 0, 0.5))

    # wide arrays: line wrapping
    add(Arange((100,), 'i8'))
    add(Arange((60,), 'f8', 0, 0.125))
    add(Arange((30,), 'c16', 0, 1.5))
    add(np.array([True, False] * 20))
    add(rng.standard_normal(40))
    add(rng.standard_normal((3, 20)))
    add(np.linspace(0, 1, 30))
    add(Arange((3, 30), 'i8', 0, 37))
    add(Arange((2, 2, 25), 'u2'))
    # the dtype suffix moves to its own line when it would not fit
    for n in range(15, 26):
        add(Arange((n,), 'i4', 100, 1))
    for n in range(10, 16):
        add(Arange((n,), 'f4', 0, 0.25))
    add(Arange((3, 16), 'i2', 1000, 1))

    # N-d layouts, blank lines between blocks, size-1 axes
    add(Arange((3, 4), 'i8'))
    add(Arange((2, 3, 4), 'i8'))
    add(Arange((2, 2, 2, 3), 'f8', 0, 0.5))
    add(Arange((1, 1, 3), 'i4'))
    add(Arange((3, 1), 'f4'))
    add(Arange((1, 2, 1, 2, 1), 'i8'))
    add(Arange((2, 3), 'c8', -1, 0.5))
    add(Arange((2, 2, 2), '?', 0, 1))
    add(np.array([[1.5, np.nan], [-np.inf, 2.0]]))
    add(np.array([[1, -1000], [10, 5]], dtype='>i2'))

    # empty arrays
    for t in ['f8', 'i8', 'i4', '?', 'c8', '>f4', 'u1']:
        add(np.zeros((0,), dtype=t))
    for shp in [(0, 3), (2, 0), (3, 0, 2), (0, 0)]:
        add(np.zeros(shp))
        add(np.zeros(shp, dtype='i2'))

    # print options
    add(Arange((10,), 'f8', 0, 0.125), precision=2)
    add(np.array([math.pi, math.e, 1 / 3]), precision=3)
    add(np.array([math.pi, 1e-10]), precision=0)
    add(np.array([1e-10, 1.0, 1e5]), suppress=True)
    add(np.array([1e-10, 1.0]), suppress=True, precision=4)
    add(np.array([1e9, 1.0]), suppress=True)
    add(np.array([1.0, -2.0, 0.5]), sign='+')
    add(np.array([1.0, 2.0, 0.5]), sign=' ')
    add(np.array([1.0, -2.0, 0.5]), sign=' ')
    add(np.array([1.0, np.nan, np.inf]), sign='+')
    add(np.array([1 + 1j, -1 - 0.5j]), sign='+')
    add(np.array(1.5), sign='+')
    add(np.array([1e-5, 2.0]), sign=' ')
    add(Arange((30,), 'i8'), threshold=10)
    add(Arange((30,), 'i8'), threshold=10, edgeitems=1)
    add(Arange((30,), 'i8'), threshold=10, edgeitems=0)
    add(Arange((6, 6), 'f8'), threshold=10, edgeitems=2)
    add(Arange((6, 6), 'f8'), threshold=10, edgeitems=0)
    add(Arange((20,), 'i8'), linewidth=20)
    add(Arange((4, 10), 'f8', 0, 0.5), linewidth=30)
    add(Arange((5,), 'i8'), linewidth=1)
    add(Arange((12,), 'i4'), linewidth=40)
    add(np.array([1e-300, 5e-324]), suppress=True, precision=30)
    return cases


def emit_arrays(w):
    w('typedef struct repr_case {\n'
      '    const char *dtype;  /* nd_dtype_parse spelling */\n'
      '    int ndim;\n'
      '    int64_t shape[6];\n'
      '    const char *data;   /* C-order bytes in dtype\'s byte order; NULL: arange recipe */\n'
      '    size_t nbytes;\n'
      '    double start, step; /* recipe: element i is start + i*step cast to dtype */\n'
      '    nd_printoptions po;\n'
      '    const char *str, *repr; /* NumPy\'s str(a), repr(a) */\n'
      '} repr_case;\n\n')
    w('static const repr_case repr_cases[] = {\n')
    for obj, opts in array_cases():
        o = dict(DEFAULTS, **opts)
        a = obj.array if isinstance(obj, Arange) else obj
        with np.printoptions(**o):
            s, r = str(a), repr(a)
        shape = ', '.join(str(d) for d in a.shape) or '0'
        w('    {%s, %d, {%s},\n' % (cstr(a.dtype.str), a.ndim, shape))
        if isinstance(obj, Arange):
            w('     NULL, 0, %s, %s,\n' % (cdouble(obj.start), cdouble(obj.step)))
        else:
            b = a.tobytes()
            w('     %s, %d, 0, 0,\n' % (cbytes(b), len(b)))
        w('     %s,\n' % copts(o))
        w('     %s,\n' % clines(s, 5))
        w('     %s},\n' % clines(r, 5))
    w('};\n\n')


# ---------------------------------------------------------------- scalars

def emit_values(w):
    w('typedef struct value_case {\n'
      '    nd_type type; /* the NumPy scalar type */\n'
      '    nd_value v;\n'
      '    const char *str; /* NumPy\'s str(scalar) */\n'
      '} value_case;\n\n')
    w('static const value_case value_cases[] = {\n')
    names = {'f2': 'ND_FLOAT16', 'f4': 'ND_FLOAT32', 'f8': 'ND_FLOAT64', 'c8': 'ND_COMPLEX64',
             'c16': 'ND_COMPLEX128'}
    rows = []
    for ft in ['f2', 'f4', 'f8']:
        with np.errstate(all='ignore'):
            for x in SPECIAL + [1e-4 * 0.999999, 1e16 * 1.0000001, 0.30000001192092896, 1e7, 1e20]:
                s = np.dtype(ft).type(x)
                rows.append((names[ft], 'ND_F64(%s)' % cdouble(float(s)), str(s)))
    cvals = [(1, 2), (0, 1), (0, 0), (-0.0, 1), (1.5, -2.5), (0, -1), (float('nan'), 1), (1, float('nan')),
             (float('inf'), -float('inf')), (-float('inf'), float('inf')), (1e20, 1e-20), (0, float('nan')),
             (0.1, 0.2), (-1, -0.0), (0, 1e16)]
    for ct in ['c8', 'c16']:
        for re, im in cvals:
            s = np.dtype(ct).type(complex(re, im))
            rows.append((names[ct], 'ND_C128(%s, %s)' % (cdouble(s.real), cdouble(s.imag)), str(s)))
    ivals = {'ND_INT8': ('i1', [0, -128, 127, 5]), 'ND_UINT8': ('u1', [0, 255]),
             'ND_INT16': ('i2', [5, -32768]), 'ND_UINT16': ('u2', [65535]),
             'ND_INT32': ('i4', [-2147483648, 42]), 'ND_UINT32': ('u4', [4294967295]),
             'ND_INT64': ('i8', [-9223372036854775808, 9223372036854775807, 0])}
    for name, (t, vs) in ivals.items():
        for v in vs:
            rows.append((name, 'ND_I64(%dLL)' % v if v != -9223372036854775808 else 'ND_I64(INT64_MIN)',
                         str(np.dtype(t).type(v))))
    rows.append(('ND_UINT64', 'ND_U64(18446744073709551615ULL)', str(np.uint64(18446744073709551615))))
    rows.append(('ND_BOOL', 'ND_BOOLV(true)', str(np.bool_(True))))
    rows.append(('ND_BOOL', 'ND_BOOLV(false)', str(np.bool_(False))))
    # values of another type are cast first (NumPy's scalar constructor)
    rows.append(('ND_FLOAT32', 'ND_F64(0.1)', str(np.float32(0.1))))
    rows.append(('ND_FLOAT16', 'ND_F64(0.1)', str(np.float16(0.1))))
    rows.append(('ND_INT16', 'ND_F64(-3.7)', str(np.float64(-3.7).astype(np.int16))))
    rows.append(('ND_COMPLEX64', 'ND_F64(2.5)', str(np.complex64(2.5))))
    rows.append(('ND_BOOL', 'ND_I64(3)', str(np.bool_(3))))
    for t, v, s in rows:
        w('    {%s, %s, %s},\n' % (t, v, cstr(s)))
    w('};\n\n')


# ---------------------------------------------------------------- Dragon4

def emit_floats(w):
    w('typedef struct float_case {\n'
      '    nd_type type;\n'
      '    double x;\n'
      '    nd_fltfmt f; /* scientific, fractional, sign, trim, precision, min_digits, pad_left, pad_right, exp_digits */\n'
      '    const char *out; /* np.format_float_positional / _scientific */\n'
      '} float_case;\n\n')
    w('static const float_case float_cases[] = {\n')
    trims = {'k': 'ND_TRIM_KEEP', '.': 'ND_TRIM_ZEROS', '0': 'ND_TRIM_ONE_ZERO', '-': 'ND_TRIM_POINT'}
    names = {'f2': 'ND_FLOAT16', 'f4': 'ND_FLOAT32', 'f8': 'ND_FLOAT64'}
    xs = [0.0, -0.0, 1.0, 0.1, 1 / 3, 123.456, 1e-5, 9.5, 0.05, 2.5, 1e22, 5e-324, 65504.0, 1e-7,
          float('nan'), float('-inf'), 999.9999, 0.000123456789]
    opts = [dict(), dict(precision=3), dict(precision=0), dict(trim='.'), dict(trim='0'), dict(trim='-'),
            dict(sign=True), dict(pad_left=6, pad_right=6), dict(precision=4, min_digits=4, trim='k'),
            dict(min_digits=10), dict(fractional=False, precision=3), dict(unique=True, precision=12),
            dict(trim='-', pad_right=3), dict(exp_digits=4)]
    for ft in ['f2', 'f4', 'f8']:
        for x in xs:
            with np.errstate(all='ignore'):
                v = np.dtype(ft).type(x)
            for o in opts:
                for sci in (False, True):
                    kw = dict(o)
                    if sci:
                        kw.pop('fractional', None)
                        kw.pop('pad_right', None)
                    elif 'exp_digits' in kw:
                        continue
                    try:
                        s = (np.format_float_scientific if sci else np.format_float_positional)(v, **kw)
                    except ValueError:
                        continue
                    full = dict(fractional=True, sign=False, trim='k', precision=None, min_digits=None,
                                pad_left=None, pad_right=None, exp_digits=None)
                    full.update(kw)
                    num = lambda k: -1 if full[k] is None else full[k]
                    f = '{%s, %s, %s, %s, %d, %d, %d, %d, %d}' % (
                        'true' if sci else 'false', 'true' if full['fractional'] else 'false',
                        'true' if full['sign'] else 'false', trims[full['trim']], num('precision'),
                        num('min_digits'), num('pad_left'), num('pad_right'), num('exp_digits'))
                    w('    {%s, %s, %s, %s},\n' % (names[ft], cdouble(float(v)), f, cstr(s)))
    w('};\n')


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'repr_cases.h')
    chunks = []
    w = chunks.append
    w('/* repr_cases.h — GENERATED by gen_repr_cases.py from NumPy %s; do not edit.\n'
      ' * Regenerate: /usr/bin/python3 tests/unit/gen_repr_cases.py */\n' % np.__version__)
    w('#ifndef REPR_CASES_H\n#define REPR_CASES_H\n\n#include <math.h>\n#include <stdint.h>\n\n'
      '#include "nd_internal.h"\n\n')
    emit_arrays(w)
    emit_values(w)
    emit_floats(w)
    w('\n#endif /* REPR_CASES_H */\n')
    with open(path, 'w') as f:
        f.write(''.join(chunks))
    print('wrote', path, file=sys.stderr)


if __name__ == '__main__':
    main()
