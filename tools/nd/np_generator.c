/* np_generator.c — np.random.default_rng(): NumPy's Generator on PCG64,
 * seeded through SeedSequence.  The bit stream, the seeding and every
 * sampler except the normal ones give NumPy 1.24's values bit for bit
 * (bit_generator.pyx, pcg64.h, distributions.c are the reference):
 *   SeedSequence: hashmix/mix of the seed's 32-bit words into a 4-word
 *     pool, generate_state(4, uint64) seeds PCG64 (state, increment);
 *   PCG64: 128-bit LCG, XSL-RR output; next32 halves a 64-bit draw;
 *   random: (next64 >> 11) * 2^-53; integers: Lemire's bounded method
 *     with NumPy's 8/16-bit buffering; shuffle/permutation: random_interval.
 * standard_normal/normal use the same 256-layer ziggurat and consume the
 * same stream, but NumPy's tables are literal constants from its own
 * generator script; ours are computed here at first use and differ from
 * them by up to a few hundred ulps, so normal values agree with NumPy's
 * to about 1e-13 relative, not bitwise. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "np_util.h"

typedef unsigned __int128 u128;

typedef struct Pcg {
    u128 state, inc;
    bool has32;
    uint32_t u32;
} Pcg;

static const char GENERATOR[] = "numpy.random._generator.Generator";

/* ---------- SeedSequence and PCG64 ---------- */

static uint32_t hashmix(uint32_t v, uint32_t *hc) {
    v ^= *hc;
    *hc *= 0x931e8875u;
    v *= *hc;
    return v ^ (v >> 16);
}
static uint32_t mix(uint32_t x, uint32_t y) {
    uint32_t r = 0xca01f9ddu * x - 0x4973f715u * y;
    return r ^ (r >> 16);
}

static void pcg_step(Pcg *g) {
    const u128 mult = ((u128)2549297995355413924ull << 64) | 4865540595714422341ull;
    g->state = g->state * mult + g->inc;
}
static uint64_t next64(Pcg *g) {
    pcg_step(g);
    uint64_t x = (uint64_t)(g->state >> 64) ^ (uint64_t)g->state;
    unsigned rot = (unsigned)(g->state >> 122);
    return (x >> rot) | (x << ((64 - rot) & 63));
}
static uint32_t next32(Pcg *g) {
    if (g->has32) {
        g->has32 = false;
        return g->u32;
    }
    uint64_t n = next64(g);
    g->has32 = true;
    g->u32 = (uint32_t)(n >> 32);
    return (uint32_t)n;
}
static double next_double(Pcg *g) { return (double)(next64(g) >> 11) * (1.0 / 9007199254740992.0); }

/* SeedSequence(entropy words).generate_state(4, uint64) -> PCG64's seed. */
static void pcg_seed(Pcg *g, int n, const uint32_t *ent) {
    uint32_t pool[4], hc = 0x43b0d7e5u;
    for (int i = 0; i < 4; i++) pool[i] = hashmix(i < n ? ent[i] : 0, &hc);
    for (int s = 0; s < 4; s++)
        for (int d = 0; d < 4; d++)
            if (s != d) pool[d] = mix(pool[d], hashmix(pool[s], &hc));
    for (int s = 4; s < n; s++)
        for (int d = 0; d < 4; d++) pool[d] = mix(pool[d], hashmix(ent[s], &hc));
    uint32_t w[8], hb = 0x8b51f9ddu;
    for (int i = 0; i < 8; i++) {
        uint32_t v = pool[i % 4] ^ hb;
        hb *= 0x58f38dedu;
        v *= hb;
        w[i] = v ^ (v >> 16);
    }
    uint64_t u[4];
    for (int i = 0; i < 4; i++) u[i] = (uint64_t)w[2 * i] | ((uint64_t)w[2 * i + 1] << 32);
    u128 seed = ((u128)u[0] << 64) | u[1], inc = ((u128)u[2] << 64) | u[3];
    g->state = 0;
    g->inc = (inc << 1) | 1;
    pcg_step(g);
    g->state += seed;
    pcg_step(g);
    g->has32 = false;
}

/* ---------- bounded integers (distributions.c) ---------- */

typedef struct Buf {
    uint32_t buf;
    int cnt;
} Buf;

static uint32_t lemire32(Pcg *g, uint32_t rng) {
    uint32_t excl = rng + 1;
    uint64_t m = (uint64_t)next32(g) * excl;
    uint32_t left = (uint32_t)m;
    if (left < excl) {
        uint32_t thr = (UINT32_MAX - rng) % excl;
        while (left < thr) {
            m = (uint64_t)next32(g) * excl;
            left = (uint32_t)m;
        }
    }
    return (uint32_t)(m >> 32);
}
static uint64_t lemire64(Pcg *g, uint64_t rng) {
    uint64_t excl = rng + 1;
    u128 m = (u128)next64(g) * excl;
    uint64_t left = (uint64_t)m;
    if (left < excl) {
        uint64_t thr = (UINT64_MAX - rng) % excl;
        while (left < thr) {
            m = (u128)next64(g) * excl;
            left = (uint64_t)m;
        }
    }
    return (uint64_t)(m >> 64);
}
/* 8- and 16-bit draws come `per` to a 32-bit word, low bits first. */
static uint32_t buffered(Pcg *g, Buf *b, int bits) {
    if (!b->cnt) {
        b->buf = next32(g);
        b->cnt = 32 / bits - 1;
    } else {
        b->buf >>= bits;
        b->cnt--;
    }
    return b->buf & ((1u << bits) - 1);
}
static uint32_t lemire_small(Pcg *g, uint32_t rng, Buf *b, int bits) {
    uint32_t excl = rng + 1, mask = (1u << bits) - 1;
    uint32_t m = buffered(g, b, bits) * excl, left = m & mask;
    if (left < excl) {
        uint32_t thr = (mask - rng) % excl;
        while (left < thr) {
            m = buffered(g, b, bits) * excl;
            left = m & mask;
        }
    }
    return m >> bits;
}

/* One draw in [off, off + rng] for an item of `bits` (8, 16, 32, 64). */
static uint64_t bounded(Pcg *g, uint64_t off, uint64_t rng, int bits, Buf *b) {
    if (rng == 0) return off;
    if (bits <= 16) {
        if (rng == (1u << bits) - 1) return off + buffered(g, b, bits);
        return off + lemire_small(g, (uint32_t)rng, b, bits);
    }
    if (rng <= 0xFFFFFFFFu) return off + (rng == 0xFFFFFFFFu ? next32(g) : lemire32(g, (uint32_t)rng));
    if (rng == UINT64_MAX) return off + next64(g);
    return off + lemire64(g, rng);
}

/* NumPy's random_interval: masked rejection, for shuffle/permutation. */
static uint64_t interval(Pcg *g, uint64_t max) {
    if (max == 0) return 0;
    uint64_t mask = max, v;
    for (int s = 1; s < 64; s <<= 1) mask |= mask >> s;
    if (max <= 0xFFFFFFFFu)
        while ((v = (next32(g) & mask)) > max) {}
    else
        while ((v = (next64(g) & mask)) > max) {}
    return v;
}

/* ---------- the normal ziggurat ---------- */

static _Thread_local struct {
    bool ready;
    uint64_t ki[256];
    double wi[256], fi[256];
} zig;
static const double ZIG_R = 3.6541528853610087963519472518, ZIG_INV_R = 0.27366123732975827203338247596;

/* Marsaglia and Tsang's 256 layers under exp(-x^2/2) with 52-bit mantissas;
 * v is each layer's area (tail included). */
static void zig_init(void) {
    double r = ZIG_R, fr = exp(-0.5 * r * r);
    double v = r * fr + sqrt(M_PI / 2) * erfc(r / M_SQRT2), m1 = 4503599627370496.0, q = v / fr;
    double dn = r, tn = r;
    zig.ki[0] = (uint64_t)(r / q * m1);
    zig.ki[1] = 0;
    zig.wi[0] = q / m1;
    zig.wi[255] = r / m1;
    zig.fi[0] = 1.0;
    zig.fi[255] = fr;
    for (int i = 254; i >= 1; i--) {
        dn = sqrt(-2.0 * log(v / dn + exp(-0.5 * dn * dn)));
        zig.ki[i + 1] = (uint64_t)(dn / tn * m1);
        tn = dn;
        zig.fi[i] = exp(-0.5 * dn * dn);
        zig.wi[i] = dn / m1;
    }
    zig.ready = true;
}
static double std_normal(Pcg *g) {
    if (!zig.ready) zig_init();
    for (;;) {
        uint64_t r = next64(g);
        int idx = (int)(r & 0xff);
        r >>= 8;
        int sign = (int)(r & 1);
        uint64_t rabs = (r >> 1) & 0x000fffffffffffffull;
        double x = (double)rabs * zig.wi[idx];
        if (sign) x = -x;
        if (rabs < zig.ki[idx]) return x;
        if (idx == 0) {
            for (;;) {
                double xx = -ZIG_INV_R * log1p(-next_double(g)), yy = -log1p(-next_double(g));
                if (yy + yy > xx * xx) return ((rabs >> 8) & 1) ? -(ZIG_R + xx) : ZIG_R + xx;
            }
        }
        if ((zig.fi[idx - 1] - zig.fi[idx]) * next_double(g) + zig.fi[idx] < exp(-0.5 * x * x)) return x;
    }
}

/* ---------- the Generator object ---------- */

static Pcg *gen_of(Val self) { return (Pcg *)(intptr_t)((OMisc *)self.o)->a.i; }
bool is_generator(Val v) { return v.t == T_MISC && ((OMisc *)v.o)->kind == GENERATOR; }
void generator_free(Val v) { free(gen_of(v)); }

static int size_of(Val v, int *nd, int64_t *shape) {
    *nd = 0;
    if (!HAS(v) || v.t == T_NONE) return 0;
    return parse_shape(v, nd, shape);
}
/* size None: a NumPy scalar of the result (NumPy returns Python floats for
 * random/uniform/normal, which print the same). */
static Val result(nd_array *r, Val size, bool pyfloat) {
    if (!r) return raise_nd();
    if (HAS(size) && size.t != T_NONE) return mk_array(r);
    if (pyfloat) {
        nd_value v;
        nd_item(r, INT64_MIN, &v);
        nd_release(r);
        return value_to_py(v);
    }
    return array_wrap0(r);
}
static nd_array *new_f64(int nd, const int64_t *shape) { return nd_empty(nd, shape, nd_dtype_of(ND_FLOAT64), 'C'); }

static Val g_random(Val self, int argc, Val *argv, Kw *kw) {
    ARGS("random", "|size,dtype,out");
    const nd_dtype *dt;
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (size_of(p[0], &nd, shape) < 0 || opt_dtype(p[1], &dt) < 0) return VERR;
    nd_type t = dt ? nd_dtype_type(dt) : ND_FLOAT64;
    nd_dtype_release(dt);
    if (t != ND_FLOAT64 && t != ND_FLOAT32) return raise_exc(TypeErrorT, "Unsupported dtype %s for random", "requested");
    if (HAS(p[2]) && p[2].t != T_NONE) return raise_exc(NotImplementedErrorT, "Generator.random(out=) is not supported by nd");
    nd_array *r = nd_empty(nd, shape, nd_dtype_of(t), 'C');
    if (!r) return raise_nd();
    Pcg *g = gen_of(self);
    int64_t n = nd_size(r);
    if (t == ND_FLOAT64)
        for (int64_t i = 0; i < n; i++) ((double *)nd_data(r))[i] = next_double(g);
    else
        for (int64_t i = 0; i < n; i++) ((float *)nd_data(r))[i] = (float)(next32(g) >> 8) * (1.0f / 16777216.0f);
    return result(r, p[0], t == ND_FLOAT64);
}

static Val g_integers(Val self, int argc, Val *argv, Kw *kw) {
    ARGS("integers", "low|high,size,dtype,endpoint");
    if (p[0].t == T_ARRAY || p[0].t == T_LIST || (HAS(p[1]) && (p[1].t == T_ARRAY || p[1].t == T_LIST)))
        return raise_exc(NotImplementedErrorT, "Generator.integers with array bounds is not supported by nd");
    const nd_dtype *dt;
    if (opt_dtype(p[3], &dt) < 0) return VERR;
    nd_type t = dt ? nd_dtype_type(dt) : ND_INT64;
    nd_dtype_release(dt);
    if (t != ND_BOOL && nd_dtype_kind(nd_dtype_of(t)) != 'i' && nd_dtype_kind(nd_dtype_of(t)) != 'u')
        return raise_exc(TypeErrorT, "Unsupported dtype %s for integers", nd_dtype_name(nd_dtype_of(t)));
    i128 lo, hi;
    int64_t x;
    bool closed = opt_truth(p[4], 0);
    Val lov = p[0], hiv = HAS(p[1]) && p[1].t != T_NONE ? p[1] : VNONE;
    if (hiv.t == T_NONE) {
        hiv = lov;
        lov = VINT(0);
    }
    for (int k = 0; k < 2; k++) {
        Val v = k ? hiv : lov;
        i128 *o = k ? &hi : &lo;
        if (v.t == T_BIG) *o = BIG(v);
        else if (to_int64(v, &x, NULL) < 0) return VERR;
        else *o = x;
    }
    const nd_dtype *d = nd_dtype_of(t);
    int bits = t == ND_BOOL ? 1 : (int)nd_dtype_itemsize(d) * 8;
    bool sgn = nd_dtype_kind(d) == 'i';
    i128 lmin = t == ND_BOOL ? 0 : sgn ? -((i128)1 << (bits - 1)) : 0;
    i128 lmax = t == ND_BOOL ? 1 : sgn ? ((i128)1 << (bits - 1)) - 1 : ((i128)1 << bits) - 1;
    const char *nm = nd_dtype_name(d);
    if (lo < lmin) return raise_exc(ValueErrorT, "low is out of bounds for %s", nm);
    if (!closed) {
        if (hi > lmax + 1) return raise_exc(ValueErrorT, "high is out of bounds for %s", nm);
        if (lo >= hi) return raise_exc(ValueErrorT, "low >= high");
        hi -= 1;
    } else {
        if (hi > lmax) return raise_exc(ValueErrorT, "high is out of bounds for %s", nm);
        if (lo > hi) return raise_exc(ValueErrorT, "low > high");
    }
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (size_of(p[2], &nd, shape) < 0) return VERR;
    nd_array *r = nd_empty(nd, shape, d, 'C');
    if (!r) return raise_nd();
    Pcg *g = gen_of(self);
    uint64_t rng = (uint64_t)(hi - lo), off = (uint64_t)lo;
    int64_t n = nd_size(r);
    Buf b = {0, 0};
    char *out = nd_data(r);
    for (int64_t i = 0; i < n; i++) {
        if (t == ND_BOOL) { /* buffered_bounded_bool: one bit per draw */
            bool v = (bool)off;
            if (rng) {
                if (!b.cnt) {
                    b.buf = next32(g);
                    b.cnt = 31;
                } else {
                    b.buf >>= 1;
                    b.cnt--;
                }
                v = b.buf & 1;
            }
            out[i] = v;
            continue;
        }
        uint64_t v = bounded(g, off, rng, bits < 32 ? bits : bits == 32 ? 32 : 64, &b);
        switch (bits) {
        case 8: ((uint8_t *)out)[i] = (uint8_t)v; break;
        case 16: ((uint16_t *)out)[i] = (uint16_t)v; break;
        case 32: ((uint32_t *)out)[i] = (uint32_t)v; break;
        default: ((uint64_t *)out)[i] = v; break;
        }
    }
    return result(r, p[2], false);
}

static Val g_uniform_normal(Val self, int argc, Val *argv, Kw *kw, bool normal) {
    ARGS(normal ? "normal" : "uniform", normal ? "|loc,scale,size" : "|low,high,size");
    double a = normal ? 0 : 0, b = 1;
    if ((HAS(p[0]) && p[0].t != T_NONE && to_double(p[0], &a) < 0) ||
        (HAS(p[1]) && p[1].t != T_NONE && to_double(p[1], &b) < 0)) {
        exc_clear();
        return raise_exc(NotImplementedErrorT, "Generator.%s with array parameters is not supported by nd",
                         normal ? "normal" : "uniform");
    }
    if (normal && (b < 0 || signbit(b))) return raise_exc(ValueErrorT, "scale < 0");
    double range = b - a;
    if (!normal && !isfinite(range)) return raise_exc(OverflowErrorT, "high - low range exceeds valid bounds");
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (size_of(p[2], &nd, shape) < 0) return VERR;
    nd_array *r = new_f64(nd, shape);
    if (!r) return raise_nd();
    Pcg *g = gen_of(self);
    double *o = nd_data(r);
    for (int64_t i = 0, n = nd_size(r); i < n; i++) o[i] = normal ? a + b * std_normal(g) : a + range * next_double(g);
    return result(r, p[2], true);
}
static Val g_uniform(Val self, int argc, Val *argv, Kw *kw) { return g_uniform_normal(self, argc, argv, kw, false); }
static Val g_normal(Val self, int argc, Val *argv, Kw *kw) { return g_uniform_normal(self, argc, argv, kw, true); }

static Val g_standard_normal(Val self, int argc, Val *argv, Kw *kw) {
    ARGS("standard_normal", "|size,dtype,out");
    const nd_dtype *dt;
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (size_of(p[0], &nd, shape) < 0 || opt_dtype(p[1], &dt) < 0) return VERR;
    nd_type t = dt ? nd_dtype_type(dt) : ND_FLOAT64;
    nd_dtype_release(dt);
    if (t != ND_FLOAT64) return raise_exc(NotImplementedErrorT, "Generator.standard_normal(dtype=%s) is not supported by nd", nd_dtype_name(nd_dtype_of(t)));
    nd_array *r = new_f64(nd, shape);
    if (!r) return raise_nd();
    Pcg *g = gen_of(self);
    double *o = nd_data(r);
    for (int64_t i = 0, n = nd_size(r); i < n; i++) o[i] = std_normal(g);
    return result(r, p[0], true);
}

/* Generator.shuffle: rows swapped from the last, j = random_interval(i). */
static int shuffle_rows(Pcg *g, nd_array *a) {
    if (!(nd_flags(a) & ND_WRITEABLE)) return raise_exc(ValueErrorT, "array is read-only"), -1;
    if (nd_ndim(a) == 0) return raise_exc(ValueErrorT, "axis 0 is out of bounds for array of dimension 0"), -1;
    int64_t n = nd_shape(a)[0];
    if (nd_size(a) == 0) return 0;
    for (int64_t i = n - 1; i >= 1; i--) {
        int64_t j = (int64_t)interval(g, (uint64_t)i);
        if (i == j) continue;
        nd_idx ii = ND_I(i), jj = ND_I(j);
        nd_array *ri = nd_subscript(a, 1, &ii), *rj = nd_subscript(a, 1, &jj);
        nd_array *tmp = rj ? nd_copy(rj, 'K') : NULL;
        int rc = (!ri || !rj || !tmp || nd_copyto(rj, ri, ND_CAST_UNSAFE) < 0 || nd_copyto(ri, tmp, ND_CAST_UNSAFE) < 0) ? -1 : 0;
        nd_release(ri);
        nd_release(rj);
        nd_release(tmp);
        if (rc) return raise_nd(), -1;
    }
    return 0;
}
static Val g_shuffle(Val self, int argc, Val *argv, Kw *kw) {
    ARGS("shuffle", "x|axis");
    if (p[0].t != T_ARRAY) return raise_exc(NotImplementedErrorT, "Generator.shuffle of a list is not supported by nd");
    if (HAS(p[1]) && !(p[1].t == T_INT && p[1].i == 0)) return raise_exc(NotImplementedErrorT, "Generator.shuffle(axis=) is not supported by nd");
    return shuffle_rows(gen_of(self), ARR(p[0])) < 0 ? VERR : VNONE;
}
static Val g_permutation(Val self, int argc, Val *argv, Kw *kw) {
    ARGS("permutation", "x|axis");
    if (HAS(p[1]) && !(p[1].t == T_INT && p[1].i == 0)) return raise_exc(NotImplementedErrorT, "Generator.permutation(axis=) is not supported by nd");
    nd_array *arr;
    if (p[0].t == T_INT) {
        arr = nd_arange(0, (double)p[0].i, 1, nd_dtype_of(ND_INT64));
    } else {
        GET_ND(a, oa, p[0]);
        if (nd_ndim(a) == 0) {
            DROP(a, oa);
            return raise_exc(IndexErrorT, "x must be an integer or at least 1-dimensional");
        }
        arr = nd_copy(a, 'K');
        DROP(a, oa);
    }
    if (!arr) return raise_nd();
    if (shuffle_rows(gen_of(self), arr) < 0) {
        nd_release(arr);
        return VERR;
    }
    return mk_array(arr);
}
static Val g_choice(Val self, int argc, Val *argv, Kw *kw) {
    ARGS("choice", "a|size,replace,p,axis,shuffle");
    Val args[7] = {self, p[0], HAS(p[1]) ? p[1] : VNONE, VBOOL(opt_truth(p[2], 1)), HAS(p[3]) ? p[3] : VNONE,
                   HAS(p[4]) ? p[4] : VINT(0), VBOOL(opt_truth(p[5], 1))};
    return np_prelude_call("_gen_choice", 7, args);
}

static const struct {
    const char *name;
    BFn fn;
} gfns[] = {{"random", g_random},   {"integers", g_integers},       {"uniform", g_uniform},
            {"normal", g_normal},   {"standard_normal", g_standard_normal}, {"shuffle", g_shuffle},
            {"permutation", g_permutation}, {"choice", g_choice},   {NULL, NULL}};

Val generator_getattr(Val v, const char *name, bool *found) {
    *found = false;
    for (int i = 0; gfns[i].name; i++)
        if (!strcmp(gfns[i].name, name)) {
            *found = true;
            return mk_builtin(gfns[i].name, gfns[i].fn, v);
        }
    return VNONE;
}

/* default_rng(seed): an int (any size: its 32-bit words, low first), a
 * sequence of ints, or None (fresh OS entropy). */
static Val g_default_rng(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("default_rng", "|seed");
    uint32_t words[64];
    int n = 0;
    Val s = HAS(p[0]) ? p[0] : VNONE;
    if (is_generator(s)) return incref(s);
    if (s.t == T_NONE) {
        if (getrandom(words, sizeof(uint32_t) * 4, 0) != (ssize_t)(sizeof(uint32_t) * 4)) {
            words[0] = (uint32_t)time(NULL);
            words[1] = (uint32_t)clock();
            words[2] = words[3] = 0;
        }
        n = 4;
    } else {
        Val l = (s.t == T_LIST || s.t == T_TUPLE || s.t == T_ARRAY) ? to_list(s) : VNONE;
        if (ISERR(l)) return l;
        int64_t cnt = l.t == T_NONE ? 1 : LIST(l)->n;
        for (int64_t k = 0; k < cnt; k++) {
            Val e = l.t == T_NONE ? s : LIST(l)->v[k];
            i128 x;
            int64_t xi;
            if (e.t == T_BIG) x = BIG(e);
            else if (e.t == T_FLOAT || (e.t == T_SCALAR && nd_dtype_kind(nd_dtype_of(SCAL(e).type)) == 'f')) {
                Val rs = val_repr(e);
                decref(l);
                if (ISERR(rs)) return rs;
                Val r = raise_exc(TypeErrorT, "SeedSequence expects int or sequence of ints for entropy not %s", STR(rs)->s);
                decref(rs);
                return r;
            } else if (to_int64(e, &xi, NULL) < 0) {
                decref(l);
                return VERR;
            } else x = xi;
            if (x < 0) {
                decref(l);
                return raise_exc(ValueErrorT, "expected non-negative integer");
            }
            do {
                if (n == 64) {
                    decref(l);
                    return raise_exc(NotImplementedErrorT, "a seed of more than 2048 bits is not supported by nd");
                }
                words[n++] = (uint32_t)x;
                x >>= 32;
            } while (x > 0);
        }
        decref(l);
    }
    Pcg *g = malloc(sizeof *g);
    if (!g) return raise_exc(MemoryErrorT, "default_rng: out of memory");
    pcg_seed(g, n, words);
    return mk_misc(GENERATOR, (Val){.t = T_INT, .i = (int64_t)(intptr_t)g}, VNONE);
}

void np_generator_install(Val mod, PutFn put) { put(mod, "default_rng", mk_builtin("default_rng", g_default_rng, VNONE)); }
