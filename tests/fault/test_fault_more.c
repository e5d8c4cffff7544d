/* test_fault_more.c — allocation failures in advanced indexing, joining,
 * sorting, sets, comparisons and random numbers. */
#include "fault.h"

#include <pthread.h>

static const int64_t SH34[] = {3, 4};

/* a[0]: 3x4 int32; a[1]: int64 index array [2, 0, 2]; a[2]: bool mask of 4
 * (from a (4,) int owner: 0, 1, 2, 3 -> F T T T); a[3]: a (4,) float64. */
static int s_idx(fault_fx *f) {
    if (!(f->a[0] = fx_owner(2, SH34, ND_INT32))) return nd_errcode();
    if (!(f->a[1] = nd_from_data(1, (int64_t[]){3}, nd_dtype_of(ND_INT64), (int64_t[]){2, 0, 2}))) return nd_errcode();
    if (!(f->a[2] = fx_owner(1, (int64_t[]){4}, ND_BOOL))) return nd_errcode();
    f->a[3] = fx_owner(1, (int64_t[]){4}, ND_FLOAT64);
    return f->a[3] ? 0 : nd_errcode();
}

/* a[1]: shape (2, 3, 2), strides (96, -32, 16) over a 2x3x4 float64 owner;
 * a[2]: a 3x2 float32 (joins with a[1][0]). */
static int s_strided(fault_fx *f) {
    if (!(f->a[0] = fx_owner(3, (int64_t[]){2, 3, 4}, ND_FLOAT64))) return nd_errcode();
    f->a[1] = fx_strided(f->a[0], ND_FLOAT64, 3, (int64_t[]){2, 3, 2}, (int64_t[]){96, -32, 16}, 64);
    if (!f->a[1]) return nd_errcode();
    f->a[2] = fx_owner(2, (int64_t[]){3, 2}, ND_FLOAT32);
    return f->a[2] ? 0 : nd_errcode();
}

/* a[0]: 12 int16 with repeats (k * 7 % 5); a[1]: the same reversed view. */
static int s_dups(fault_fx *f) {
    int16_t v[12];
    for (int k = 0; k < 12; k++) v[k] = (int16_t)(k * 7 % 5);
    if (!(f->a[0] = nd_from_data(1, (int64_t[]){12}, nd_dtype_of(ND_INT16), v))) return nd_errcode();
    f->a[1] = fx_strided(f->a[0], ND_INT16, 2, (int64_t[]){3, 4}, (int64_t[]){-8, -2}, 22);
    return f->a[1] ? 0 : nd_errcode();
}

static void rng_free(void *r) { nd_random_free(r); }

/* in_obj: a generator seeded with 42; a[0]: 5 float64 (choice's a and p). */
static int s_rng(fault_fx *f) {
    f->in_obj = nd_random_new(42);
    f->in_obj_free = rng_free;
    if (!f->in_obj) return nd_errcode();
    if (!(f->a[0] = fx_owner(1, (int64_t[]){5}, ND_FLOAT64))) return nd_errcode();
    f->a[1] = nd_from_data(1, (int64_t[]){5}, nd_dtype_of(ND_FLOAT64), (double[]){0.1, 0.2, 0.3, 0.25, 0.15});
    return f->a[1] ? 0 : nd_errcode();
}

/* ---- advanced indexing ---- */

static int o_getitem_int(fault_fx *f) {
    nd_idx idx[] = {ND_ARR(f->a[1]), ND_S(1, ND_NONE, 2)};
    return keep(f, nd_getitem(f->a[0], 2, idx));
}
static int o_getitem_bool(fault_fx *f) {
    nd_idx idx[] = {ND_ALL, ND_ARR(f->a[2])};
    return keep(f, nd_getitem(f->a[0], 2, idx));
}
static int o_setitem(fault_fx *f) {
    nd_idx idx[] = {ND_ARR(f->a[1])};
    return keep_int(f, nd_setitem(f->a[0], 1, idx, f->a[3]));
}
static int o_index_arrays(fault_fx *f) {
    nd_array *arrs[] = {f->a[1], f->a[2]};
    return keep(f, nd_index_arrays(f->a[0], "{0}, {1}", arrs, 2));
}
static int o_setitem_str(fault_fx *f) { /* a[:, mask] is (3, 3); the value (3,) broadcasts */
    nd_array *arrs[] = {f->a[2]};
    return keep_int(f, nd_setitem_str(f->a[0], ":, {0}", arrs, 1, f->a[1]));
}
static int o_nonzero(fault_fx *f) {
    nd_array *out[2] = {NULL, NULL};
    int rc = nd_nonzero(f->a[0], out);
    if (rc < 0) {
        assert_null(out[0]); /* out untouched */
        return rc;
    }
    f->out = out[0];
    nd_release(out[1]);
    return 0;
}
static int o_where(fault_fx *f) { return keep(f, nd_where(f->a[2], f->a[0], f->a[3])); }
static int o_take(fault_fx *f) { return keep(f, nd_take(f->a[0], f->a[1], 1)); }
static int o_take_flat(fault_fx *f) { return keep(f, nd_take(f->a[0], f->a[1], ND_AXIS_NONE)); }
static int o_compress(fault_fx *f) { return keep(f, nd_compress(f->a[2], f->a[0], 1)); }

/* ---- joining ---- */

static int o_concatenate(fault_fx *f) {
    const nd_array *arrs[] = {f->a[1], f->a[1]};
    return keep(f, nd_concatenate(2, arrs, 1));
}
static int o_concatenate_flat(fault_fx *f) {
    const nd_array *arrs[] = {f->a[1], f->a[2]};
    return keep(f, nd_concatenate(2, arrs, ND_AXIS_NONE));
}
static int o_stack(fault_fx *f) {
    const nd_array *arrs[] = {f->a[1], f->a[1], f->a[1]};
    return keep(f, nd_stack(3, arrs, -1));
}
static int o_vstack(fault_fx *f) {
    const nd_array *arrs[] = {f->a[2], f->a[2]};
    return keep(f, nd_vstack(2, arrs));
}
static int o_hstack(fault_fx *f) {
    const nd_array *arrs[] = {f->a[2], f->a[2]};
    return keep(f, nd_hstack(2, arrs));
}
static int o_repeat(fault_fx *f) { return keep(f, nd_repeat(f->a[0], f->a[1], 0)); }
static int o_repeat_n(fault_fx *f) { return keep(f, nd_repeat_n(f->a[1], 3, ND_AXIS_NONE)); }
static int o_tile(fault_fx *f) { return keep(f, nd_tile(f->a[1], 2, (int64_t[]){2, 3})); }
static int o_roll(fault_fx *f) { return keep(f, nd_roll(f->a[1], 2, (int64_t[]){1, -1}, (int[]){0, 2})); }
static int o_roll_flat(fault_fx *f) { return keep(f, nd_roll(f->a[1], 1, (int64_t[]){5}, NULL)); }
static int o_flip(fault_fx *f) { return keep(f, nd_flip(f->a[1], -1, NULL)); }
static int o_fliplr(fault_fx *f) { return keep(f, nd_fliplr(f->a[1])); }
static int o_flipud(fault_fx *f) { return keep(f, nd_flipud(f->a[1])); }

/* ---- sorting, sets, comparisons ---- */

static int o_sort(fault_fx *f) { return keep(f, nd_sort(f->a[1], -1, NULL)); }
static int o_sort_stable(fault_fx *f) { return keep(f, nd_sort(f->a[1], 0, "stable")); }
static int o_sort_heap_flat(fault_fx *f) { return keep(f, nd_sort(f->a[1], ND_AXIS_NONE, "heapsort")); }
static int o_sort_inplace(fault_fx *f) { return keep_int(f, nd_sort_inplace(f->a[1], 1, "mergesort")); }
static int o_argsort(fault_fx *f) { return keep(f, nd_argsort(f->a[1], 0, NULL)); }
static int o_partition(fault_fx *f) { return keep(f, nd_partition(f->a[1], 2, (int64_t[]){0, -1}, 0)); }
static int o_partition_flat(fault_fx *f) { return keep(f, nd_partition(f->a[1], 1, (int64_t[]){3}, ND_AXIS_NONE)); }
static int o_partition_inplace(fault_fx *f) { return keep_int(f, nd_partition_inplace(f->a[1], 1, (int64_t[]){1}, 1)); }
static int o_argpartition(fault_fx *f) { return keep(f, nd_argpartition(f->a[1], 1, (int64_t[]){1}, 1)); }
static int o_argpartition_flat(fault_fx *f) { return keep(f, nd_argpartition(f->a[1], 2, (int64_t[]){1, 4}, ND_AXIS_NONE)); }
static int o_unique(fault_fx *f) { return keep(f, nd_unique(f->a[1], 0, NULL, NULL, NULL)); }
static int o_unique_all(fault_fx *f) {
    nd_array *index = NULL, *inverse = NULL, *counts = NULL;
    nd_array *u = nd_unique(f->a[1], ND_UNIQUE_INDEX | ND_UNIQUE_INVERSE | ND_UNIQUE_COUNTS, &index, &inverse, &counts);
    if (!u) {
        assert_true(!index && !inverse && !counts); /* outputs untouched */
        return keep(f, u);
    }
    nd_release(index);
    nd_release(counts);
    f->a[3] = inverse; /* released (and digested) by the harness */
    return keep(f, u);
}
static int o_clip(fault_fx *f) { return keep(f, nd_clip(f->a[1], f->a[2], NULL, NULL)); }
static int o_isclose(fault_fx *f) { return keep(f, nd_isclose(f->a[1], f->a[2], 1e-5, 1e-8, true)); }
static int o_allclose(fault_fx *f) { return keep_int(f, nd_allclose(f->a[1], f->a[1], 1e-5, 1e-8, false)); }
static int o_array_equal(fault_fx *f) { return keep_int(f, nd_array_equal(f->a[1], f->a[1], true)); }

/* ---- random numbers: a failing call draws nothing ---- */

/* After a failure, the next draw must be what a fresh generator gives. */
static int drawn_nothing(fault_fx *f, int rc) {
    fault_disarm();
    nd_random *fresh = nd_random_new(42);
    nd_array *x = nd_random_rand(f->in_obj, 0, NULL), *y = nd_random_rand(fresh, 0, NULL);
    assert_non_null(x);
    assert_non_null(y);
    nd_value vx, vy;
    nd_item(x, INT64_MIN, &vx);
    nd_item(y, INT64_MIN, &vy);
    assert_true(vx.f == vy.f);
    nd_release(x);
    nd_release(y);
    nd_random_free(fresh);
    return rc;
}
#define RNG_OP(name, call)                                     \
    static int name(fault_fx *f) {                             \
        nd_random *r = f->in_obj;                              \
        (void)r;                                               \
        nd_array *a = call;                                    \
        return a ? keep(f, a) : drawn_nothing(f, nd_errcode()); \
    }
RNG_OP(o_rand, nd_random_rand(r, 2, SH34))
RNG_OP(o_random_sample, nd_random_random_sample(r, 1, (int64_t[]){7}))
RNG_OP(o_randn, nd_random_randn(r, 2, SH34))
RNG_OP(o_uniform, nd_random_uniform(r, -1, 1, 1, (int64_t[]){5}))
RNG_OP(o_normal, nd_random_normal(r, 3, 0.5, 0, NULL))
RNG_OP(o_randint, nd_random_randint(r, -5, 300, 1, (int64_t[]){9}, nd_dtype_of(ND_INT16)))
RNG_OP(o_choice, nd_random_choice(r, f->a[0], 0, 1, (int64_t[]){3}, false, f->a[1]))
RNG_OP(o_choice_n, nd_random_choice(r, NULL, 10, 2, (int64_t[]){2, 2}, true, NULL))
RNG_OP(o_permutation, nd_random_permutation(r, f->a[0], 0))
RNG_OP(o_permutation_n, nd_random_permutation(r, NULL, 8))
/* Seeding the default generator (r NULL) creates it on first use in a
 * thread, and it lives until the thread ends: run each call on a fresh
 * thread (with the counting allocator), so every run starts from no
 * generator.  random.c takes that generator from libc malloc, because it is
 * freed at thread exit under whatever allocator is current, so today there
 * is nothing to refuse; the case still checks the seeded stream. */
typedef struct seed_job {
    bool array;
    int rc, code;
    double draw;
} seed_job;

static void *seed_thread(void *p) {
    seed_job *j = p;
    nd_set_allocator(fault_allocator());
    j->rc = j->array ? nd_random_seed_array(NULL, 2, (uint32_t[]){1, 2}) : nd_random_seed(NULL, 5);
    j->code = nd_errcode();
    if (j->rc == 0) { /* seeded: the stream must start where NumPy's does */
        fault_disarm();
        nd_array *x = nd_random_rand(NULL, 0, NULL);
        nd_value v = {0};
        if (x) nd_item(x, INT64_MIN, &v);
        j->draw = x ? v.f : -1;
        nd_release(x);
    }
    return NULL; /* the default generator is freed as the thread exits */
}

static int seed_default(fault_fx *f, bool array) {
    seed_job j = {.array = array};
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, seed_thread, &j), 0);
    assert_int_equal(pthread_join(t, NULL), 0);
    if (j.rc < 0) {
        f->thread_err = j.code;
        return j.code ? j.rc : FAULT_NOERR;
    }
    f->out_int = (int)(j.draw * 1e9); /* part of the digest */
    return 0;
}
static int o_seed(fault_fx *f) { return seed_default(f, false); }
static int o_seed_array(fault_fx *f) { return seed_default(f, true); }

static int o_random_new(fault_fx *f) { return keep_obj(f, nd_random_new(7), rng_free); }
static int o_shuffle(fault_fx *f) { return keep_int(f, nd_random_shuffle(f->in_obj, f->a[0])); }

int main(void) {
    const struct CMUnitTest tests[] = {
        FAULT_CASE(getitem_int_array, s_idx, o_getitem_int, 0),
        FAULT_CASE(getitem_bool_mask, s_idx, o_getitem_bool, 0),
        FAULT_CASE(setitem_int_array, s_idx, o_setitem, 0),
        FAULT_CASE(index_arrays, s_idx, o_index_arrays, 0),
        FAULT_CASE(setitem_str, s_idx, o_setitem_str, 0),
        FAULT_CASE(nonzero, s_idx, o_nonzero, 0),
        FAULT_CASE(where, s_idx, o_where, 0),
        FAULT_CASE(take, s_idx, o_take, 0),
        FAULT_CASE(take_flat, s_idx, o_take_flat, 0),
        FAULT_CASE(compress, s_idx, o_compress, 0),
        FAULT_CASE(concatenate, s_strided, o_concatenate, 0),
        FAULT_CASE(concatenate_flat, s_strided, o_concatenate_flat, 0),
        FAULT_CASE(stack, s_strided, o_stack, 0),
        FAULT_CASE(vstack, s_strided, o_vstack, 0),
        FAULT_CASE(hstack, s_strided, o_hstack, 0),
        FAULT_CASE(repeat, s_idx, o_repeat, 0),
        FAULT_CASE(repeat_n, s_idx, o_repeat_n, 0),
        FAULT_CASE(tile, s_strided, o_tile, 0),
        FAULT_CASE(roll, s_strided, o_roll, 0),
        FAULT_CASE(roll_flat, s_strided, o_roll_flat, 0),
        FAULT_CASE(flip, s_strided, o_flip, 0),
        FAULT_CASE(fliplr, s_strided, o_fliplr, 0),
        FAULT_CASE(flipud, s_strided, o_flipud, 0),
        FAULT_CASE(sort, s_dups, o_sort, 0),
        FAULT_CASE(sort_stable, s_dups, o_sort_stable, 0),
        FAULT_CASE(sort_heap_flat, s_dups, o_sort_heap_flat, 0),
        FAULT_CASE(sort_inplace, s_dups, o_sort_inplace, 0),
        FAULT_CASE(argsort, s_dups, o_argsort, 0),
        FAULT_CASE(partition, s_dups, o_partition, 0),
        FAULT_CASE(partition_flat, s_dups, o_partition_flat, 0),
        FAULT_CASE(partition_inplace, s_dups, o_partition_inplace, 0),
        FAULT_CASE(argpartition, s_dups, o_argpartition, 0),
        FAULT_CASE(argpartition_flat, s_dups, o_argpartition_flat, 0),
        FAULT_CASE(unique, s_dups, o_unique, 0),
        FAULT_CASE(unique_all_outputs, s_dups, o_unique_all, 0),
        FAULT_CASE(clip, s_strided, o_clip, 0),
        FAULT_CASE(isclose, s_strided, o_isclose, 0),
        FAULT_CASE(allclose, s_strided, o_allclose, 0),
        FAULT_CASE(array_equal, s_strided, o_array_equal, 0),
        FAULT_CASE(random_new, NULL, o_random_new, 0),
        FAULT_CASE(random_seed_default, NULL, o_seed, 0),
        FAULT_CASE(random_seed_array_default, NULL, o_seed_array, 0),
        FAULT_CASE(random_rand, s_rng, o_rand, 0),
        FAULT_CASE(random_random_sample, s_rng, o_random_sample, 0),
        FAULT_CASE(random_randn, s_rng, o_randn, 0),
        FAULT_CASE(random_uniform, s_rng, o_uniform, 0),
        FAULT_CASE(random_normal_0d, s_rng, o_normal, 0),
        FAULT_CASE(random_randint, s_rng, o_randint, 0),
        FAULT_CASE(random_choice_p, s_rng, o_choice, 0),
        FAULT_CASE(random_choice_n, s_rng, o_choice_n, 0),
        FAULT_CASE(random_permutation, s_rng, o_permutation, 0),
        FAULT_CASE(random_permutation_n, s_rng, o_permutation_n, 0),
        FAULT_CASE(random_shuffle, s_rng, o_shuffle, 0),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
