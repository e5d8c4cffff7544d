/* format.c — NumPy's float printing and str() of one scalar value.
 *
 * Floats are printed with the Dragon4 algorithm (Steele & White, Burger &
 * Dybvig) exactly as NumPy 1.24's dragon4.c runs it: shortest digits that
 * identify the value among its neighbours of the same type (so float16
 * and float32 get their own, shorter, digits), with NumPy's cutoffs, its
 * round-half-even tie rule and its positional / scientific layouts.  A
 * round-trip search through printf would differ on ties and power-of-two
 * boundaries, so the bignum arithmetic is done here. */
#include "nd_internal.h"

#include <math.h>
#include <stdio.h>

/* ---- a small fixed-size bignum ---- */

/* binary64 needs about 1130 bits (2^1076 scale for subnormals times
 * 10^323); 64 blocks leave room for the x10 and x2 steps. */
#define BN_BLOCKS 64

typedef struct bn {
    int len;                /* used blocks; 0 means zero */
    uint32_t b[BN_BLOCKS];  /* little-endian 32-bit blocks */
} bn;

static void bn_set(bn *x, uint64_t v) {
    x->b[0] = (uint32_t)v;
    x->b[1] = (uint32_t)(v >> 32);
    x->len = x->b[1] ? 2 : x->b[0] ? 1 : 0;
}

static void bn_shl(bn *x, int shift) {
    if (x->len == 0 || shift == 0) return;
    int blocks = shift / 32, bits = shift % 32;
    assert(x->len + blocks + 1 <= BN_BLOCKS);
    x->b[x->len + blocks] = 0;
    for (int i = x->len - 1; i >= 0; i--) {
        uint64_t w = (uint64_t)x->b[i] << bits;
        x->b[i + blocks + 1] |= (uint32_t)(w >> 32);
        x->b[i + blocks] = (uint32_t)w;
    }
    for (int i = 0; i < blocks; i++) x->b[i] = 0;
    x->len += blocks + 1;
    while (x->len > 0 && x->b[x->len - 1] == 0) x->len--;
}

static void bn_pow2(bn *x, int n) {
    bn_set(x, 1);
    bn_shl(x, n);
}

static void bn_mul_small(bn *x, uint32_t m) {
    uint64_t carry = 0;
    for (int i = 0; i < x->len; i++) {
        uint64_t p = (uint64_t)x->b[i] * m + carry;
        x->b[i] = (uint32_t)p;
        carry = p >> 32;
    }
    if (carry) {
        assert(x->len < BN_BLOCKS);
        x->b[x->len++] = (uint32_t)carry;
    }
}

static void bn_mul_pow10(bn *x, int n) {
    static const uint32_t p10[10] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
                                     1000000000};
    for (; n >= 9; n -= 9) bn_mul_small(x, p10[9]);
    if (n > 0) bn_mul_small(x, p10[n]);
}

static int bn_cmp(const bn *x, const bn *y) {
    if (x->len != y->len) return x->len < y->len ? -1 : 1;
    for (int i = x->len - 1; i >= 0; i--)
        if (x->b[i] != y->b[i]) return x->b[i] < y->b[i] ? -1 : 1;
    return 0;
}

static void bn_add(bn *r, const bn *x, const bn *y) {
    const bn *lo = x->len < y->len ? x : y, *hi = x->len < y->len ? y : x;
    uint64_t carry = 0;
    int i = 0;
    for (; i < hi->len; i++) {
        uint64_t s = (uint64_t)hi->b[i] + (i < lo->len ? lo->b[i] : 0) + carry;
        r->b[i] = (uint32_t)s;
        carry = s >> 32;
    }
    if (carry) {
        assert(i < BN_BLOCKS);
        r->b[i++] = 1;
    }
    r->len = i;
}

/* x -= y, for x >= y. */
static void bn_sub(bn *x, const bn *y) {
    uint64_t borrow = 0;
    for (int i = 0; i < x->len; i++) {
        uint64_t d = (uint64_t)x->b[i] - (i < y->len ? y->b[i] : 0) - borrow;
        x->b[i] = (uint32_t)d;
        borrow = (d >> 32) & 1;
    }
    while (x->len > 0 && x->b[x->len - 1] == 0) x->len--;
}

/* The next digit: x / s (at most 9, as x < 10 s), leaving the remainder. */
static unsigned bn_digit(bn *x, const bn *s) {
    unsigned q = 0;
    while (bn_cmp(x, s) >= 0) {
        bn_sub(x, s);
        q++;
    }
    return q;
}

/* ---- Dragon4 ---- */

/* value = mant * 2^exp; mbit is the index of mant's highest set bit;
 * unequal: the gap to the next lower float is half the gap above (an
 * exact power of two that is not the smallest normal). */
typedef struct d4_in {
    uint64_t mant;
    int exp, mbit;
    bool unequal;
} d4_in;

#define D4_MAXDIG 800 /* digits; NumPy's own buffer bound is larger but never reached in unique mode */

/* The scaled state: value = val/scale, and the half-gaps to the
 * neighbouring floats are mlow/scale and mhigh/scale (mhigh is used only
 * when the margins are unequal; it is then 2*mlow). */
typedef struct d4 {
    bn val, scale, mlow, mhigh;
} d4;

/* Scale the value for digit extraction; returns dexp with the first digit
 * at 10^(dexp-1).  NumPy clamps dexp up to the fractional cutoff so that
 * tiny values print as leading zeros rounded at the cutoff. */
static int d4_start(d4 *s, const d4_in *in, bool fractional, int cut_max) {
    int k = in->unequal ? 2 : 1;
    bn_set(&s->val, in->mant);
    if (in->exp > 0) {
        bn_shl(&s->val, in->exp + k);
        bn_set(&s->scale, (uint64_t)1 << k);
        bn_pow2(&s->mlow, in->exp);
    } else {
        bn_shl(&s->val, k);
        bn_pow2(&s->scale, -in->exp + k);
        bn_set(&s->mlow, 1);
    }
    // Estimate of floor(log10(v)) + 1, correct or one too low.
    int dexp = (int)ceil((double)(in->mbit + in->exp) * 0.30102999566398119521373889472449 - 0.69);
    if (cut_max >= 0 && fractional && dexp <= -cut_max) dexp = -cut_max + 1;
    if (dexp > 0) {
        bn_mul_pow10(&s->scale, dexp);
    } else if (dexp < 0) {
        bn_mul_pow10(&s->val, -dexp);
        bn_mul_pow10(&s->mlow, -dexp);
    }
    if (bn_cmp(&s->val, &s->scale) >= 0) {
        dexp++;
    } else {
        bn_mul_small(&s->val, 10);
        bn_mul_small(&s->mlow, 10);
    }
    if (in->unequal) {
        s->mhigh = s->mlow;
        bn_shl(&s->mhigh, 1);
    }
    return dexp;
}

/* Write digit+1 as the last digit of out[0..n), carrying through nines
 * (all nines become "1" one decade up).  Returns the new length. */
static int round_up(char *out, int n, unsigned digit, int *pexp) {
    if (digit < 9) {
        out[n++] = (char)('0' + digit + 1);
        return n;
    }
    for (;;) {
        if (n == 0) {
            out[0] = '1';
            *pexp += 1;
            return 1;
        }
        n--;
        if (out[n] != '9') {
            out[n]++;
            return n + 1;
        }
    }
}

/* Shortest unique digits of the value, cut off after cut_max digits
 * (counted after the point when fractional, else in total) and continued
 * to at least cut_min digits; -1 disables either cutoff.  Writes the
 * digits (no point, no NUL) and the decimal exponent of the first one. */
static int dragon4(const d4_in *in, bool fractional, int cut_max, int cut_min, char *out, int *pexp) {
    if (in->mant == 0) {
        out[0] = '0';
        *pexp = 0;
        return 1;
    }
    d4 s;
    bn tmp;
    const bn *mhigh = in->unequal ? &s.mhigh : &s.mlow;
    bool even = (in->mant & 1) == 0;
    int dexp = d4_start(&s, in, fractional, cut_max);
    int cmax = dexp - D4_MAXDIG, cmin = dexp;
    if (cut_max >= 0) {
        int d = fractional ? -cut_max : dexp - cut_max;
        if (d > cmax) cmax = d;
    }
    if (cut_min >= 0) {
        int d = fractional ? -cut_min : dexp - cut_min;
        if (d < cmin) cmin = d;
    }
    *pexp = dexp - 1;

    int n = 0;
    unsigned digit;
    bool low, high;
    for (;;) {
        dexp--;
        digit = bn_digit(&s.val, &s.scale);
        bn_add(&tmp, &s.val, mhigh);
        // Stop once rounding down or up would still read back as this
        // value (margins inclusive for even mantissas, as IEEE rounds).
        int c = bn_cmp(&s.val, &s.mlow);
        low = even ? c <= 0 : c < 0;
        c = bn_cmp(&tmp, &s.scale);
        high = even ? c >= 0 : c > 0;
        if (((low || high) && dexp <= cmin) || dexp == cmax || n == D4_MAXDIG - 1) break;
        out[n++] = (char)('0' + digit);
        bn_mul_small(&s.val, 10);
        bn_mul_small(&s.mlow, 10);
        if (in->unequal) bn_mul_small(&s.mhigh, 10);
    }
    bool round_down = low;
    if (low == high) { // both or neither allowed: round to nearest, ties to even
        bn_shl(&s.val, 1);
        int c = bn_cmp(&s.val, &s.scale);
        round_down = c < 0 || (c == 0 && (digit & 1) == 0);
    }
    if (!round_down) return round_up(out, n, digit, pexp);
    out[n++] = (char)('0' + digit);
    return n;
}

/* ---- layouts (NumPy's FormatPositional / FormatScientific) ---- */

typedef struct obuf {
    char *s;
    int pos;
} obuf;

/* Appends stop one short of the end, as NumPy's do: output is truncated,
 * never overrun (no formatter asks for that much). */
static void oput(obuf *o, char c) {
    if (o->pos < ND_FLTBUF - 1) o->s[o->pos++] = c;
}

static void oputn(obuf *o, char c, int n) {
    for (; n > 0; n--) oput(o, c);
}

static void pad_front(obuf *o, int shift) {
    if (shift <= 0) return;
    if (o->pos + shift > ND_FLTBUF - 1) shift = ND_FLTBUF - 1 - o->pos;
    memmove(o->s + shift, o->s, (size_t)o->pos);
    memset(o->s, ' ', (size_t)shift);
    o->pos += shift;
}

static void fmt_positional(obuf *o, const d4_in *in, char signch, const nd_fltfmt *f) {
    char dig[D4_MAXDIG];
    int pexp, nd = dragon4(in, f->fractional, f->precision, f->min_digits, dig, &pexp);
    int has_sign = signch != 0, whole, nfrac = 0;
    if (has_sign) oput(o, signch);
    if (pexp >= 0) {
        whole = pexp + 1;
        for (int i = 0; i < nd && i < whole; i++) oput(o, dig[i]);
        if (nd <= whole) {
            oputn(o, '0', whole - nd);
        } else {
            oput(o, '.');
            for (int i = whole; i < nd; i++) oput(o, dig[i]);
            nfrac = nd - whole;
        }
    } else {
        int zeros = -(pexp + 1);
        oput(o, '0');
        oput(o, '.');
        oputn(o, '0', zeros);
        for (int i = 0; i < nd; i++) oput(o, dig[i]);
        nfrac = zeros + nd;
        whole = 1;
    }
    if (f->trim != ND_TRIM_POINT && nfrac == 0) oput(o, '.');
    int want = f->min_digits < 0 ? 0 : f->min_digits;
    if (!f->fractional) want = f->min_digits - whole;
    if (f->trim == ND_TRIM_ONE_ZERO) {
        if (nfrac == 0) {
            oput(o, '0');
            nfrac++;
        }
    } else if (f->trim == ND_TRIM_KEEP && want > nfrac) {
        oputn(o, '0', want - nfrac);
        nfrac = want;
    }
    if (f->trim != ND_TRIM_KEEP && nfrac > 0) { // rounding may leave trailing zeros
        while (o->s[o->pos - 1] == '0') {
            o->pos--;
            nfrac--;
        }
        if (o->s[o->pos - 1] == '.') {
            if (f->trim == ND_TRIM_ONE_ZERO) {
                oput(o, '0');
                nfrac++;
            } else if (f->trim == ND_TRIM_POINT) {
                o->pos--;
            }
        }
    }
    if (f->pad_right >= nfrac) {
        if (f->trim == ND_TRIM_POINT && nfrac == 0) oput(o, ' ');
        oputn(o, ' ', f->pad_right - nfrac);
    }
    pad_front(o, f->pad_left - (whole + has_sign));
}

static void fmt_scientific(obuf *o, const d4_in *in, char signch, const nd_fltfmt *f) {
    char dig[D4_MAXDIG];
    int lead = 1 + (signch != 0);
    if (f->pad_left > lead) oputn(o, ' ', f->pad_left - lead);
    if (signch) oput(o, signch);
    int pexp, nd = dragon4(in, false, f->precision < 0 ? -1 : f->precision + 1,
                           f->min_digits < 0 ? -1 : f->min_digits + 1, dig, &pexp);
    oput(o, dig[0]);
    int nfrac = nd - 1;
    if (nfrac > 0) {
        oput(o, '.');
        for (int i = 1; i < nd; i++) oput(o, dig[i]);
    }
    if (f->trim != ND_TRIM_POINT && nfrac == 0) oput(o, '.');
    int want = f->min_digits < 0 ? 0 : f->min_digits;
    if (f->trim == ND_TRIM_ONE_ZERO) {
        if (nfrac == 0) {
            oput(o, '0');
            nfrac++;
        }
    } else if (f->trim == ND_TRIM_KEEP && want > nfrac) {
        oputn(o, '0', want - nfrac);
        nfrac = want;
    }
    if (f->trim != ND_TRIM_KEEP && nfrac > 0) {
        while (o->s[o->pos - 1] == '0') {
            o->pos--;
            nfrac--;
        }
        if (f->trim == ND_TRIM_ONE_ZERO && o->s[o->pos - 1] == '.') oput(o, '0');
    }
    int ed = f->exp_digits < 0 ? 2 : f->exp_digits > 5 ? 5 : f->exp_digits;
    char ebuf[16];
    snprintf(ebuf, sizeof ebuf, "e%c%0*d", pexp < 0 ? '-' : '+', ed, pexp < 0 ? -pexp : pexp);
    for (const char *p = ebuf; *p; p++) oput(o, *p);
}

/* Split x (rounded to type t) into sign, class and Dragon4 input.
 * Returns 0 finite, 1 infinity, 2 nan. */
static int decompose(double x, nd_type t, bool *neg, d4_in *in) {
    uint64_t man;
    int ex, mbits, bias, emax;
    if (t == ND_FLOAT16) {
        uint16_t h = nd__double_to_half(x);
        *neg = h >> 15;
        ex = (h >> 10) & 0x1f;
        man = h & 0x3ff;
        mbits = 10, bias = 15, emax = 0x1f;
    } else if (t == ND_FLOAT32) {
        float f = (float)x;
        uint32_t u;
        memcpy(&u, &f, 4);
        *neg = u >> 31;
        ex = (u >> 23) & 0xff;
        man = u & 0x7fffff;
        mbits = 23, bias = 127, emax = 0xff;
    } else {
        uint64_t u;
        memcpy(&u, &x, 8);
        *neg = u >> 63;
        ex = (int)((u >> 52) & 0x7ff);
        man = u & 0xfffffffffffffull;
        mbits = 52, bias = 1023, emax = 0x7ff;
    }
    if (ex == emax) return man ? 2 : 1;
    if (ex != 0) {
        in->mant = man | (uint64_t)1 << mbits;
        in->exp = ex - bias - mbits;
        in->mbit = mbits;
        in->unequal = ex != 1 && man == 0;
    } else {
        in->mant = man;
        in->exp = 1 - bias - mbits;
        in->mbit = man ? 63 - __builtin_clzll(man) : 0;
        in->unequal = false;
    }
    return 0;
}

int nd__format_float(char *buf, double x, nd_type t, const nd_fltfmt *f) {
    obuf o = {buf, 0};
    bool neg;
    d4_in in;
    int cls = decompose(x, t, &neg, &in);
    char signch = neg ? '-' : f->sign ? '+' : 0;
    if (cls == 2) { // nan: never signed, never padded (NumPy's PrintInfNan)
        memcpy(buf, "nan", 4);
        return 3;
    }
    if (cls == 1) {
        if (signch) oput(&o, signch);
        oput(&o, 'i');
        oput(&o, 'n');
        oput(&o, 'f');
    } else if (f->scientific) {
        fmt_scientific(&o, &in, signch, f);
    } else {
        fmt_positional(&o, &in, signch, f);
    }
    buf[o.pos] = 0;
    return o.pos;
}

/* ---- str() of a scalar ---- */

/* NumPy's floattype_str: positional between 1e-4 and 1e16 (and for zero
 * and nan), else scientific. */
static void float_either(char *buf, double x, nd_type t, nd_trim tpos, nd_trim tsci, bool sign) {
    double ax = fabs(x);
    bool positional = isnan(x) || x == 0 || (ax < 1e16 && ax >= 1e-4);
    nd_fltfmt f = {.scientific = !positional, .fractional = false, .sign = sign,
                   .trim = positional ? tpos : tsci, .precision = -1, .min_digits = -1,
                   .pad_left = -1, .pad_right = -1, .exp_digits = -1};
    nd__format_float(buf, x, t, &f);
}

static void complex_str(nd_sbuf *sb, nd_value v, nd_type ft) {
    char re[ND_FLTBUF], im[ND_FLTBUF];
    double r = v.c[0], i = v.c[1];
    if (ft == ND_FLOAT32) {
        r = (float)r;
        i = (float)i;
    }
    if (r == 0 && !signbit(r)) { // a pure imaginary prints bare: "1j", "0j"
        float_either(im, i, ft, ND_TRIM_POINT, ND_TRIM_POINT, false);
        nd__sb_printf(sb, "%sj", im);
        return;
    }
    if (isfinite(r))
        float_either(re, r, ft, ND_TRIM_POINT, ND_TRIM_POINT, false);
    else
        strcpy(re, isnan(r) ? "nan" : r > 0 ? "inf" : "-inf");
    if (isfinite(i))
        float_either(im, i, ft, ND_TRIM_POINT, ND_TRIM_POINT, true);
    else
        strcpy(im, isnan(i) ? "+nan" : i > 0 ? "+inf" : "-inf");
    nd__sb_printf(sb, "(%s%sj)", re, im);
}

char *nd_value_str(nd_value v, nd_type t) {
    nd_sbuf sb = {0};
    if ((unsigned)t >= ND_NTYPES) {
        nd__err(ND_EVALUE, "invalid type %d", (int)t);
        return NULL;
    }
    v = nd_value_cast(v, t);
    // A value already tagged t may still hold more precision than t has.
    if (t == ND_FLOAT32) v.f = (float)v.f;
    if (t == ND_FLOAT16) v.f = nd__half_to_double(nd__double_to_half(v.f));
    switch (t) {
    case ND_BOOL: nd__sb_puts(&sb, v.b ? "True" : "False"); break;
    case ND_INT8: case ND_INT16: case ND_INT32: case ND_INT64:
        nd__sb_printf(&sb, "%lld", (long long)v.i);
        break;
    case ND_UINT8: case ND_UINT16: case ND_UINT32: case ND_UINT64:
        nd__sb_printf(&sb, "%llu", (unsigned long long)v.u);
        break;
    case ND_FLOAT16: case ND_FLOAT32: case ND_FLOAT64: {
        char buf[ND_FLTBUF];
        float_either(buf, v.f, t, ND_TRIM_ONE_ZERO, ND_TRIM_POINT, false);
        nd__sb_puts(&sb, buf);
    } break;
    default: complex_str(&sb, v, t == ND_COMPLEX64 ? ND_FLOAT32 : ND_FLOAT64); break;
    }
    return nd__sb_finish(&sb);
}
