/* test_copy.c — the strided copy engine (kern/copy.c): every layout pair
 * must give the bytes a naive loop gives, with SIMD on and off. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>

#include "nd_internal.h"

/* xorshift: deterministic and independent of the C library's rand() */
static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}
static int64_t rnd_in(int64_t lo, int64_t hi) { return lo + (int64_t)(rnd() % (uint64_t)(hi - lo + 1)); }

typedef struct {
    int ndim;
    int64_t shape[6], ds[6], ss[6];
    int64_t doff, soff; /* byte offsets of element 0 in the buffers */
    size_t dbytes, sbytes;
} layout;

/* Strides for `shape` taken from a bigger parent, axes permuted, steps and
 * signs random; returns the offset of element 0 and the bytes needed. */
static void random_strides(int ndim, const int64_t *shape, int64_t isz, int64_t *st, int64_t *off, size_t *bytes) {
    int perm[6];
    for (int i = 0; i < ndim; i++) perm[i] = i;
    for (int i = ndim - 1; i > 0; i--) {
        int j = (int)(rnd() % (uint64_t)(i + 1)), t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }
    int64_t s = isz * rnd_in(1, 2);
    for (int k = ndim - 1; k >= 0; k--) {
        int ax = perm[k];
        int64_t step = rnd() % 4 == 0 ? rnd_in(2, 3) : 1;
        st[ax] = s * step;
        s = st[ax] * shape[ax] + (rnd() % 3 == 0 ? isz : 0);
        if (rnd() % 4 == 0) st[ax] = -st[ax];
    }
    int64_t lo = 0, hi = 0;
    for (int i = 0; i < ndim; i++) {
        if (st[i] < 0)
            lo += st[i] * (shape[i] - 1);
        else
            hi += st[i] * (shape[i] - 1);
    }
    *off = -lo + isz * rnd_in(0, 1);
    *bytes = (size_t)(*off + hi + isz + 16);
}

static void naive_copy(const layout *L, char *dst, const char *src, int64_t isz) {
    int64_t idx[6] = {0}, n = 1;
    for (int i = 0; i < L->ndim; i++) n *= L->shape[i];
    for (int64_t k = 0; k < n; k++) {
        int64_t d = L->doff, s = L->soff;
        for (int i = 0; i < L->ndim; i++) {
            d += idx[i] * L->ds[i];
            s += idx[i] * L->ss[i];
        }
        memcpy(dst + d, src + s, (size_t)isz);
        for (int i = L->ndim - 1; i >= 0; i--) {
            if (++idx[i] < L->shape[i]) break;
            idx[i] = 0;
        }
    }
}

/* Copy with the engine and naively; the whole dst buffers must match
 * (which also proves nothing outside the elements was written). */
static void check_layout(const layout *L, int64_t isz) {
    char *src = malloc(L->sbytes), *d1 = malloc(L->dbytes), *d2 = malloc(L->dbytes);
    assert_non_null(src);
    for (size_t i = 0; i < L->sbytes; i++) src[i] = (char)rnd();
    for (size_t i = 0; i < L->dbytes; i++) d1[i] = d2[i] = (char)(i * 7 + 1);
    naive_copy(L, d2, src, isz);
    for (int simd = 0; simd < 2; simd++) {
        nd__set_simd(simd);
        for (size_t i = 0; i < L->dbytes; i++) d1[i] = (char)(i * 7 + 1);
        nd__copy_raw(L->ndim, L->shape, d1 + L->doff, L->ds, src + L->soff, L->ss, isz);
        assert_memory_equal(d1, d2, L->dbytes);
    }
    nd__set_simd(true);
    free(src);
    free(d1);
    free(d2);
}

static const int64_t sizes[] = {1, 2, 4, 8, 16, 12, 3};

static void test_random_layouts(void **state) {
    (void)state;
    for (int iter = 0; iter < 3000; iter++) {
        layout L;
        int64_t isz = sizes[rnd() % 7];
        L.ndim = (int)rnd_in(0, 4);
        bool big = rnd() % 5 == 0;
        for (int i = 0; i < L.ndim; i++) L.shape[i] = big && i >= L.ndim - 2 ? rnd_in(1, 70) : rnd_in(1, 6);
        random_strides(L.ndim, L.shape, isz, L.ds, &L.doff, &L.dbytes);
        random_strides(L.ndim, L.shape, isz, L.ss, &L.soff, &L.sbytes);
        check_layout(&L, isz);
    }
}

/* 2-d transposes around the tile and SIMD block edges. */
static void test_transposes(void **state) {
    (void)state;
    static const int64_t dims[] = {1, 3, 4, 5, 7, 8, 9, 16, 17, 31, 32, 33, 65, 100};
    const int nd = (int)(sizeof dims / sizeof dims[0]);
    for (int k = 0; k < 5; k++) {
        int64_t isz = sizes[k];
        for (int a = 0; a < nd; a++)
            for (int b = 0; b < nd; b++) {
                layout L = {.ndim = 2, .shape = {dims[a], dims[b]}};
                int64_t pad = (a + b) % 3; /* parent rows longer than the view */
                L.ds[1] = isz;
                L.ds[0] = isz * dims[b];
                L.ss[0] = isz;
                L.ss[1] = isz * (dims[a] + pad);
                L.doff = L.soff = 0;
                L.dbytes = (size_t)(isz * dims[a] * dims[b] + 16);
                L.sbytes = (size_t)(L.ss[1] * dims[b] + 16);
                check_layout(&L, isz);
            }
    }
}

static void *no_malloc(size_t n, void *ud) {
    (void)n;
    (void)ud;
    return NULL;
}
static void plain_free(void *p, void *ud) {
    (void)ud;
    free(p);
}

/* Planes of >= 1 MiB go through the gathering buffer; odd sizes leave
 * partial tiles on both axes.  Also inside an outer loop (3-d). */
static void test_big_transposes(void **state) {
    (void)state;
    for (int k = 0; k < 5; k++) {
        int64_t isz = sizes[k], rows = 523, cols = (1 << 20) / (isz * rows) + 37;
        layout L = {.ndim = 2, .shape = {rows, cols}};
        L.ds[1] = isz;
        L.ds[0] = isz * cols;
        L.ss[0] = isz;
        L.ss[1] = isz * (rows + 3);
        L.dbytes = (size_t)(isz * rows * cols + 16);
        L.sbytes = (size_t)(L.ss[1] * cols + 16);
        check_layout(&L, isz);
    }
    /* no memory for the scratch tile: the strips give the same bytes */
    nd_set_allocator(&(nd_allocator){no_malloc, plain_free, NULL});
    layout B = {.ndim = 2, .shape = {600, 400}};
    B.ds[1] = 8;
    B.ds[0] = 8 * 400;
    B.ss[0] = 8;
    B.ss[1] = 8 * 600;
    B.dbytes = B.sbytes = (size_t)(8 * 600 * 400 + 16);
    char *src = malloc(B.sbytes), *d1 = malloc(B.dbytes), *d2 = malloc(B.dbytes);
    for (size_t i = 0; i < B.sbytes; i++) src[i] = (char)rnd();
    memset(d1, 0, B.dbytes);
    memset(d2, 0, B.dbytes);
    naive_copy(&B, d2, src, 8);
    nd__copy_raw(2, B.shape, d1, B.ds, src, B.ss, 8);
    nd_set_allocator(NULL);
    assert_memory_equal(d1, d2, B.dbytes);
    free(src);
    free(d1);
    free(d2);
    layout L = {.ndim = 3, .shape = {2, 300, 450}};
    L.ds[2] = 8;
    L.ds[1] = 8 * 450;
    L.ds[0] = 8 * 450 * 300;
    L.ss[1] = 8;
    L.ss[2] = 8 * 300;
    L.ss[0] = 8 * 300 * 450;
    L.dbytes = L.sbytes = (size_t)(8 * 2 * 300 * 450 + 16);
    check_layout(&L, 8);
}

/* 3-d permutations: the tiled axis pair is not always the last two. */
static void test_permuted_3d(void **state) {
    (void)state;
    static const int perms[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
    const int64_t shape[3] = {5, 19, 23};
    for (int k = 0; k < 5; k++) {
        int64_t isz = sizes[k], cst[3];
        cst[2] = isz;
        cst[1] = isz * shape[2];
        cst[0] = cst[1] * shape[1];
        for (int p = 0; p < 6; p++) {
            layout L = {.ndim = 3};
            /* src is a C array of shape `shape` seen through permutation p */
            for (int i = 0; i < 3; i++) {
                L.shape[i] = shape[perms[p][i]];
                L.ss[i] = cst[perms[p][i]];
            }
            L.ds[2] = isz;
            L.ds[1] = isz * L.shape[2];
            L.ds[0] = L.ds[1] * L.shape[1];
            L.doff = L.soff = 0;
            L.dbytes = L.sbytes = (size_t)(isz * 5 * 19 * 23 + 16);
            check_layout(&L, isz);
        }
    }
}

static void test_simd_switch(void **state) {
    (void)state;
    assert_true(nd__simd_enabled());
    assert_true(nd__set_simd(false));
    assert_false(nd__simd_enabled());
    assert_false(nd__set_simd(true));
    assert_true(nd__simd_enabled());
}

/* 0-d and empty layouts. */
static void test_degenerate(void **state) {
    (void)state;
    int64_t x = 42, y = 0;
    nd__copy_raw(0, NULL, (char *)&y, NULL, (const char *)&x, NULL, 8);
    assert_int_equal(y, 42);
    int64_t shape[2] = {3, 0}, st[2] = {8, 8};
    y = 7;
    nd__copy_raw(2, shape, (char *)&y, st, (const char *)&x, st, 8);
    assert_int_equal(y, 7);
}

/* nd__assign: same dtype, other byte order, and casts, transposed; the
 * big shape goes through the gathering buffer. */
static void check_assign(int64_t R, int64_t C) {
    int64_t shape[2] = {R, C};
    for (int simd = 0; simd < 2; simd++) {
        nd__set_simd(simd);
        nd_array *src = nd_arange(0, R * C, 1, nd_dtype_of(ND_INT32));
        assert_non_null(src);
        /* view src as a (C, R) C array, transposed to (R, C) */
        nd_array *t = nd__view_new(src, 2, src->dtype);
        assert_non_null(t);
        t->shape[0] = R;
        t->shape[1] = C;
        t->strides[0] = 4;
        t->strides[1] = 4 * R;
        nd__update_flags(t);
        const nd_dtype *targets[] = {nd_dtype_of(ND_INT32), nd__dtype_builtin(ND_INT32, true),
                                     nd_dtype_of(ND_FLOAT64), nd_dtype_of(ND_INT8), nd__dtype_builtin(ND_FLOAT32, true)};
        for (int k = 0; k < 5; k++) {
            nd_array *d = nd_empty(2, shape, targets[k], 'C');
            assert_non_null(d);
            assert_int_equal(nd__assign(d, t), 0);
            for (int64_t i = 0; i < R; i++)
                for (int64_t j = 0; j < C; j++) {
                    nd_value v = nd__load(targets[k], d->data + i * d->strides[0] + j * d->strides[1]);
                    nd_value w = nd_value_cast(ND_I64(j * R + i), (nd_type)targets[k]->type);
                    if (targets[k]->kind == 'f')
                        assert_true(v.f == w.f);
                    else
                        assert_int_equal(v.i, w.i);
                }
            nd_release(d);
        }
        nd_release(t);
        nd_release(src);
    }
    nd__set_simd(true);
}

static void test_assign_paths(void **state) {
    (void)state;
    check_assign(37, 41);
    check_assign(613, 511);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_simd_switch),   cmocka_unit_test(test_degenerate),
        cmocka_unit_test(test_random_layouts), cmocka_unit_test(test_transposes),
        cmocka_unit_test(test_permuted_3d),   cmocka_unit_test(test_big_transposes),
        cmocka_unit_test(test_assign_paths),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    nd__cache_drain();
    return rc;
}
