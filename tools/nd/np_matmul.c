/* np_matmul.c — a @ b (np.matmul): NumPy's gufunc (n?,k),(k,m?)->(n?,m?)
 * with broadcast batch dims, its errors, its output layout and its sums;
 * and np.dot, which sums the same way (N-d operands included).
 *
 * NumPy's loops (matmul.c.src, and the reference BLAS this NumPy is linked
 * with) all sum each output element as 0 + p0 + p1 + ... in the loop type;
 * float16 multiplies and sums in float32 and rounds once at the end.  So
 * the sum runs over k as whole-array steps: acc += a[..., :, j] * b[..., j, :]. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "np_util.h"

#define GIVEN(v) (HAS(v) && (v).t != T_NONE)

/* "(2,5,2,3)->(2,5,newaxis,newaxis)": NumPy's remapped-shape text for an
   operand of a gufunc whose batch dims do not broadcast. */
static void remapped(SB *m, const nd_array *x) {
    int n = nd_ndim(x);
    const int64_t *s = nd_shape(x);
    sb_puts(m, "(");
    for (int i = 0; i < n; i++) sb_printf(m, i ? ",%lld" : "%lld", (long long)s[i]);
    sb_puts(m, ")->(");
    for (int i = 0; i < n - 2; i++) sb_printf(m, "%lld,", (long long)s[i]);
    sb_puts(m, "newaxis,newaxis) ");
}

static Val broadcast_error(const nd_array *a, const nd_array *b) {
    SB m = {0};
    sb_puts(&m, "operands could not be broadcast together with remapped shapes [original->remapped]: ");
    remapped(&m, a);
    remapped(&m, b);
    sb_printf(&m, " and requested shape (%lld,%lld)", (long long)nd_shape(a)[nd_ndim(a) - 2],
              (long long)nd_shape(b)[nd_ndim(b) - 1]);
    Val msg = sb_val(&m);
    Val r = raise_exc(ValueErrorT, "%s", STR(msg)->s);
    decref(msg);
    return r;
}

/* Strides of x's batch dims (all but its last `core`) seen in an nd-dim
   loop: 0 where x has no such dim or it has length 1, as NumPy's iterator. */
static void loop_strides(const nd_array *x, int core, int nd, int64_t *st) {
    int nb = nd_ndim(x) - core;
    for (int i = 0; i < nd; i++) {
        int j = i - (nd - nb);
        st[i] = j >= 0 && nd_shape(x)[j] != 1 ? nd_strides(x)[j] : 0;
    }
}

/* NumPy's layout for the output: its iterator's order='K' sort
   (npyiter_find_best_axis_ordering) over the inputs' loop strides, where
   the output's core dims (no input strides) stay innermost in C order. */
static void out_strides(int nd, const int64_t *shape, const int64_t *sa, const int64_t *sb, int64_t isz,
                        int64_t *st) {
    int perm[ND_MAXDIMS]; /* perm[0]: innermost */
    for (int k = 0; k < nd; k++) perm[k] = nd - 1 - k;
    for (int i0 = 1; i0 < nd; i0++) {
        int ipos = i0, j0 = perm[i0];
        for (int i1 = i0 - 1; i1 >= 0; i1--) {
            int j1 = perm[i1];
            bool ambig = true, swap = false;
            const int64_t *ops[2] = {sa, sb};
            for (int o = 0; o < 2; o++) {
                int64_t s0 = ops[o][j0], s1 = ops[o][j1];
                if (s0 == 0 || s1 == 0) continue;
                if (llabs(s1) <= llabs(s0)) swap = false; /* C order wins a conflict */
                else if (ambig) swap = true;
                ambig = false;
            }
            if (ambig) continue;
            if (!swap) break;
            ipos = i1;
        }
        for (int i1 = i0; i1 > ipos; i1--) perm[i1] = perm[i1 - 1];
        perm[ipos] = j0;
    }
    int64_t s = isz;
    for (int k = 0; k < nd; k++) {
        st[perm[k]] = s;
        s *= shape[perm[k]] > 0 ? shape[perm[k]] : 1;
    }
}

/* A fresh zeroed output of the given shape and dtype with the strides st. */
static nd_array *alloc_out(nd_array *like, int nd, const int64_t *shape, const int64_t *st, const nd_dtype *dt) {
    nd_array *proto = nd_as_strided(like, nd, shape, st); /* only its layout is used */
    if (!proto) return NULL;
    nd_array *r = nd_zeros_like(proto, dt, 'K');
    nd_release(proto);
    return r;
}

/* The real (k 0) or imaginary (k 1) part of native complex a, as a view. */
static nd_array *part(nd_array *a, int k) {
    nd_type ft = nd_dtype_type(nd_array_dtype(a)) == ND_COMPLEX64 ? ND_FLOAT32 : ND_FLOAT64;
    nd_array *t = nd_subscript(a, 2, (nd_idx[]){ND_ELLIPSIS, ND_NEWAXIS});
    nd_array *f = t ? nd_view_dtype(t, nd_dtype_of(ft)) : NULL;
    nd_array *r = f ? nd_subscript(f, 2, (nd_idx[]){ND_ELLIPSIS, ND_I(k)}) : NULL;
    nd_release(t);
    nd_release(f);
    return r;
}

/* x * y for complex arrays as BLAS's (and NumPy's scalar loop) does it,
   (xr*yr - xi*yi) + (xr*yi + xi*yr)i: libnd's multiply follows NumPy's
   ufunc, whose SIMD loops fuse multiply-adds for some layouts. */
static nd_array *cmul(nd_array *x, nd_array *y) {
    nd_array *t[10] = {part(x, 0), part(x, 1), part(y, 0), part(y, 1)}, *r = NULL;
    if (!t[0] || !t[1] || !t[2] || !t[3]) goto done;
    for (int k = 0; k < 2; k++) { /* k 0: real, 1: imaginary */
        if (!(t[4 + 2 * k] = nd_apply(ND_MULTIPLY, t[0], t[2 + k], NULL))) goto done;
        if (!(t[5 + 2 * k] = nd_apply(ND_MULTIPLY, t[1], t[3 - k], NULL))) goto done;
    }
    if (!(t[8] = nd_apply(ND_SUBTRACT, t[4], t[5], NULL)) || !(t[9] = nd_apply(ND_ADD, t[6], t[7], NULL))) goto done;
    r = nd_empty(nd_ndim(t[8]), nd_shape(t[8]), nd_array_dtype(x), 'C');
    for (int k = 0; r && k < 2; k++) {
        nd_array *v = part(r, k);
        int rc = v ? nd_copyto(v, t[8 + k], ND_CAST_NO) : -1;
        nd_release(v);
        if (rc < 0) {
            nd_release(r);
            r = NULL;
        }
    }
done:
    for (int i = 0; i < 10; i++) nd_release(t[i]);
    return r;
}

/* x[ix] * y[iy]: the two operands of one product term, lined up. */
static nd_array *sub_mul(nd_array *x, int n1, const nd_idx *ix, nd_array *y, int n2, const nd_idx *iy) {
    nd_array *xs = nd_subscript(x, n1, ix), *ys = xs ? nd_subscript(y, n2, iy) : NULL;
    nd_array *p = !ys ? NULL : nd_dtype_kind(nd_array_dtype(xs)) == 'c' ? cmul(xs, ys) : nd_apply(ND_MULTIPLY, xs, ys, NULL);
    nd_release(xs);
    nd_release(ys);
    return p;
}

/* x and y indexed for the product term j (j < 0: all of k, kept as an
   axis): x[..., :, j, None] and y[..., None, j, :], leaving out the n or
   m dim of a 1-d operand. */
static nd_array *term(nd_array *x, nd_array *y, int64_t j) {
    int nx = nd_ndim(x), ny = nd_ndim(y), n1 = 0, n2 = 0;
    nd_idx ix[ND_MAXDIMS + 1], iy[ND_MAXDIMS + 1];
    nd_idx kx = j < 0 ? ND_ALL : ND_I(j);
    for (int i = 0; i < nx - 1; i++) ix[n1++] = ND_ALL;
    ix[n1++] = kx;
    if (ny >= 2 && (nx >= 2 || j < 0)) ix[n1++] = ND_NEWAXIS; /* against y's m dim */
    for (int i = 0; i < ny - 2; i++) iy[n2++] = ND_ALL;
    if (nx >= 2 && ny >= 2) iy[n2++] = ND_NEWAXIS;
    iy[n2++] = kx;
    if (ny >= 2) iy[n2++] = ND_ALL;
    return sub_mul(x, n1, ix, y, n2, iy);
}

/* acc (zeros) += the k products in order.  A small output takes all
   products at once and a cumulative sum (sequential too) along k. */
static int accumulate(nd_array *acc, nd_array *x, nd_array *y, int64_t k) {
    if (k == 0) return 0;
    if (nd_size(acc) <= 8 && nd_dtype_kind(nd_array_dtype(acc)) != 'b') {
        nd_array *p = term(x, y, -1);
        if (!p) return -1;
        int kax = nd_ndim(p) - (nd_ndim(y) >= 2 ? 2 : 1);
        nd_array *cs = nd_cumsum(p, kax, nd_array_dtype(acc));
        nd_release(p);
        if (!cs) return -1;
        nd_idx ix[ND_MAXDIMS];
        for (int i = 0; i < nd_ndim(cs); i++) ix[i] = i == kax ? ND_I(k - 1) : ND_ALL;
        nd_array *last = nd_subscript(cs, nd_ndim(cs), ix);
        nd_release(cs);
        nd_array *s = last ? nd_apply(ND_ADD, acc, last, acc) : NULL; /* 0 + sum, as NumPy */
        nd_release(last);
        nd_release(s);
        return s ? 0 : -1;
    }
    for (int64_t j = 0; j < k; j++) {
        nd_array *p = term(x, y, j);
        nd_array *s = p ? nd_apply(ND_ADD, acc, p, acc) : NULL;
        nd_release(p);
        if (!s) return -1;
        nd_release(s);
    }
    return 0;
}

static Val matmul_nd(nd_array *a, nd_array *b) {
    int na = nd_ndim(a), nb = nd_ndim(b);
    if (na == 0 || nb == 0)
        return raise_exc(ValueErrorT, "matmul: Input operand %d does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)", na == 0 ? 0 : 1);
    int64_t k1 = nd_shape(a)[na - 1], k2 = nd_shape(b)[nb == 1 ? 0 : nb - 2];
    if (k1 != k2)
        return raise_exc(ValueErrorT, "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size %lld is different from %lld)", (long long)k2, (long long)k1);
    /* batch dims: all but the last two of a 2-d-or-more operand */
    int ba = na >= 2 ? na - 2 : 0, bb = nb >= 2 ? nb - 2 : 0, nbat;
    int64_t bshape[ND_MAXDIMS];
    if (nd_broadcast_shapes(2, (int[]){ba, bb}, (const int64_t *const[]){nd_shape(a), nd_shape(b)}, &nbat, bshape) < 0)
        return broadcast_error(a, b);
    int ncore = (na >= 2) + (nb >= 2), nd = nbat + ncore;
    if (nd > ND_MAXDIMS) return raise_exc(ValueErrorT, "nd: matmul result has too many dimensions");
    int64_t shape[ND_MAXDIMS], sa[ND_MAXDIMS], sb[ND_MAXDIMS], st[ND_MAXDIMS];
    memcpy(shape, bshape, sizeof(int64_t) * (size_t)nbat);
    if (na >= 2) shape[nbat] = nd_shape(a)[na - 2];
    if (nb >= 2) shape[nd - 1] = nd_shape(b)[nb - 1];
    loop_strides(a, na >= 2 ? 2 : 1, nbat, sa);
    loop_strides(b, nb >= 2 ? 2 : 1, nbat, sb);
    for (int i = nbat; i < nd; i++) sa[i] = sb[i] = 0;
    const nd_dtype *dt = nd_promote_types(nd_array_dtype(a), nd_array_dtype(b));
    if (!dt) return raise_nd();
    bool half = nd_dtype_type(dt) == ND_FLOAT16;
    const nd_dtype *wt = half ? nd_dtype_of(ND_FLOAT32) : dt; /* NumPy's half loop sums in float */
    out_strides(nd, shape, sa, sb, nd_dtype_itemsize(wt), st);
    nd_array *x = nd_astype(a, wt, 'K', ND_CAST_UNSAFE, false), *y = x ? nd_astype(b, wt, 'K', ND_CAST_UNSAFE, false) : NULL;
    nd_array *acc = y ? alloc_out(a, nd, shape, st, wt) : NULL;
    int rc = acc ? accumulate(acc, x, y, k1) : -1;
    nd_release(x);
    nd_release(y);
    if (rc == 0 && half) {
        nd_array *h = nd_astype(acc, dt, 'K', ND_CAST_UNSAFE, true);
        nd_release(acc);
        acc = h;
    }
    nd_dtype_release(dt);
    if (rc < 0 || !acc) {
        nd_release(acc);
        return raise_nd();
    }
    return array_wrap0(acc);
}

Val np_matmul(Val av, Val bv) {
    bool oa, ob;
    nd_array *a = to_nd(av, &oa);
    if (!a) return VERR;
    nd_array *b = to_nd(bv, &ob);
    if (!b) { DROP(a, oa); return VERR; }
    Val r = matmul_nd(a, b);
    DROP(a, oa);
    DROP(b, ob);
    return r;
}

/* ---------- np.dot ---------- */
static void put_shape(SB *m, const nd_array *x) {
    sb_puts(m, "(");
    for (int i = 0; i < nd_ndim(x); i++) sb_printf(m, i ? ",%lld" : "%lld", (long long)nd_shape(x)[i]);
    sb_puts(m, nd_ndim(x) == 1 ? ",)" : ")");
}

static Val misaligned(const nd_array *a, const nd_array *b) {
    int na = nd_ndim(a), nb = nd_ndim(b), kb = nb >= 2 ? nb - 2 : 0;
    SB m = {0};
    sb_puts(&m, "shapes ");
    put_shape(&m, a);
    sb_puts(&m, " and ");
    put_shape(&m, b);
    sb_printf(&m, " not aligned: %lld (dim %d) != %lld (dim %d)", (long long)nd_shape(a)[na - 1], na - 1,
              (long long)nd_shape(b)[kb], kb);
    Val msg = sb_val(&m);
    Val r = raise_exc(ValueErrorT, "%s", STR(msg)->s);
    decref(msg);
    return r;
}

/* The product term j of dot: x[..., j] (with y's remaining dims as new
   axes after it) times y[..., j, :] (x's remaining dims as new axes in
   front), broadcast to the output's shape. */
static nd_array *dot_term(nd_array *x, nd_array *y, int64_t j) {
    int nx = nd_ndim(x), ny = nd_ndim(y), n1 = 0, n2 = 0;
    nd_idx ix[ND_MAXDIMS + 2], iy[ND_MAXDIMS + 2];
    ix[n1++] = ND_ELLIPSIS;
    ix[n1++] = ND_I(j);
    for (int i = 0; i < ny - 1; i++) ix[n1++] = ND_NEWAXIS;
    for (int i = 0; i < nx - 1; i++) iy[n2++] = ND_NEWAXIS;
    if (ny >= 2) iy[n2++] = ND_ELLIPSIS;
    iy[n2++] = ND_I(j);
    if (ny >= 2) iy[n2++] = ND_ALL;
    return sub_mul(x, n1, ix, y, n2, iy);
}

/* NumPy's dot for an operand above 2-d (PyArray_MatrixProduct2's generic
   loop): r[i..., j..., m] = sum_k a[i..., k] * b[j..., k, m], each element
   summed 0 + p0 + p1 + ... in the common type by the dtype's dotfunc
   (or reference BLAS's *dot, which sums in the same order); float16 sums
   in float32.  A new C-ordered array, or NULL with the exception raised. */
static nd_array *dot_generic(nd_array *a, nd_array *b, const nd_dtype *dt) {
    int na = nd_ndim(a), nb = nd_ndim(b), nd = 0;
    int64_t shape[ND_MAXDIMS], k = nd_shape(a)[na - 1];
    for (int i = 0; i < na - 1; i++) shape[nd++] = nd_shape(a)[i];
    for (int i = 0; i < nb - 2; i++) shape[nd++] = nd_shape(b)[i];
    if (nb >= 2) shape[nd++] = nd_shape(b)[nb - 1];
    if (nd > ND_MAXDIMS) {
        raise_exc(ValueErrorT, "maximum supported dimension for an ndarray is %d, found %d", ND_MAXDIMS, nd);
        return NULL;
    }
    bool half = nd_dtype_type(dt) == ND_FLOAT16;
    const nd_dtype *wt = half ? nd_dtype_of(ND_FLOAT32) : dt;
    nd_array *x = nd_astype(a, wt, 'K', ND_CAST_UNSAFE, false), *y = x ? nd_astype(b, wt, 'K', ND_CAST_UNSAFE, false) : NULL;
    nd_array *acc = y ? nd_zeros(nd, shape, wt, 'C') : NULL;
    for (int64_t j = 0; acc && j < k; j++) {
        nd_array *p = dot_term(x, y, j);
        nd_array *s = p ? nd_apply(ND_ADD, acc, p, acc) : NULL;
        nd_release(p);
        if (!s) {
            nd_release(acc);
            acc = NULL;
        }
        nd_release(s);
    }
    nd_release(x);
    nd_release(y);
    if (acc && half) {
        nd_array *h = nd_astype(acc, dt, 'C', ND_CAST_UNSAFE, true);
        nd_release(acc);
        acc = h;
    }
    if (!acc) raise_nd();
    return acc;
}

/* a and b (at most 2-d): NumPy's cblas_matrixproduct multiplies two
   one-element float or complex operands directly (no 0 + a*b, so -0.0
   stays); everything else sums as matmul does. */
static Val dot_2d(Val av, Val bv, nd_array *a, nd_array *b, const nd_dtype *dt) {
    nd_type t = nd_dtype_type(dt);
    int na = nd_ndim(a), nb = nd_ndim(b);
    if (nd_size(a) == 1 && nd_size(b) == 1 && (t == ND_FLOAT32 || t == ND_FLOAT64 || t == ND_COMPLEX64 || t == ND_COMPLEX128)) {
        int64_t one[2] = {1, 1};
        nd_array *prod = nd_apply(ND_MULTIPLY, a, b, NULL); /* shape (1,) or (1, 1) */
        nd_array *sh = prod ? nd_reshape(prod, (na == 2) + (nb == 2), one, 'C', ND_COPY_IF_NEEDED) : NULL;
        nd_array *r = sh ? nd_copy(sh, 'C') : NULL;
        nd_release(prod);
        nd_release(sh);
        return r ? array_wrap0(r) : raise_nd();
    }
    return np_matmul(av, bv);
}

/* np.dot's out=: the exact dtype and shape, C-contiguous (new_array_for_sum). */
static int check_out(Val outv, const nd_array *r) {
    if (outv.t != T_ARRAY) {
        raise_exc(TypeErrorT, "'out' must be an array");
        return -1;
    }
    nd_array *o = ARR(outv);
    int need = ND_C_CONTIGUOUS | ND_ALIGNED | ND_WRITEABLE;
    if (nd_ndim(o) != nd_ndim(r) || !nd_dtype_equal(nd_array_dtype(o), nd_array_dtype(r)) || (nd_flags(o) & need) != need) {
        raise_exc(ValueErrorT, "output array is not acceptable (must have the right datatype, number of dimensions, and be a C-Array)");
        return -1;
    }
    if (memcmp(nd_shape(o), nd_shape(r), sizeof(int64_t) * (size_t)nd_ndim(r))) {
        raise_exc(ValueErrorT, "output array has wrong dimensions");
        return -1;
    }
    return 0;
}

Val np_dot(Val av, Val bv, Val outv) {
    nd_array *a = arg_nd(av), *b = a ? arg_nd(bv) : NULL, *r = NULL;
    if (!b) {
        nd_release(a);
        return VERR;
    }
    int na = nd_ndim(a), nb = nd_ndim(b);
    /* the common type of the two dtypes (Python scalars without value-based casting) */
    const nd_dtype *pt = nd_promote_types(nd_array_dtype(a), nd_array_dtype(b));
    const nd_dtype *dt = pt && nd_dtype_kind(pt) != 'V' ? nd_dtype_of(nd_dtype_type(pt)) : pt;
    Val res = VERR;
    if (!pt) {
        res = raise_nd();
    } else if (na == 0 || nb == 0) { /* a scalar operand: multiply */
        nd_array *x = nd_astype(a, dt, 'K', ND_CAST_UNSAFE, false), *y = x ? nd_astype(b, dt, 'K', ND_CAST_UNSAFE, false) : NULL;
        r = y ? nd_apply(ND_MULTIPLY, x, y, NULL) : NULL;
        nd_release(x);
        nd_release(y);
        if (!r) res = raise_ufunc_err();
    } else if (nd_shape(a)[na - 1] != nd_shape(b)[nb >= 2 ? nb - 2 : 0]) {
        res = misaligned(a, b);
    } else if (na <= 2 && nb <= 2) {
        res = dot_2d(av, bv, a, b, dt);
        if (!ISERR(res) && GIVEN(outv)) {
            r = arg_nd(res);
            decref(res);
            res = VERR;
        }
    } else {
        r = dot_generic(a, b, dt);
    }
    nd_dtype_release(pt);
    nd_release(a);
    nd_release(b);
    if (!r) return res;
    if (GIVEN(outv)) {
        if (check_out(outv, r) < 0 || nd_copyto(ARR(outv), r, ND_CAST_NO) < 0) {
            nd_release(r);
            return exc_pending().t == T_EXC ? VERR : raise_nd();
        }
        if (nd_ndim(r) > 0) {
            nd_release(r);
            return incref(outv);
        }
    }
    return array_wrap0(r);
}
