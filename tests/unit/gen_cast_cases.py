#!/usr/bin/python3
"""gen_cast_cases.py -- write tests/unit/cast_cases.h from real NumPy.

Run with the system Python that has NumPy 1.24:
    /usr/bin/python3 tests/unit/gen_cast_cases.py > tests/unit/cast_cases.h

Every expected value in cast_cases.h comes from NumPy on this machine:
dtype spellings and attributes, newbyteorder, can_cast, promote_types,
value casts of probe values (raw bytes), and hashes of casts over large
structured input sets that test_cast.c rebuilds bit for bit (the set
builders below are mirrored in C; their own hashes are emitted too so a
builder mismatch is told apart from a cast mismatch).
"""
import sys
import warnings

import numpy as np

warnings.simplefilter("ignore")

# nd_type order (include/nd.h); the C test checks these strings against nd.
TYPES = ["?", "i1", "u1", "i2", "u2", "i4", "u4", "i8", "u8", "f2", "f4", "f8", "c8", "c16"]
NAMES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
         "float16", "float32", "float64", "complex64", "complex128"]
DT = [np.dtype(t) for t in TYPES]
NT = len(TYPES)
M64 = (1 << 64) - 1
BUILTIN = {d.str[1:]: i for i, d in enumerate(DT)}

out = []


def emit(s=""):
    out.append(s)


def cstr(s):
    r = []
    for ch in s:
        o = ord(ch)
        if ch in '"\\':
            r.append("\\" + ch)
        elif 32 <= o < 127:
            r.append(ch)
        else:
            r.append("\\%03o" % o)
    return '"' + "".join(r) + '"'


def cchar(c):
    if c in "'\\":
        return "'\\" + c + "'"
    return "'" + c + "'"


def builtin_index(d):
    if d.fields is not None or d.subdtype is not None:
        return -1
    return BUILTIN.get(d.str[1:], -1)


# ---------------------------------------------------------------------------
# 1. dtype spellings
# ---------------------------------------------------------------------------

def spellings():
    keys = sorted(k for k in np.sctypeDict if isinstance(k, str))
    cands = []
    for k in keys:
        cands.append(k)
    cands += ["int", "float", "complex", "bool", "half", "single", "double", "intc", "uintc", "byte",
              "ubyte", "short", "ushort", "longlong", "ulonglong", "float_", "complex_", "cfloat",
              "bool_", "longdouble", "float128", "complex256", "int128", "uint128", "float96",
              "float8", "int256", "Int8", "INT8", "Float64", "int 8", "bytes", "string", "unicode"]
    singles = [chr(c) for c in range(33, 127)]
    kinds = "biufcSUVaMmO?eEdDgGlqLQhHBF"
    sizes = ["0", "1", "2", "3", "4", "5", "6", "8", "10", "12", "16", "32", "64"]
    ks = [k + n for k in kinds for n in sizes]
    weird = ["", " ", " d", "d ", "i 4", "i 4 ", "i4 ", "i\t4", "i\n4", "i+4", "i-4", "i01", "i 04",
             "i+04", "i0x4", "i4.0", "i_4", "u 8", "< i8", "i4294967300", "i4294967297",
             "i99999999999999999999", "f18446744073709551624", "i8,", "i8 ,", " i8,", "i8,  ",
             "<<i8,", "<>i8,", "i8,,", ",", ",i8", "i8, i8", "int8,", "float,", "bool,", "b,",
             "?,", "f2,", "i3,", "x,", "=f4,", " >f4 ,", ">f4,", "<int8,", ">int8,", "float128,",
             "g,", "i8,f8", "(2,)i4", "2i4", "()i4", "M8[s]", "m8[ns]", "f4f", "e2", "<>", "><",
             "||", "==", "<<", ">>", ">|", "|<", "i8\t", "\ti8", "b1,", "|i8,", "=|i8,", "<=i8,",
             "i4[2]", "f8[", "c16,", "U8", "S3", "V16", "a5", "O8", "O4", "longdouble,",
             "int64,", "1i4", "(1,)i4", "0i4", "()i4,", "1i4,", "(1)i4,", "1,", "(),",
             "()", "2,", "( )i4,", "(2, 3)f8,", "01i4,", "00i4,", "1 i4,", ">1i4,", "1>i4,", "1x,",
             "i\x0b4", "i\x0c4", "i\r4", "i 4,", "i8 ", "<f8 ", ">i2,", "> i2,"]
    seen = set()
    res = []
    # The kind+size grid is large: two prefixes are enough for it.
    for b, pres in [(x, ["", "<", ">", "=", "|"]) for x in cands + singles + weird] + [(x, ["", ">"]) for x in ks]:
        for pre in pres:
            s = pre + b
            if s in seen:
                continue
            seen.add(s)
            res.append(s)
    return res


def spell_row(s):
    try:
        d = np.dtype(s)
    except TypeError as e:
        msg = str(e)
        if "not understood" in msg:
            return (0, -1, 0, "", "", "", "\0", "\0", "\0", 0, 0, msg)
        return (3, -1, 0, "", "", "", "\0", "\0", "\0", 0, 0, type(e).__name__ + ": " + msg)
    except Exception as e:  # noqa: BLE001 -- SyntaxError, ValueError from comma strings
        return (3, -1, 0, "", "", "", "\0", "\0", "\0", 0, 0, type(e).__name__ + ": " + str(e))
    i = builtin_index(d)
    if i < 0:
        return (2, -1, 0, "", repr(d), "", "\0", "\0", "\0", 0, 0, repr(d))
    swapped = 1 if (d.byteorder == ">") else 0
    return (1, i, swapped, d.str, repr(d), d.name, d.char, d.kind, d.byteorder, d.itemsize,
            d.alignment, "")


def gen_spellings():
    rows = [(sp, spell_row(sp)) for sp in spellings()]
    emit("/* Spellings NumPy accepts as one of the 14 types, with its attributes. */")
    emit("typedef struct tc_spelling {")
    emit("    const char *spec;")
    emit("    int type, swapped;")
    emit("    const char *str, *repr, *name;")
    emit("    char chr, kind, byteorder;")
    emit("    int itemsize, alignment;")
    emit("} tc_spelling;")
    emit("static const tc_spelling tc_spellings[] = {")
    for sp, r in rows:
        if r[0] == 1:
            emit("    {%s, %d, %d, %s, %s, %s, %s, %s, %s, %d, %d}," % (
                cstr(sp), r[1], r[2], cstr(r[3]), cstr(r[4]), cstr(r[5]), cchar(r[6]), cchar(r[7]),
                cchar(r[8]), r[9], r[10]))
    emit("};")
    emit("/* Spellings nd must refuse.  status 0: NumPy's TypeError (msg); 2: NumPy")
    emit(" * accepts it but it is no nd type (msg: NumPy's repr); 3: another NumPy error. */")
    emit("typedef struct tc_reject {")
    emit("    const char *spec;")
    emit("    int status;")
    emit("    const char *msg;")
    emit("} tc_reject;")
    emit("static const tc_reject tc_rejects[] = {")
    for sp, r in rows:
        if r[0] != 1:
            emit("    {%s, %d, %s}," % (cstr(sp), r[0], cstr(r[11])))
    emit("};")
    emit()


# ---------------------------------------------------------------------------
# 2. newbyteorder
# ---------------------------------------------------------------------------

CODES = "?bBhHiIlLefdFDqQ"  # the 14 types' chars plus longlong/ulonglong


def variant(c, v):
    """v 0: dtype(c); 1: dtype('>' + c); 2: dtype(c).newbyteorder('<') (native, but
    with an explicit '<' byteorder that repr shows)."""
    if v == 0:
        return np.dtype(c)
    if v == 1:
        return np.dtype(">" + c)
    return np.dtype(c).newbyteorder("<")


def gen_newbyteorder():
    emit("/* variant(code, v).newbyteorder(order) (see tc_can_cast for v): ok, result")
    emit(" * str, repr, char, byteorder, or the ValueError message. */")
    emit("typedef struct tc_nbo {")
    emit("    char code;")
    emit("    int variant;")
    emit("    char order;")
    emit("    int ok;")
    emit("    const char *str, *repr;")
    emit("    char chr, byteorder;")
    emit("    const char *msg;")
    emit("} tc_nbo;")
    emit("static const tc_nbo tc_nbos[] = {")
    for c in CODES:
        for v in range(3):
            d = variant(c, v)
            orders = [chr(o) for o in range(32, 127)] if c in "h?" and v == 0 else list("SsLlBbNnIi<>=|x")
            for o in orders:
                try:
                    r = d.newbyteorder(o)
                    emit("    {%s, %d, %s, 1, %s, %s, %s, %s, \"\"}," % (
                        cchar(c), v, cchar(o), cstr(r.str), cstr(repr(r)), cchar(r.char), cchar(r.byteorder)))
                except ValueError as e:
                    emit("    {%s, %d, %s, 0, \"\", \"\", 0, 0, %s}," % (cchar(c), v, cchar(o), cstr(str(e))))
    emit("};")
    emit()


# ---------------------------------------------------------------------------
# 3. can_cast and promote_types over the 16 codes x 2 byte orders
# ---------------------------------------------------------------------------

CASTINGS = ["no", "equiv", "safe", "same_kind", "unsafe"]


def gen_rules():
    emit("/* Index k < 16 names tc_codes[k]; variant v: 0 dtype(code), 1 dtype('>' + code),")
    emit(" * 2 dtype(code).newbyteorder('<').  tc_can_cast bit c is set when")
    emit(" * np.can_cast(from, to, casting c) (nd_casting order). */")
    emit("static const char tc_codes[] = %s;" % cstr(CODES))
    emit("static const unsigned char tc_can_cast[16][3][16][3] = {")
    for a in CODES:
        row = []
        for va in range(3):
            cells = []
            for b in CODES:
                trip = []
                for vb in range(3):
                    m = 0
                    for ci, c in enumerate(CASTINGS):
                        if np.can_cast(variant(a, va), variant(b, vb), c):
                            m |= 1 << ci
                    trip.append(str(m))
                cells.append("{" + ", ".join(trip) + "}")
            row.append("{" + ", ".join(cells) + "}")
        emit("    {" + ",\n     ".join(row) + "},")
    emit("};")
    emit("/* np.promote_types(a, b) with a and b the same Python object when equal")
    emit(" * (as nd's static dtypes are): .str, .char and .byteorder of the result. */")
    emit("typedef struct tc_promo {")
    emit("    const char *str;")
    emit("    char chr, byteorder;")
    emit("} tc_promo;")
    emit("static const tc_promo tc_promote[16][3][16][3] = {")
    for a in CODES:
        row = []
        for va in range(3):
            cells = []
            for b in CODES:
                trip = []
                for vb in range(3):
                    da = variant(a, va)
                    db = da if (a, va) == (b, vb) else variant(b, vb)
                    r = np.promote_types(da, db)
                    trip.append("{%s, %s, %s}" % (cstr(r.str), cchar(r.char), cchar(r.byteorder)))
                cells.append("{" + ", ".join(trip) + "}")
            row.append("{" + ", ".join(cells) + "}")
        emit("    {" + ",\n     ".join(row) + "},")
    emit("};")
    emit("/* np.can_cast(i, i, casting=s): the nd_casting it names, or -1 and the ValueError. */")
    emit("typedef struct tc_casting {")
    emit("    const char *s;")
    emit("    int value;")
    emit("    const char *msg;")
    emit("} tc_casting;")
    emit("static const tc_casting tc_castings[] = {")
    for c in CASTINGS + ["foo", "", "SAFE", "same-kind", "it's", "unsafe ", "n"]:
        try:
            np.can_cast("i", "i", c)
            emit("    {%s, %d, \"\"}," % (cstr(c), CASTINGS.index(c)))
        except ValueError as e:
            emit("    {%s, -1, %s}," % (cstr(c), cstr(str(e))))
    emit("};")
    emit()


# ---------------------------------------------------------------------------
# 4. probe values: raw source bytes per type, NumPy's cast bytes per pair
# ---------------------------------------------------------------------------

INT_PROBES = [0, 1, -1, 127, 128, 255, 256, -129, 32767, 65535, 2**31, 2**32, 2**63 - 1, -2**63,
              2**64 - 1, 2**62 + 2**38 + 1, 2**53 + 1, 16777217, 2049, 2051, 65504, 65519, 65520,
              -32768, -32769, 2**31 - 1, -2**31, -2**31 - 1, 2**32 - 1, 2**24 + 1, -(2**62 + 2**38 + 1)]
FLOAT_PROBES = [0.0, 1.0, -1.0, 127.0, 128.0, 255.0, 256.0, -129.0, 32767.0, 65535.0, 2.0**31,
                2.0**32, float(2**63 - 1), -2.0**63, float(2**64 - 1), 0.5, -0.5, 1.5, 2.5, -2.7, 1e10,
                -1e10, 1e20, 65504.0, 65520.0, 1e-8, float("nan"), float("inf"), float("-inf"), -0.0,
                65519.99, 65520.01, 2.0**-24, 2.0**-25, 2.0**-25 * (1 + 2**-30), 2.0**-14,
                2.0**-14 * (1 - 2**-11), 1 + 2.0**-11, 1 + 2.0**-11 + 2.0**-40, 2049.0, 2051.0, 0.1,
                1 / 3, 3e9, -3e9, 2.0**63 + 2**12, 4294967295.5, -2147483648.5, -2147483649.0, 1e300,
                -1e-300, 5e-324, 3.4028235e38, 3.5e38, 1.0000001, 16777217.0, -128.9, 255.9, -0.99]
COMPLEX_PROBES = [1 + 2j, complex(float("nan"), 1), complex(0, float("nan")), 1j, complex(1e10, 5),
                  complex(-0.0, -0.0), complex(0, 1e-8), complex(65520, 3)]


def probe_source(i):
    d = DT[i]
    if d.kind == "b":
        return np.array([0, 1], "?")
    if d.kind in "iu":
        bits = 8 * d.itemsize
        info = np.iinfo(d)
        vals = [(x % (1 << bits)) for x in INT_PROBES + [int(info.min), int(info.max)]]
        return np.array(vals, dtype=np.uint64).astype("u%d" % d.itemsize).view(d)
    a = np.array(FLOAT_PROBES + [float(np.frombuffer(b"\x01\x00\x00\x00\x00\x00\xf0\x7f", "<f8")[0])])
    a = a.astype(d)
    if d.kind == "c":
        a = np.concatenate([a, np.array(COMPLEX_PROBES).astype(d)])
    return a


def bulk_cast(src, to):
    """NumPy's astype result in the body of a contiguous array (padding
    after the values keeps them out of the loop's scalar tail)."""
    pad = np.zeros(64, src.dtype)
    return np.concatenate([src, pad]).astype(to)[: len(src)]


def hexs(a):
    return a.tobytes().hex()


def gen_probes():
    emit("/* Probe values per source type (native bytes, hex), and NumPy's cast of each")
    emit(" * to every type twice: in the body of a contiguous array (tc_probe_dst) and")
    emit(" * one element at a time (tc_probe_one).  They differ only for float and")
    emit(" * complex -> uint32, where NumPy's contiguous loop is vectorised with a")
    emit(" * 32-bit conversion and its scalar code truncates a 64-bit one. */")
    emit("static const int tc_probe_count[%d] = {%s};" % (
        NT, ", ".join(str(len(probe_source(i))) for i in range(NT))))
    emit("static const char *const tc_probe_src[%d] = {" % NT)
    for i in range(NT):
        emit("    %s," % cstr(hexs(probe_source(i))))
    emit("};")
    for name, single in (("tc_probe_dst", False), ("tc_probe_one", True)):
        emit("static const char *const %s[%d][%d] = {" % (name, NT, NT))
        for i in range(NT):
            src = probe_source(i)
            emit("    {")
            for j in range(NT):
                if single:
                    r = np.concatenate([src[k:k + 1].astype(DT[j]) for k in range(len(src))])
                else:
                    r = bulk_cast(src, DT[j])
                    # Byte-swapped source or destination must give the same values.
                    sw = bulk_cast(src.astype(DT[i].newbyteorder()), DT[j].newbyteorder())
                    assert sw.astype(DT[j]).tobytes() == r.tobytes(), (TYPES[i], TYPES[j])
                emit("        %s," % cstr(hexs(r)))
            emit("    },")
        emit("};")
    emit()


# ---------------------------------------------------------------------------
# 5. structured sets and hashes (mirrored in test_cast.c)
# ---------------------------------------------------------------------------

def mix_hash(buf):
    """splitmix64-style position-keyed hash of a byte string (mirrored in C)."""
    b = bytes(buf)
    n = len(b)
    if n % 8:
        b += b"\0" * (8 - n % 8)
    w = np.frombuffer(b, "<u8").astype(np.uint64)
    with np.errstate(over="ignore"):
        i = np.arange(1, len(w) + 1, dtype=np.uint64)
        z = w + i * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
        h = int(z.sum(dtype=np.uint64))
    return (h ^ n) & M64


def lcg_ints():
    s = 0x853C49E6748FEA9B
    v = []
    for k in range(4096):
        s = (s * 6364136223846793005 + 1442695040888963407) & M64
        v.append(s >> (k % 64))
    for b in range(64):
        for x in ((1 << b) - 1, 1 << b, (1 << b) + 1):
            v.append(x & M64)
            v.append((-x) & M64)
    return np.array(v, dtype=np.uint64)


def half_grid(ftype, ubits, shift):
    """For each finite half u: its value, the midpoint to the next half and
    the two neighbours of that midpoint, both signs, in float type ftype."""
    h = np.arange(0x7C00, dtype=np.uint16)
    x = h.view(np.float16).astype(ftype)
    xb = x.view(ubits)
    sub = h < 0x400
    mid = np.where(sub, ((h.astype(ftype) + ftype(0.5)) * ftype(2.0**-24)).view(ubits),
                   xb + ubits(1 << (shift - 1)))
    midv = mid.view(ftype)
    lo = np.nextafter(midv, ftype(-np.inf))
    hi = np.nextafter(midv, ftype(np.inf))
    grid = np.stack([x, midv, lo, hi], axis=1).reshape(-1)
    return np.concatenate([grid, -grid])


def exp_sweep(ubits, ebits, mbits, mants):
    e = np.arange(1 << ebits, dtype=np.uint64)
    m = np.array(mants, dtype=np.uint64)
    v = ((e[:, None] << np.uint64(mbits)) | m[None, :]).reshape(-1)
    sign = np.uint64(1) << np.uint64(ebits + mbits)
    return np.concatenate([v, v | sign]).astype(ubits)


def int_edges(ftype):
    v = []
    for p in range(66):
        c = 2.0**p
        for x in (c, c - 1, c + 1, c - 0.5, c + 0.5):
            v.append(x)
    a = np.array(v, dtype=np.float64).astype(ftype)
    up = np.nextafter(a, ftype(np.inf))
    dn = np.nextafter(a, ftype(-np.inf))
    g = np.concatenate([a, up, dn])
    return np.concatenate([g, -g])


F4_MANTS = [0, 1, 2, 0x1000, 0xFFF, 0x1001, 0x400000, 0x400001, 0x7FFFFF, 0x3FFFFF, 0x2000, 0x1FFF]
F8_MANTS = [0, 1, 2, 1 << 51, (1 << 51) + 1, (1 << 52) - 1, 1 << 42, (1 << 42) - 1, (1 << 42) + 1,
            1 << 41, (1 << 41) + 1, (1 << 41) - 1, 1 << 29, (1 << 29) - 1, (1 << 28) + 1, 1 << 28]


def set_f4():
    return np.concatenate([half_grid(np.float32, np.uint32, 13),
                           exp_sweep(np.uint32, 8, 23, F4_MANTS).view(np.float32),
                           int_edges(np.float32)])


def set_f8():
    f4s = exp_sweep(np.uint32, 8, 23, F4_MANTS).view(np.float32)
    f4s = f4s[np.isfinite(f4s)].astype(np.float64)
    mid = (f4s.view(np.uint64) + np.uint64(1 << 28)).view(np.float64)
    f4mid = np.concatenate([mid, np.nextafter(mid, -np.inf), np.nextafter(mid, np.inf)])
    return np.concatenate([half_grid(np.float64, np.uint64, 42),
                           exp_sweep(np.uint64, 11, 52, F8_MANTS).view(np.float64),
                           f4mid, int_edges(np.float64)])


def struct_set(i):
    d = DT[i]
    if d.kind == "b":
        return np.array([0, 1, 2, 255], np.uint8).view("?")
    if d.kind in "iu":
        return lcg_ints().astype("u%d" % d.itemsize).view(d)
    if d == np.float16:
        return np.arange(65536, dtype=np.uint16).view(np.float16)
    if d == np.float32:
        return set_f4()
    if d == np.float64:
        return set_f8()
    base = set_f4() if d == np.complex64 else set_f8()
    c = np.empty(len(base), d)
    c.real = base
    c.imag = base[::-1]
    return c


def gen_hashes():
    emit("/* Structured input sets (built identically by test_cast.c): element count,")
    emit(" * hash of the input bytes, and hash of NumPy's astype of the whole set to every type. */")
    counts, shash, rows = [], [], []
    for i in range(NT):
        s = struct_set(i)
        counts.append(len(s))
        shash.append(mix_hash(s.tobytes()))
        rows.append([mix_hash(s.astype(DT[j]).tobytes()) for j in range(NT)])
    emit("static const long tc_set_count[%d] = {%s};" % (NT, ", ".join(map(str, counts))))
    emit("static const uint64_t tc_set_hash[%d] = {" % NT)
    for h in shash:
        emit("    0x%016xu," % h)
    emit("};")
    emit("static const uint64_t tc_cast_hash[%d][%d] = {" % (NT, NT))
    for r in rows:
        emit("    {" + ", ".join("0x%016xu" % h for h in r) + "},")
    emit("};")
    emit()


def main():
    emit("/* cast_cases.h -- GENERATED by gen_cast_cases.py from NumPy %s; do not edit." % np.__version__)
    emit(" * Regenerate: /usr/bin/python3 tests/unit/gen_cast_cases.py > tests/unit/cast_cases.h */")
    emit("#ifndef CAST_CASES_H")
    emit("#define CAST_CASES_H")
    emit("#include <stdint.h>")
    emit()
    emit("#define TC_NUMPY_VERSION %s" % cstr(np.__version__))
    emit("static const char *const tc_type_str[%d] = {%s};" % (
        NT, ", ".join(cstr(d.str) for d in DT)))
    emit("static const char *const tc_type_name[%d] = {%s};" % (NT, ", ".join(cstr(n) for n in NAMES)))
    emit()
    for i, d in enumerate(DT):
        assert d.name == NAMES[i]
    gen_spellings()
    gen_newbyteorder()
    gen_rules()
    gen_probes()
    gen_hashes()
    emit("#endif /* CAST_CASES_H */")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
