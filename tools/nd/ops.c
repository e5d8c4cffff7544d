/* ops.c — Python's operators on ints (64-bit fast path, 128-bit beyond;
 * past that an OverflowError),
 * floats, complex, strings and sequences; anything involving a NumPy
 * array or scalar goes to np_array.c's ufunc dispatch. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "py.h"

const char *const op_symbol[] = {"+", "-", "*", "/", "//", "%", "**", "@", "&", "|", "^", "<<", ">>",
                                 "==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in",
                                 "-", "+", "~", "not", ""};

static bool is_np(Val v) { return v.t == T_ARRAY || v.t == T_SCALAR; }
static bool is_intlike(Val v) { return is_int(v); }
static bool is_num(Val v) { return is_int(v) || v.t == T_FLOAT; }
static double num_d(Val v) { return v.t == T_FLOAT ? v.f : (double)int_of(v); }

static Val unsupported(int op, Val a, Val b) {
    if (op < 0 || op > OP_NOP) op = OP_NOP;
    return raise_exc(TypeErrorT, "unsupported operand type(s) for %s: '%s' and '%s'", op_symbol[op], type_name(a),
                     type_name(b));
}
#define I128_MIN ((i128)((unsigned __int128)1 << 127))

static Val big_pow(i128 a, i128 b) {
    if (b < 0) {
        if (a == 0) return raise_exc(ZeroDivisionErrorT, "0.0 cannot be raised to a negative power");
        return VFLOAT(pow((double)a, (double)b));
    }
    i128 r = 1;
    while (b) {
        if (b & 1 && __builtin_mul_overflow(r, a, &r)) return big_overflow();
        b >>= 1;
        if (b && __builtin_mul_overflow(a, a, &a)) return big_overflow();
    }
    return mk_int(r);
}

/* Ints beyond int64: the same operators in 128 bits. */
static Val big_op(int op, i128 a, i128 b) {
    i128 r;
    switch (op) {
    case OP_ADD: if (__builtin_add_overflow(a, b, &r)) return big_overflow(); return mk_int(r);
    case OP_SUB: if (__builtin_sub_overflow(a, b, &r)) return big_overflow(); return mk_int(r);
    case OP_MUL: if (__builtin_mul_overflow(a, b, &r)) return big_overflow(); return mk_int(r);
    case OP_DIV:
        if (b == 0) return raise_exc(ZeroDivisionErrorT, "division by zero");
        return VFLOAT((double)a / (double)b);
    case OP_FLOORDIV: case OP_MOD: {
        if (b == 0) return raise_exc(ZeroDivisionErrorT, "integer division or modulo by zero");
        if (a == I128_MIN && b == -1) return op == OP_MOD ? VINT(0) : big_overflow();
        i128 q = a / b, m = a % b;
        if (m != 0 && ((m < 0) != (b < 0))) { q--; m += b; }
        return mk_int(op == OP_MOD ? m : q);
    }
    case OP_POW: return big_pow(a, b);
    case OP_AND: return mk_int(a & b);
    case OP_OR: return mk_int(a | b);
    case OP_XOR: return mk_int(a ^ b);
    case OP_LSHIFT:
        if (b < 0) return raise_exc(ValueErrorT, "negative shift count");
        if (a == 0) return VINT(0);
        if (b >= 127 || (a > 0 ? a > ((i128)(((unsigned __int128)1 << 127) - 1) >> b) : a < (I128_MIN >> b)))
            return big_overflow();
        return mk_int((i128)((unsigned __int128)a << b));
    case OP_RSHIFT:
        if (b < 0) return raise_exc(ValueErrorT, "negative shift count");
        return mk_int(b >= 127 ? (a < 0 ? -1 : 0) : a >> b);
    }
    return VERR;
}

static Val int_op(int op, int64_t a, int64_t b) {
    int64_t r;
    switch (op) {
    case OP_ADD: if (__builtin_add_overflow(a, b, &r)) return big_op(op, a, b); return VINT(r);
    case OP_SUB: if (__builtin_sub_overflow(a, b, &r)) return big_op(op, a, b); return VINT(r);
    case OP_MUL: if (__builtin_mul_overflow(a, b, &r)) return big_op(op, a, b); return VINT(r);
    case OP_DIV:
        if (b == 0) return raise_exc(ZeroDivisionErrorT, "division by zero");
        return VFLOAT((double)a / (double)b);
    case OP_FLOORDIV: case OP_MOD: {
        if (b == 0) return raise_exc(ZeroDivisionErrorT, "integer division or modulo by zero");
        if (a == INT64_MIN && b == -1) return big_op(op, a, b);
        int64_t q = a / b, m = a % b;
        if (m != 0 && ((m < 0) != (b < 0))) { q--; m += b; }
        return VINT(op == OP_MOD ? m : q);
    }
    case OP_POW: return big_pow(a, b);
    case OP_AND: return VINT(a & b);
    case OP_OR: return VINT(a | b);
    case OP_XOR: return VINT(a ^ b);
    case OP_LSHIFT:
        if (b < 0) return raise_exc(ValueErrorT, "negative shift count");
        if (a == 0) return VINT(0);
        if (b >= 63 || (a > 0 ? a > (INT64_MAX >> b) : a < (INT64_MIN >> b))) return big_op(op, a, b);
        return VINT((int64_t)((uint64_t)a << b));
    case OP_RSHIFT:
        if (b < 0) return raise_exc(ValueErrorT, "negative shift count");
        return VINT(b >= 64 ? (a < 0 ? -1 : 0) : a >> b);
    }
    return VERR;
}

static Val float_op(int op, double a, double b, Val va, Val vb) {
    switch (op) {
    case OP_ADD: return VFLOAT(a + b);
    case OP_SUB: return VFLOAT(a - b);
    case OP_MUL: return VFLOAT(a * b);
    case OP_DIV:
        if (b == 0) return raise_exc(ZeroDivisionErrorT, "float division by zero");
        return VFLOAT(a / b);
    case OP_FLOORDIV: case OP_MOD: {
        if (b == 0) return raise_exc(ZeroDivisionErrorT, op == OP_MOD ? "float modulo" : "float floor division by zero");
        double m = fmod(a, b);
        double div = (a - m) / b;
        if (m) { if ((b < 0) != (m < 0)) { m += b; div -= 1.0; } }
        else m = copysign(0.0, b);
        if (op == OP_MOD) return VFLOAT(m);
        double fl;
        if (div) { fl = floor(div); if (div - fl > 0.5) fl += 1.0; }
        else fl = copysign(0.0, a / b);
        return VFLOAT(fl);
    }
    case OP_POW:
        if (a == 0 && b < 0) return raise_exc(ZeroDivisionErrorT, "0.0 cannot be raised to a negative power");
        if (a < 0 && b != floor(b)) return raise_exc(ValueErrorT, "complex result of float power is not supported by nd");
        {
            double r = pow(a, b);
            if (isinf(r) && isfinite(a) && isfinite(b)) return raise_exc(OverflowErrorT, "(34, 'Numerical result out of range')");
            return VFLOAT(r);
        }
    default: return unsupported(op, va, vb);
    }
}

static bool as_complex(Val v, double *re, double *im) {
    if (v.t == T_COMPLEX) { *re = ((OComplex *)v.o)->re; *im = ((OComplex *)v.o)->im; return true; }
    if (is_intlike(v)) { *re = (double)int_of(v); *im = 0; return true; }
    if (v.t == T_FLOAT) { *re = v.f; *im = 0; return true; }
    return false;
}

static Val complex_op(int op, Val va, Val vb) {
    double a, b, c, d;
    if (!as_complex(va, &a, &b) || !as_complex(vb, &c, &d)) return unsupported(op, va, vb);
    switch (op) {
    case OP_ADD: return mk_complex(a + c, b + d);
    case OP_SUB: return mk_complex(a - c, b - d);
    case OP_MUL: return mk_complex(a * c - b * d, a * d + b * c);
    case OP_DIV: {
        if (c == 0 && d == 0) return raise_exc(ZeroDivisionErrorT, "complex division by zero");
        /* Smith's algorithm, as CPython */
        if (fabs(c) >= fabs(d)) {
            double r = d / c, den = c + d * r;
            return mk_complex((a + b * r) / den, (b - a * r) / den);
        }
        double r = c / d, den = c * r + d;
        return mk_complex((a * r + b) / den, (b * r - a) / den);
    }
    case OP_POW: {
        if (c == 0 && d == 0) return mk_complex(1, 0);
        if (d == 0 && c == floor(c) && fabs(c) <= 100) {
            /* integer exponents by repeated multiplication, as CPython */
            int64_t n = (int64_t)fabs(c);
            double rr = 1, ri = 0, xr = a, xi = b;
            while (n) {
                if (n & 1) { double t = rr * xr - ri * xi; ri = rr * xi + ri * xr; rr = t; }
                double t = xr * xr - xi * xi; xi = 2 * xr * xi; xr = t;
                n >>= 1;
            }
            if (c < 0) {
                Val one = mk_complex(1, 0), den = mk_complex(rr, ri);
                Val q = complex_op(OP_DIV, one, den);
                decref(one);
                decref(den);
                return q;
            }
            return mk_complex(rr, ri);
        }
        double _Complex z = a + b * 1.0i, w = c + d * 1.0i;
        double _Complex r = __builtin_cpow(z, w);
        return mk_complex(__real__ r, __imag__ r);
    }
    default: return unsupported(op, va, vb);
    }
}

static Val seq_repeat(Val s, int64_t n) {
    if (n < 0) n = 0;
    if (s.t == T_STR || s.t == T_BYTES) {
        int64_t len = STR(s)->len;
        if (len && n > ((int64_t)1 << 40) / len) return raise_exc(MemoryErrorT, "repeated string is too long");
        char *buf = malloc((size_t)(len * n) + 1);
        if (!buf) return raise_exc(MemoryErrorT, "out of memory");
        for (int64_t i = 0; i < n; i++) memcpy(buf + i * len, STR(s)->s, (size_t)len);
        Val r = s.t == T_STR ? mk_str(buf, len * n) : mk_bytes(buf, len * n);
        free(buf);
        return r;
    }
    int64_t len = LIST(s)->n;
    if (len && n > ((int64_t)1 << 28) / len) return raise_exc(MemoryErrorT, "repeated sequence is too long");
    Val r = s.t == T_LIST ? mk_list(len * n) : mk_tuple(len * n);
    if (ISERR(r)) return r;
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < len; j++) LIST(r)->v[i * len + j] = incref(LIST(s)->v[j]);
    return r;
}

static Val seq_concat(Val a, Val b) {
    if (a.t == T_STR || a.t == T_BYTES) {
        int64_t n = STR(a)->len + STR(b)->len;
        char *buf = malloc((size_t)n + 1);
        if (!buf) return raise_exc(MemoryErrorT, "out of memory");
        memcpy(buf, STR(a)->s, (size_t)STR(a)->len);
        memcpy(buf + STR(a)->len, STR(b)->s, (size_t)STR(b)->len);
        Val r = a.t == T_STR ? mk_str(buf, n) : mk_bytes(buf, n);
        free(buf);
        return r;
    }
    int64_t na = LIST(a)->n, nb = LIST(b)->n;
    Val r = a.t == T_LIST ? mk_list(na + nb) : mk_tuple(na + nb);
    for (int64_t i = 0; i < na; i++) LIST(r)->v[i] = incref(LIST(a)->v[i]);
    for (int64_t i = 0; i < nb; i++) LIST(r)->v[na + i] = incref(LIST(b)->v[i]);
    return r;
}

/* ---------- NumPy scalar arithmetic without 0-d arrays ----------
   A float64 or int64 NumPy scalar with a Python int/float/bool or another
   such scalar: NumPy's result type here is plain (float64 if either side is
   a float, else int64) and its loops are plain C arithmetic, so these are
   computed directly.  Anything that could warn or wrap in NumPy (division
   by zero, integer overflow) takes the general ufunc path. */
typedef struct Num { bool fl; double f; int64_t i; } Num;

static bool fast_num(Val v, Num *n) {
    switch (v.t) {
    case T_INT: case T_BOOL: n->fl = false; n->i = v.i; return true;
    case T_FLOAT: n->fl = true; n->f = v.f; return true;
    case T_SCALAR:
        if (SCAL(v).type == ND_FLOAT64) { n->fl = true; n->f = SCAL(v).f; return true; }
        if (SCAL(v).type == ND_INT64) { n->fl = false; n->i = SCAL(v).i; return true; }
        return false;
    default: return false;
    }
}

static bool fast_float(int op, double x, double y, Val *out) {
    double r;
    switch (op) {
    case OP_ADD: r = x + y; break;
    case OP_SUB: r = x - y; break;
    case OP_MUL: r = x * y; break;
    case OP_DIV: if (y == 0) return false; r = x / y; break;
    case OP_FLOORDIV: case OP_MOD: {
        if (y == 0) return false;
        double m = fmod(x, y), div = (x - m) / y; /* NumPy's npy_divmod */
        if (m) { if ((y < 0) != (m < 0)) { m += y; div -= 1.0; } }
        else m = copysign(0.0, y);
        if (op == OP_MOD) { r = m; break; }
        if (div) { r = floor(div); if (div - r > 0.5) r += 1.0; }
        else r = copysign(0.0, x / y);
        break;
    }
    case OP_EQ: *out = mk_scalar(ND_BOOLV(x == y)); return true;
    case OP_NE: *out = mk_scalar(ND_BOOLV(x != y)); return true;
    case OP_LT: *out = mk_scalar(ND_BOOLV(x < y)); return true;
    case OP_LE: *out = mk_scalar(ND_BOOLV(x <= y)); return true;
    case OP_GT: *out = mk_scalar(ND_BOOLV(x > y)); return true;
    case OP_GE: *out = mk_scalar(ND_BOOLV(x >= y)); return true;
    default: return false;
    }
    *out = mk_scalar(ND_F64(r));
    return true;
}

static bool fast_int(int op, int64_t x, int64_t y, Val *out) {
    int64_t r;
    switch (op) {
    case OP_ADD: if (__builtin_add_overflow(x, y, &r)) return false; break;
    case OP_SUB: if (__builtin_sub_overflow(x, y, &r)) return false; break;
    case OP_MUL: if (__builtin_mul_overflow(x, y, &r)) return false; break;
    case OP_DIV: if (y == 0) return false; *out = mk_scalar(ND_F64((double)x / (double)y)); return true;
    case OP_FLOORDIV: case OP_MOD: {
        if (y == 0 || (x == INT64_MIN && y == -1)) return false;
        int64_t q = x / y, m = x % y;
        if (m != 0 && ((m < 0) != (y < 0))) { q--; m += y; }
        r = op == OP_MOD ? m : q;
        break;
    }
    case OP_EQ: *out = mk_scalar(ND_BOOLV(x == y)); return true;
    case OP_NE: *out = mk_scalar(ND_BOOLV(x != y)); return true;
    case OP_LT: *out = mk_scalar(ND_BOOLV(x < y)); return true;
    case OP_LE: *out = mk_scalar(ND_BOOLV(x <= y)); return true;
    case OP_GT: *out = mk_scalar(ND_BOOLV(x > y)); return true;
    case OP_GE: *out = mk_scalar(ND_BOOLV(x >= y)); return true;
    default: return false;
    }
    *out = mk_scalar(ND_I64(r));
    return true;
}

/* true with *out set when the fast path applies (a or b is a T_SCALAR). */
static bool scalar_fast(int op, Val a, Val b, Val *out) {
    Num x = {0}, y = {0};
    if (!fast_num(a, &x) || !fast_num(b, &y)) return false;
    if (!x.fl && !y.fl) return fast_int(op, x.i, y.i, out);
    return fast_float(op, x.fl ? x.f : (double)x.i, y.fl ? y.f : (double)y.i, out);
}

/* v as a complex pair (a NumPy scalar or a Python number). */
static void pair_of(Val v, double *c) {
    if (v.t == T_COMPLEX) {
        c[0] = ((OComplex *)v.o)->re;
        c[1] = ((OComplex *)v.o)->im;
    } else if (v.t == T_SCALAR) {
        nd_value x = nd_value_cast(SCAL(v), ND_COMPLEX128);
        c[0] = x.c[0];
        c[1] = x.c[1];
    } else {
        c[0] = num_d(v);
        c[1] = 0;
    }
}

/* NumPy's scalar math multiplies complex scalars as (ar*br - ai*bi) +
   (ar*bi + ai*br)i in the result's precision; its ufunc (libnd's multiply,
   which r came from) may fuse the multiply-adds.  r: the product, a NumPy
   scalar unless it failed. */
static Val complex_scalar_mul(Val r, Val a, Val b) {
    if (ISERR(r) || r.t != T_SCALAR || (SCAL(r).type != ND_COMPLEX128 && SCAL(r).type != ND_COMPLEX64)) return r;
    double x[2], y[2];
    pair_of(a, x);
    pair_of(b, y);
    nd_value v = {.type = SCAL(r).type};
    if (v.type == ND_COMPLEX64) {
        float xr = (float)x[0], xi = (float)x[1], yr = (float)y[0], yi = (float)y[1];
        v.c[0] = xr * yr - xi * yi;
        v.c[1] = xr * yi + xi * yr;
    } else {
        v.c[0] = x[0] * y[0] - x[1] * y[1];
        v.c[1] = x[0] * y[1] + x[1] * y[0];
    }
    decref(r);
    return mk_scalar(v);
}

Val binop(int op, Val a, Val b) {
    if (a.t == T_STR && op == OP_MOD) return str_mod(a, b);
    if (is_np(a) || is_np(b)) {
        Val r;
        if ((a.t == T_SCALAR || b.t == T_SCALAR) && scalar_fast(op, a, b, &r)) return r;
        r = array_binop(op, a, b, NULL);
        if (op == OP_MUL && a.t != T_ARRAY && b.t != T_ARRAY) r = complex_scalar_mul(r, a, b);
        return r;
    }
    if (is_intlike(a) && is_intlike(b)) {
        if ((op == OP_AND || op == OP_OR || op == OP_XOR) && a.t == T_BOOL && b.t == T_BOOL) {
            Val r = int_op(op, a.i, b.i);
            return VBOOL(r.i);
        }
        if (op == OP_MATMUL || op > OP_RSHIFT) return unsupported(op, a, b);
        if (a.t == T_BIG || b.t == T_BIG) return big_op(op, int_of(a), int_of(b));
        return int_op(op, a.i, b.i);
    }
    if (is_num(a) && is_num(b)) {
        if (op >= OP_MATMUL) return unsupported(op, a, b);
        return float_op(op, num_d(a), num_d(b), a, b);
    }
    if ((a.t == T_COMPLEX && (is_num(b) || b.t == T_COMPLEX)) || (b.t == T_COMPLEX && is_num(a)))
        return complex_op(op, a, b);
    if (op == OP_ADD && a.t == b.t && (a.t == T_STR || a.t == T_BYTES || a.t == T_LIST || a.t == T_TUPLE))
        return seq_concat(a, b);
    if (op == OP_ADD && (a.t == T_STR || a.t == T_LIST || a.t == T_TUPLE))
        return raise_exc(TypeErrorT, "can only concatenate %s (not \"%s\") to %s", type_name(a), type_name(b), type_name(a));
    if (op == OP_MUL && ((is_intlike(b) && (a.t == T_STR || a.t == T_BYTES || a.t == T_LIST || a.t == T_TUPLE)) ||
                         (is_intlike(a) && (b.t == T_STR || b.t == T_BYTES || b.t == T_LIST || b.t == T_TUPLE)))) {
        Val n = is_intlike(b) ? b : a;
        if (n.t == T_BIG) return raise_exc(OverflowErrorT, "cannot fit 'int' into an index-sized integer");
        return seq_repeat(is_intlike(b) ? a : b, n.i);
    }
    if (op == OP_MUL && (a.t == T_STR || a.t == T_LIST || a.t == T_TUPLE))
        return raise_exc(TypeErrorT, "can't multiply sequence by non-int of type '%s'", type_name(b));
    if (op == OP_OR && a.t == T_DICT && b.t == T_DICT) {
        Val r = mk_dict();
        for (int k = 0; k < 2; k++) {
            ODict *d = DICT(k ? b : a);
            for (int64_t i = 0; i < d->used; i++)
                if (d->e[i].k.t != T_ERR) dict_set(r, d->e[i].k, d->e[i].v);
        }
        return r;
    }
    return unsupported(op, a, b);
}

Val inplace_op(int op, Val a, Val b) {
    if (a.t == T_ARRAY) {
        Val r = array_binop(op, a, b, ARR(a));
        if (ISERR(r)) return r;
        decref(r);
        return incref(a);
    }
    if (a.t == T_LIST && op == OP_ADD) {
        Val items = to_list(b);
        if (ISERR(items)) return items;
        for (int64_t i = 0; i < LIST(items)->n; i++) list_append(a, incref(LIST(items)->v[i]));
        decref(items);
        return incref(a);
    }
    return binop(op, a, b);
}

Val unop(int op, Val a) {
    if (is_np(a)) return array_unop(op, a);
    switch (a.t) {
    case T_INT: case T_BOOL:
        if (op == OP_NEG) return a.i == INT64_MIN ? mk_int(-(i128)a.i) : VINT(-a.i);
        if (op == OP_POS) return VINT(a.i);
        if (op == OP_INVERT) return VINT(~a.i);
        break;
    case T_BIG:
        if (op == OP_NEG) return BIG(a) == I128_MIN ? big_overflow() : mk_int(-BIG(a));
        if (op == OP_POS) return incref(a);
        if (op == OP_INVERT) return mk_int(~BIG(a));
        break;
    case T_FLOAT:
        if (op == OP_NEG) return VFLOAT(-a.f);
        if (op == OP_POS) return VFLOAT(a.f);
        break;
    case T_COMPLEX:
        if (op == OP_NEG) return mk_complex(-((OComplex *)a.o)->re, -((OComplex *)a.o)->im);
        if (op == OP_POS) return incref(a);
        break;
    }
    return raise_exc(TypeErrorT, "bad operand type for unary %s: '%s'", op_symbol[op], type_name(a));
}

/* <0 a<b, 0 equal, >0 a>b; 2 = unordered (nan); -2 error */
static int order(Val a, Val b, int op) {
    if (is_intlike(a) && is_intlike(b)) {
        i128 x = int_of(a), y = int_of(b);
        return (x > y) - (x < y);
    }
    if (is_num(a) && is_num(b)) {
        if (a.t == T_FLOAT && b.t == T_FLOAT) {
            if (isnan(a.f) || isnan(b.f)) return 2;
            return (a.f > b.f) - (a.f < b.f);
        }
        /* int vs float: compare exactly, as Python does */
        double f = a.t == T_FLOAT ? a.f : b.f;
        i128 i = int_of(a.t == T_FLOAT ? b : a);
        int s;
        if (isnan(f)) return 2;
        if (f >= 1.7e38) s = -1; /* beyond every 128-bit int */
        else if (f <= -1.7e38) s = 1;
        else {
            double fl = floor(f);
            i128 fi = (i128)fl;
            s = i < fi ? -1 : i > fi ? 1 : (f > fl ? -1 : 0);
        }
        return a.t == T_FLOAT ? -s : s;
    }
    if ((a.t == T_STR && b.t == T_STR) || (a.t == T_BYTES && b.t == T_BYTES)) {
        int64_t n = STR(a)->len < STR(b)->len ? STR(a)->len : STR(b)->len;
        int c = memcmp(STR(a)->s, STR(b)->s, (size_t)n);
        if (c) return c < 0 ? -1 : 1;
        return (STR(a)->len > STR(b)->len) - (STR(a)->len < STR(b)->len);
    }
    if ((a.t == T_LIST && b.t == T_LIST) || (a.t == T_TUPLE && b.t == T_TUPLE)) {
        if (stack_exhausted()) {
            raise_exc(RecursionErrorT, "maximum recursion depth exceeded in comparison");
            return -2;
        }
        int64_t n = LIST(a)->n < LIST(b)->n ? LIST(a)->n : LIST(b)->n;
        for (int64_t i = 0; i < n; i++) {
            int e = val_eq(LIST(a)->v[i], LIST(b)->v[i]);
            if (e < 0) return -2;
            if (!e) return order(LIST(a)->v[i], LIST(b)->v[i], op);
        }
        return (LIST(a)->n > LIST(b)->n) - (LIST(a)->n < LIST(b)->n);
    }
    raise_exc(TypeErrorT, "'%s' not supported between instances of '%s' and '%s'", op_symbol[op], type_name(a),
              type_name(b));
    return -2;
}

Val compare(int op, Val a, Val b) {
    switch (op) {
    case OP_IS: return VBOOL(val_is(a, b));
    case OP_ISNOT: return VBOOL(!val_is(a, b));
    case OP_IN: return contains(b, a);
    case OP_NOTIN: {
        Val r = contains(b, a);
        if (ISERR(r)) return r;
        return VBOOL(!r.i);
    }
    }
    if (a.t == T_DTYPE || b.t == T_DTYPE) {
        if (op == OP_EQ || op == OP_NE) {
            int e = dtype_eq(a, b);
            if (e < 0) return VERR;
            return VBOOL(op == OP_EQ ? e : !e);
        }
    }
    if (is_np(a) || is_np(b)) {
        if ((op == OP_EQ || op == OP_NE) && (a.t == T_NONE || b.t == T_NONE || a.t == T_STR || b.t == T_STR) &&
            !(a.t == T_ARRAY || b.t == T_ARRAY))
            return VBOOL(op == OP_NE);
        Val r;
        if ((a.t == T_SCALAR || b.t == T_SCALAR) && scalar_fast(op, a, b, &r)) return r;
        return array_binop(op, a, b, NULL);
    }
    if (op == OP_EQ || op == OP_NE) {
        if (a.t == T_DICT && b.t == T_DICT) {
            ODict *x = DICT(a);
            bool eq = x->n == DICT(b)->n;
            for (int64_t i = 0; eq && i < x->used; i++) {
                if (x->e[i].k.t == T_ERR) continue;
                bool found;
                Val v = dict_get(b, x->e[i].k, &found);
                if (ISERR(v)) return VERR;
                int e = found ? val_eq(x->e[i].v, v) : 0;
                if (e < 0) return VERR;
                eq = e;
            }
            return VBOOL(op == OP_EQ ? eq : !eq);
        }
        if (a.t == T_COMPLEX || b.t == T_COMPLEX) {
            double ar, ai, br, bi;
            bool eq = as_complex(a, &ar, &ai) && as_complex(b, &br, &bi) && ar == br && ai == bi;
            return VBOOL(op == OP_EQ ? eq : !eq);
        }
        int e = val_eq(a, b);
        if (e < 0) return VERR;
        return VBOOL(op == OP_EQ ? e : !e);
    }
    int c = order(a, b, op);
    if (c == -2) return VERR;
    if (c == 2) return VBOOL(false);
    switch (op) {
    case OP_LT: return VBOOL(c < 0);
    case OP_LE: return VBOOL(c <= 0);
    case OP_GT: return VBOOL(c > 0);
    default: return VBOOL(c >= 0);
    }
}
