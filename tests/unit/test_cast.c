/* test_cast.c — the typed cast loops (kern/cast.c) against NumPy 1.24.
 *
 * Expected values come from cast_cases.h (gen_cast_cases.py): NumPy's
 * bytes for probe values, and hashes of NumPy's casts over large
 * structured input sets that build_set() below rebuilds bit for bit. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "cast_cases.h"
#include "nd_internal.h"

#define NT ND_NTYPES

static const nd_dtype *dt_of(int t, bool swapped) { return nd__dtype_builtin((nd_type)t, swapped); }
static int64_t isz(int t) { return nd_dtype_itemsize(dt_of(t, false)); }

static void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    assert_non_null(p);
    return p;
}

static size_t unhex(const char *h, unsigned char *out) {
    size_t n = strlen(h) / 2;
    for (size_t i = 0; i < n; i++) {
        unsigned v;
        sscanf(h + 2 * i, "%2x", &v);
        out[i] = (unsigned char)v;
    }
    return n;
}

static void hexdump(char *out, const unsigned char *p, int64_t n) {
    for (int64_t i = 0; i < n; i++) sprintf(out + 2 * i, "%02x", p[i]);
}

/* Run the loop for from -> to over n elements with the given strides. */
static void run(int from, bool fsw, int to, bool tsw, char *dst, int64_t ds, const char *src, int64_t ss,
                int64_t n) {
    nd_cast_ctx c = {dt_of(from, fsw), dt_of(to, tsw)};
    nd_loop2_fn fn = nd__cast_loop_fast(c.from, c.to);
    assert_non_null(fn);
    fn(dst, ds, src, ss, n, &c);
}

/* Reverse each part of each element in place (complex: each half). */
static void swap_buf(unsigned char *p, int t, int64_t n) {
    int64_t sz = isz(t), unit = t >= ND_COMPLEX64 ? sz / 2 : sz;
    for (int64_t i = 0; i < n * sz; i += unit)
        for (int64_t a = i, b = i + unit - 1; a < b; a++, b--) {
            unsigned char x = p[a];
            p[a] = p[b];
            p[b] = x;
        }
}

/* ---- probes ---- */

/* How many leading elements of a contiguous run of n NumPy's vectorised
 * loop converts, for the pairs where its answer differs from its scalar
 * code's (float/complex -> uint32: groups of four; complex loads leave
 * gaps, so at least one element is left to the scalar code). */
static int64_t vector_part(int from, int to, int64_t n) {
    if (to != ND_UINT32) return n;
    if (from == ND_FLOAT32 || from == ND_FLOAT64) return n / 4 * 4;
    if (from == ND_COMPLEX64 || from == ND_COMPLEX128) return n > 0 ? (n - 1) / 4 * 4 : 0;
    return n;
}

/* got against NumPy: its contiguous-body bytes for the first nv probes,
 * its one-element bytes after them. */
static int check_probe_bytes(int from, int to, const unsigned char *got, int64_t nv, const char *what) {
    unsigned char body[2048], one[2048];
    size_t nb = unhex(tc_probe_dst[from][to], body);
    unhex(tc_probe_one[from][to], one);
    int64_t tsz = isz(to), bad = 0;
    assert_int_equal(nb, (size_t)(tc_probe_count[from] * tsz));
    for (int64_t k = 0; k < tc_probe_count[from]; k++) {
        const unsigned char *want = (k < nv ? body : one) + k * tsz;
        if (memcmp(got + k * tsz, want, (size_t)tsz)) {
            char g[40], w[40];
            hexdump(g, got + k * tsz, tsz);
            hexdump(w, want, tsz);
            print_error("%s %s->%s probe %lld: got %s want %s\n", what, tc_type_name[from], tc_type_name[to],
                        (long long)k, g, w);
            bad++;
        }
    }
    return (int)bad;
}

static void test_type_order(void **state) {
    (void)state;
    for (int t = 0; t < NT; t++) {
        char *s = nd_dtype_str(dt_of(t, false));
        assert_string_equal(s, tc_type_str[t]);
        nd_free(s);
        assert_string_equal(nd_dtype_name(dt_of(t, false)), tc_type_name[t]);
    }
}

/* Contiguous runs, with SIMD on (the AVX2 casts to float32/float64 where
 * the CPU has AVX2) and off (the portable loops). */
static void test_probes_contiguous(void **state) {
    (void)state;
    int bad = 0;
    for (int simd = 0; simd < 2; simd++) {
        nd__set_simd(simd);
        for (int f = 0; f < NT; f++) {
            unsigned char src[2048], dst[2048];
            unhex(tc_probe_src[f], src);
            for (int t = 0; t < NT; t++) {
                memset(dst, 0xAA, sizeof dst);
                run(f, false, t, false, (char *)dst, isz(t), (const char *)src, isz(f), tc_probe_count[f]);
                if (f != t || f != ND_BOOL)
                    bad += check_probe_bytes(f, t, dst, vector_part(f, t, tc_probe_count[f]), simd ? "contig" : "contig nosimd");
            }
        }
    }
    nd__set_simd(true);
    assert_int_equal(bad, 0);
}

/* One element at a time, strided, reversed, misaligned: NumPy's scalar
 * answers; byte-swapped on either side (contiguous): its contiguous ones. */
static void test_probes_layouts(void **state) {
    (void)state;
    int bad = 0;
    enum { PAD = 40 };
    for (int f = 0; f < NT; f++) {
        int64_t n = tc_probe_count[f], fs = isz(f);
        unsigned char src[2048];
        unhex(tc_probe_src[f], src);
        unsigned char *sbuf = xmalloc((size_t)(n * fs * 3 + PAD)), *dbuf = xmalloc((size_t)(n * 16 * 3 + PAD));
        for (int t = 0; t < NT; t++) {
            if (f == t && f == ND_BOOL) continue;
            int64_t ts = isz(t);
            unsigned char got[2048];
            /* single elements */
            for (int64_t k = 0; k < n; k++)
                run(f, false, t, false, (char *)got + k * ts, 0, (const char *)src + k * fs, 0, 1);
            bad += check_probe_bytes(f, t, got, 0, "single");
            /* strided 3x source, 2x destination, both misaligned by 1 */
            for (int64_t k = 0; k < n; k++) memcpy(sbuf + 1 + 3 * k * fs, src + k * fs, (size_t)fs);
            run(f, false, t, false, (char *)dbuf + 1, 2 * ts, (const char *)sbuf + 1, 3 * fs, n);
            for (int64_t k = 0; k < n; k++) memcpy(got + k * ts, dbuf + 1 + 2 * k * ts, (size_t)ts);
            bad += check_probe_bytes(f, t, got, 0, "strided");
            /* negative source stride, then negative destination stride */
            for (int64_t k = 0; k < n; k++) memcpy(sbuf + (n - 1 - k) * fs, src + k * fs, (size_t)fs);
            run(f, false, t, false, (char *)dbuf, ts, (const char *)sbuf + (n - 1) * fs, -fs, n);
            bad += check_probe_bytes(f, t, dbuf, 0, "reversed-src");
            run(f, false, t, false, (char *)dbuf + (n - 1) * ts, -ts, (const char *)src, fs, n);
            for (int64_t k = 0; k < n; k++) memcpy(got + k * ts, dbuf + (n - 1 - k) * ts, (size_t)ts);
            bad += check_probe_bytes(f, t, got, 0, "reversed-dst");
            /* byte-swapped source and/or destination */
            for (int mode = 1; mode < 4; mode++) {
                bool fsw = mode & 1, tsw = mode & 2;
                memcpy(sbuf, src, (size_t)(n * fs));
                if (fsw) swap_buf(sbuf, f, n);
                run(f, fsw, t, tsw, (char *)dbuf, ts, (const char *)sbuf, fs, n);
                if (tsw) swap_buf(dbuf, t, n);
                bad += check_probe_bytes(f, t, dbuf, vector_part(f, t, n), mode == 1 ? "swapped-src" : mode == 2 ? "swapped-dst" : "swapped");
            }
        }
        free(sbuf);
        free(dbuf);
    }
    assert_int_equal(bad, 0);
}

/* Bool -> bool is a plain copy (NumPy keeps the raw byte: 2 stays 2). */
static void test_bool_copy_raw(void **state) {
    (void)state;
    unsigned char src[4] = {0, 1, 2, 255}, dst[4];
    run(ND_BOOL, false, ND_BOOL, false, (char *)dst, 1, (const char *)src, 1, 4);
    assert_memory_equal(src, dst, 4);
    run(ND_BOOL, false, ND_INT8, false, (char *)dst, 1, (const char *)src, 1, 4);
    assert_int_equal(dst[2], 1);
    assert_int_equal(dst[3], 1);
}

/* Every vector tail length: contiguous runs of n = 0..70 give each element
 * the answer NumPy's loop gives it at that position (the vectorised one,
 * taken from a long run, or the scalar one), and write nothing past n. */
static void test_tails(void **state) {
    (void)state;
    for (int f = 0; f < NT; f++) {
        int64_t fs = isz(f), np = tc_probe_count[f];
        unsigned char src[2048];
        unhex(tc_probe_src[f], src);
        unsigned char *in = xmalloc((size_t)(71 * fs)), *eight = xmalloc((size_t)(8 * fs));
        for (int64_t k = 0; k < 71; k++) memcpy(in + k * fs, src + (k * 7 % np) * fs, (size_t)fs);
        for (int t = 0; t < NT; t++) {
            int64_t ts = isz(t);
            unsigned char out[72 * 16], one[16 * 8];
            for (int64_t n = 0; n <= 70; n++) {
                memset(out, 0x5A, sizeof out);
                run(f, false, t, false, (char *)out, ts, (const char *)in, fs, n);
                int64_t nv = vector_part(f, t, n);
                for (int64_t k = 0; k < n; k++) {
                    if (k < nv) { /* the first of eight copies: inside the vectorised part */
                        for (int c = 0; c < 8; c++) memcpy(eight + c * fs, in + k * fs, (size_t)fs);
                        run(f, false, t, false, (char *)one, ts, (const char *)eight, fs, 8);
                    } else {
                        run(f, false, t, false, (char *)one, 0, (const char *)in + k * fs, 0, 1);
                    }
                    assert_memory_equal(one, out + k * ts, (size_t)ts);
                }
                for (int64_t b = n * ts; b < (int64_t)sizeof out; b++) assert_int_equal(out[b], 0x5A);
            }
        }
        free(eight);
        free(in);
    }
}

/* ---- structured sets (mirror of gen_cast_cases.py) ---- */

static uint64_t mix_hash(const unsigned char *p, size_t n) {
    uint64_t h = 0;
    for (size_t i = 0; i * 8 < n; i++) {
        uint64_t w = 0;
        size_t k = n - i * 8 < 8 ? n - i * 8 : 8;
        memcpy(&w, p + i * 8, k); /* little-endian machine, as the header */
        uint64_t z = w + (uint64_t)(i + 1) * 0x9E3779B97F4A7C15ull;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        h += z ^ (z >> 31);
    }
    return h ^ (uint64_t)n;
}

typedef struct {
    unsigned char *p;
    int64_t n, cap, sz;
} vec;

static void push(vec *v, const void *x) {
    if (v->n == v->cap) {
        v->cap = v->cap ? 2 * v->cap : 1024;
        v->p = realloc(v->p, (size_t)(v->cap * v->sz));
        assert_non_null(v->p);
    }
    memcpy(v->p + v->n * v->sz, x, (size_t)v->sz);
    v->n++;
}

static float f32_of(uint32_t u) {
    float f;
    memcpy(&f, &u, 4);
    return f;
}
static double f64_of(uint64_t u) {
    double d;
    memcpy(&d, &u, 8);
    return d;
}
static uint32_t bits32(float f) {
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}
static uint64_t bits64(double d) {
    uint64_t u;
    memcpy(&u, &d, 8);
    return u;
}

static const uint32_t f4_mants[] = {0, 1, 2, 0x1000, 0xFFF, 0x1001, 0x400000, 0x400001, 0x7FFFFF, 0x3FFFFF, 0x2000, 0x1FFF};
static const uint64_t f8_mants[] = {0, 1, 2, 1ull << 51, (1ull << 51) + 1, (1ull << 52) - 1, 1ull << 42, (1ull << 42) - 1,
                                    (1ull << 42) + 1, 1ull << 41, (1ull << 41) + 1, (1ull << 41) - 1, 1ull << 29,
                                    (1ull << 29) - 1, (1ull << 28) + 1, 1ull << 28};

static void f4_set(vec *v) {
    int64_t start = v->n;
    for (uint32_t h = 0; h < 0x7C00; h++) {
        float x = h < 0x400 ? (float)h * 0x1p-24f : f32_of((((h >> 10) + 112) << 23) | ((h & 0x3ff) << 13));
        float mid = h < 0x400 ? ((float)h + 0.5f) * 0x1p-24f : f32_of(bits32(x) + (1u << 12));
        float g[4] = {x, mid, nextafterf(mid, -INFINITY), nextafterf(mid, INFINITY)};
        for (int k = 0; k < 4; k++) push(v, &g[k]);
    }
    for (int64_t i = start, end = v->n; i < end; i++) {
        float x;
        memcpy(&x, v->p + i * 4, 4);
        x = -x;
        push(v, &x);
    }
    for (uint32_t s = 0; s < 2; s++)
        for (uint32_t e = 0; e < 256; e++)
            for (size_t m = 0; m < sizeof f4_mants / sizeof f4_mants[0]; m++) {
                uint32_t b = (s << 31) | (e << 23) | f4_mants[m];
                push(v, &b);
            }
    for (int sgn = 0; sgn < 2; sgn++)
        for (int part = 0; part < 3; part++)
            for (int p = 0; p < 66; p++) {
                double c = ldexp(1.0, p), xs[5] = {c, c - 1, c + 1, c - 0.5, c + 0.5};
                for (int k = 0; k < 5; k++) {
                    float a = (float)xs[k];
                    a = part == 0 ? a : part == 1 ? nextafterf(a, INFINITY) : nextafterf(a, -INFINITY);
                    if (sgn) a = -a;
                    push(v, &a);
                }
            }
}

static void f8_set(vec *v) {
    int64_t start = v->n;
    for (uint64_t h = 0; h < 0x7C00; h++) {
        double x = h < 0x400 ? (double)h * 0x1p-24 : f64_of((((h >> 10) + 1008) << 52) | ((h & 0x3ff) << 42));
        double mid = h < 0x400 ? ((double)h + 0.5) * 0x1p-24 : f64_of(bits64(x) + (1ull << 41));
        double g[4] = {x, mid, nextafter(mid, -INFINITY), nextafter(mid, INFINITY)};
        for (int k = 0; k < 4; k++) push(v, &g[k]);
    }
    for (int64_t i = start, end = v->n; i < end; i++) {
        double x;
        memcpy(&x, v->p + i * 8, 8);
        x = -x;
        push(v, &x);
    }
    for (uint64_t s = 0; s < 2; s++)
        for (uint64_t e = 0; e < 2048; e++)
            for (size_t m = 0; m < sizeof f8_mants / sizeof f8_mants[0]; m++) {
                uint64_t b = (s << 63) | (e << 52) | f8_mants[m];
                push(v, &b);
            }
    for (int part = 0; part < 3; part++)
        for (uint32_t s = 0; s < 2; s++)
            for (uint32_t e = 0; e < 256; e++)
                for (size_t m = 0; m < sizeof f4_mants / sizeof f4_mants[0]; m++) {
                    float f = f32_of((s << 31) | (e << 23) | f4_mants[m]);
                    if (!isfinite(f)) continue;
                    double mid = f64_of(bits64((double)f) + (1ull << 28));
                    mid = part == 0 ? mid : part == 1 ? nextafter(mid, -INFINITY) : nextafter(mid, INFINITY);
                    push(v, &mid);
                }
    for (int sgn = 0; sgn < 2; sgn++)
        for (int part = 0; part < 3; part++)
            for (int p = 0; p < 66; p++) {
                double c = ldexp(1.0, p), xs[5] = {c, c - 1, c + 1, c - 0.5, c + 0.5};
                for (int k = 0; k < 5; k++) {
                    double a = xs[k];
                    a = part == 0 ? a : part == 1 ? nextafter(a, INFINITY) : nextafter(a, -INFINITY);
                    if (sgn) a = -a;
                    push(v, &a);
                }
            }
}

/* The input set of type t (native bytes). */
static vec build_set(int t) {
    vec v = {NULL, 0, 0, isz(t)};
    if (t == ND_BOOL) {
        static const unsigned char b[4] = {0, 1, 2, 255};
        for (int k = 0; k < 4; k++) push(&v, &b[k]);
    } else if (t <= ND_UINT64) {
        uint64_t s = 0x853C49E6748FEA9Bull;
        for (int k = 0; k < 4096; k++) {
            s = s * 6364136223846793005ull + 1442695040888963407ull;
            uint64_t x = s >> (k % 64);
            push(&v, &x); /* little-endian: the low bytes are the truncation */
        }
        for (int b = 0; b < 64; b++) {
            uint64_t xs[3] = {(1ull << b) - 1, 1ull << b, (1ull << b) + 1};
            for (int k = 0; k < 3; k++) {
                uint64_t neg = 0 - xs[k];
                push(&v, &xs[k]);
                push(&v, &neg);
            }
        }
    } else if (t == ND_FLOAT16) {
        for (uint32_t h = 0; h < 65536; h++) {
            uint16_t x = (uint16_t)h;
            push(&v, &x);
        }
    } else if (t == ND_FLOAT32 || t == ND_FLOAT64) {
        if (t == ND_FLOAT32) f4_set(&v);
        else f8_set(&v);
    } else { /* complex: real parts the float set, imaginary parts it reversed */
        int part = t == ND_COMPLEX64 ? ND_FLOAT32 : ND_FLOAT64;
        vec b = build_set(part);
        int64_t h = b.sz;
        for (int64_t i = 0; i < b.n; i++) {
            unsigned char c[16];
            memcpy(c, b.p + i * h, (size_t)h);
            memcpy(c + h, b.p + (b.n - 1 - i) * h, (size_t)h);
            push(&v, c);
        }
        free(b.p);
    }
    return v;
}

static void test_set_builders(void **state) {
    (void)state;
    for (int t = 0; t < NT; t++) {
        vec v = build_set(t);
        assert_int_equal(v.n, tc_set_count[t]);
        assert_true(mix_hash(v.p, (size_t)(v.n * v.sz)) == tc_set_hash[t]);
        free(v.p);
    }
}

/* The whole structured set of each type cast to each type: contiguous,
 * strided and byte-swapped all hash to NumPy's result. */
static void test_set_hashes(void **state) {
    (void)state;
    int bad = 0;
    for (int f = 0; f < NT; f++) {
        vec v = build_set(f);
        int64_t n = v.n, fs = v.sz;
        unsigned char *out = xmalloc((size_t)(n * 16)), *str = xmalloc((size_t)(n * 16 * 2 + 1));
        unsigned char *sw = xmalloc((size_t)(n * fs));
        for (int t = 0; t < NT; t++) {
            int64_t ts = isz(t);
            size_t nb = (size_t)(n * ts);
            run(f, false, t, false, (char *)out, ts, (const char *)v.p, fs, n);
            if (mix_hash(out, nb) != tc_cast_hash[f][t] && !(f == t && f == ND_BOOL)) {
                print_error("hash %s->%s differs from NumPy\n", tc_type_name[f], tc_type_name[t]);
                bad++;
            }
            /* Strided (misaligned) and byte-swapped runs agree with the
             * contiguous one; a prefix of many swap chunks is enough.  (Not
             * where NumPy has two answers: the probe tests pin those.) */
            if (vector_part(f, t, 5) != 5) continue;
            int64_t m = n < 5000 ? n : 5000;
            run(f, false, t, false, (char *)str + 1, 2 * ts, (const char *)v.p, fs, m);
            for (int64_t k = 0; k < m; k++)
                if (memcmp(str + 1 + 2 * k * ts, out + k * ts, (size_t)ts)) {
                    bad++;
                    break;
                }
            memcpy(sw, v.p, (size_t)(m * fs));
            swap_buf(sw, f, m);
            run(f, true, t, true, (char *)str, ts, (const char *)sw, fs, m);
            swap_buf(str, t, m);
            if (memcmp(str, out, (size_t)(m * ts))) bad++;
        }
        free(out);
        free(str);
        free(sw);
        free(v.p);
    }
    assert_int_equal(bad, 0);
}

/* ---- specific semantics, spelled out ---- */

static void test_int64_to_float64_exact(void **state) {
    (void)state;
    /* The split conversion must equal the hardware's (double)x everywhere. */
    uint64_t s = 1;
    enum { N = 100000 };
    int64_t *in = xmalloc(N * 8);
    double *out = xmalloc(N * 8), *uout = xmalloc(N * 8);
    for (int i = 0; i < N; i++) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        in[i] = (int64_t)(s >> (i % 64)) * (i % 2 ? -1 : 1);
    }
    in[0] = INT64_MIN;
    in[1] = INT64_MAX;
    in[2] = 0;
    in[3] = -1;
    run(ND_INT64, false, ND_FLOAT64, false, (char *)out, 8, (const char *)in, 8, N);
    run(ND_UINT64, false, ND_FLOAT64, false, (char *)uout, 8, (const char *)in, 8, N);
    for (int i = 0; i < N; i++) {
        volatile int64_t x = in[i];
        volatile uint64_t ux = (uint64_t)in[i];
        assert_true(bits64(out[i]) == bits64((double)x));
        assert_true(bits64(uout[i]) == bits64((double)ux));
    }
    assert_true(bits64(out[2]) == 0); /* +0.0, not -0.0 */
    free(in);
    free(out);
    free(uout);
}

/* astype through the public API runs these loops (copy.c's nd__cast_loop). */
static void test_astype_public(void **state) {
    (void)state;
    for (int f = 0; f < NT; f++) {
        unsigned char src[2048];
        unhex(tc_probe_src[f], src);
        int64_t shape[1] = {tc_probe_count[f]};
        nd_array *a = nd_from_data(1, shape, dt_of(f, false), src);
        assert_non_null(a);
        for (int t = 0; t < NT; t++) {
            for (int sw = 0; sw < 2; sw++) {
                nd_array *b = nd_astype(a, dt_of(t, sw), 'C', ND_CAST_UNSAFE, true);
                assert_non_null(b);
                unsigned char got[2048];
                memcpy(got, nd_data(b), (size_t)(shape[0] * isz(t)));
                if (sw) swap_buf(got, t, shape[0]);
                if (f != t || f != ND_BOOL)
                    assert_int_equal(check_probe_bytes(f, t, got, vector_part(f, t, shape[0]), "astype"), 0);
                nd_release(b);
            }
        }
        nd_release(a);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_type_order),
        cmocka_unit_test(test_probes_contiguous),
        cmocka_unit_test(test_probes_layouts),
        cmocka_unit_test(test_bool_copy_raw),
        cmocka_unit_test(test_tails),
        cmocka_unit_test(test_set_builders),
        cmocka_unit_test(test_set_hashes),
        cmocka_unit_test(test_int64_to_float64_exact),
        cmocka_unit_test(test_astype_public),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
