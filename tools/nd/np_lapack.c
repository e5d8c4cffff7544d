/* np_lapack.c — numpy.linalg's LAPACK primitives (private names the
 * prelude's linalg functions call).  NumPy 1.24 computes every
 * decomposition in double or complex double through the system LAPACK
 * (netlib's liblapack3 on Debian); calling the same routines on the same
 * column-major copies, with the same workspace queries, gives its bits.
 *
 * Each primitive takes a C-contiguous float64 or complex128 stack of
 * shape (B, m, n) that the prelude prepared, and returns new arrays of the
 * stack.  Built without LAPACK, they raise LinAlgError. */
#include <complex.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "np_util.h"

#ifdef ND_HAVE_LAPACK

typedef double _Complex zdouble;

/* Fortran LAPACK: every argument by reference, CHARACTER lengths trail. */
void dgetrf_(const int *m, const int *n, double *a, const int *lda, int *ipiv, int *info);
void zgetrf_(const int *m, const int *n, zdouble *a, const int *lda, int *ipiv, int *info);
void dgesv_(const int *n, const int *nrhs, double *a, const int *lda, int *ipiv, double *b, const int *ldb,
            int *info);
void zgesv_(const int *n, const int *nrhs, zdouble *a, const int *lda, int *ipiv, zdouble *b, const int *ldb,
            int *info);
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info, size_t);
void zpotrf_(const char *uplo, const int *n, zdouble *a, const int *lda, int *info, size_t);
void dsyevd_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda, double *w, double *work,
             const int *lwork, int *iwork, const int *liwork, int *info, size_t, size_t);
void zheevd_(const char *jobz, const char *uplo, const int *n, zdouble *a, const int *lda, double *w,
             zdouble *work, const int *lwork, double *rwork, const int *lrwork, int *iwork, const int *liwork,
             int *info, size_t, size_t);
void dgeev_(const char *jobvl, const char *jobvr, const int *n, double *a, const int *lda, double *wr, double *wi,
            double *vl, const int *ldvl, double *vr, const int *ldvr, double *work, const int *lwork, int *info,
            size_t, size_t);
void zgeev_(const char *jobvl, const char *jobvr, const int *n, zdouble *a, const int *lda, zdouble *w,
            zdouble *vl, const int *ldvl, zdouble *vr, const int *ldvr, zdouble *work, const int *lwork,
            double *rwork, int *info, size_t, size_t);
void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda, double *s, double *u,
             const int *ldu, double *vt, const int *ldvt, double *work, const int *lwork, int *iwork, int *info,
             size_t);
void zgesdd_(const char *jobz, const int *m, const int *n, zdouble *a, const int *lda, double *s, zdouble *u,
             const int *ldu, zdouble *vt, const int *ldvt, zdouble *work, const int *lwork, double *rwork,
             int *iwork, int *info, size_t);
void dgeqrf_(const int *m, const int *n, double *a, const int *lda, double *tau, double *work, const int *lwork,
             int *info);
void zgeqrf_(const int *m, const int *n, zdouble *a, const int *lda, zdouble *tau, zdouble *work,
             const int *lwork, int *info);
void dorgqr_(const int *m, const int *n, const int *k, double *a, const int *lda, const double *tau, double *work,
             const int *lwork, int *info);
void zungqr_(const int *m, const int *n, const int *k, zdouble *a, const int *lda, const zdouble *tau,
             zdouble *work, const int *lwork, int *info);
void dgelsd_(const int *m, const int *n, const int *nrhs, double *a, const int *lda, double *b, const int *ldb,
             double *s, const double *rcond, int *rank, double *work, const int *lwork, int *iwork, int *info);
void zgelsd_(const int *m, const int *n, const int *nrhs, zdouble *a, const int *lda, zdouble *b, const int *ldb,
             double *s, const double *rcond, int *rank, zdouble *work, const int *lwork, double *rwork, int *iwork,
             int *info);

/* The stack argument: (B, m, n), C-contiguous, float64 or complex128. */
typedef struct {
    nd_array *a;
    int64_t b, m, n;
    bool cplx;
    size_t isz;
} Stack;

static int get_stack(Val v, Stack *s) {
    bool own;
    nd_array *a = to_nd(v, &own);
    if (!a) return -1;
    const nd_dtype *dt = nd_array_dtype(a);
    int t = nd_dtype_type(dt);
    if (nd_ndim(a) != 3 || !(nd_flags(a) & ND_C_CONTIGUOUS) || (t != ND_FLOAT64 && t != ND_COMPLEX128) ||
        nd_dtype_byteorder(dt) == '>' || nd_shape(a)[1] > INT32_MAX || nd_shape(a)[2] > INT32_MAX) {
        if (own) nd_release(a);
        raise_exc(TypeErrorT, "linalg primitive: expected a C-contiguous (B, m, n) float64/complex128 stack");
        return -1;
    }
    if (!own) nd_retain(a);
    s->a = a;
    s->b = nd_shape(a)[0];
    s->m = nd_shape(a)[1];
    s->n = nd_shape(a)[2];
    s->cplx = t == ND_COMPLEX128;
    s->isz = s->cplx ? sizeof(zdouble) : sizeof(double);
    return 0;
}

/* A new C-contiguous array (B, d1[, d2]) of float64 or complex128. */
static nd_array *new_out(int64_t b, int nd, int64_t d1, int64_t d2, bool cplx) {
    int64_t shape[3] = {b, d1, d2};
    return nd_empty(1 + nd, shape, nd_dtype_of(cplx ? ND_COMPLEX128 : ND_FLOAT64), 'C');
}

/* Matrix k of the stack into buf column-major (LAPACK's A), and back. */
static void to_fortran(const Stack *s, int64_t k, void *buf) {
    const char *src = (const char *)nd_data(s->a) + (size_t)(k * s->m * s->n) * s->isz;
    char *dst = buf;
    for (int64_t i = 0; i < s->m; i++)
        for (int64_t j = 0; j < s->n; j++)
            memcpy(dst + (size_t)(i + j * s->m) * s->isz, src + (size_t)(i * s->n + j) * s->isz, s->isz);
}
static void from_fortran(void *out, const void *buf, int64_t rows, int64_t cols, size_t isz) {
    char *dst = out;
    const char *src = buf;
    for (int64_t i = 0; i < rows; i++)
        for (int64_t j = 0; j < cols; j++)
            memcpy(dst + (size_t)(i * cols + j) * isz, src + (size_t)(i + j * rows) * isz, isz);
}

static Val lin_error(const char *msg) { return raise_exc(exc_class_by_name("LinAlgError"), "%s", msg); }
static Val no_memory(void) { return raise_exc(MemoryErrorT, "linalg: out of memory"); }

/* _det(a) / _slogdet(a): LU by getrf, then NumPy's accumulation of the
 * diagonal's signs and logs (det = sign * exp(logdet), as NumPy). */
static Val lp_slogdet_impl(Val arg, bool det) {
    Stack s;
    if (get_stack(arg, &s) < 0) return VERR;
    int m = (int)s.m, lda = m > 1 ? m : 1, info;
    nd_array *sign = new_out(s.b, 0, 0, 0, s.cplx), *logdet = new_out(s.b, 0, 0, 0, false);
    void *buf = malloc((size_t)(s.m * s.m) * s.isz + 1);
    int *piv = malloc((size_t)s.m * sizeof(int) + 1);
    if (!sign || !logdet || !buf || !piv) goto oom;
    for (int64_t k = 0; k < s.b; k++) {
        to_fortran(&s, k, buf);
        double ld = 0;
        if (s.cplx) {
            zdouble *a = buf, sg;
            zgetrf_(&m, &m, a, &lda, piv, &info);
            if (info == 0) {
                int ch = 0;
                for (int i = 0; i < m; i++) ch += piv[i] != i + 1;
                sg = ch % 2 ? -1.0 : 1.0;
                for (int i = 0; i < m; i++) {
                    zdouble d = a[i * (m + 1)];
                    double ab = cabs(d), er = creal(d) / ab, ei = cimag(d) / ab;
                    double sr = creal(sg) * er - cimag(sg) * ei, si = creal(sg) * ei + cimag(sg) * er;
                    sg = CMPLX(sr, si);
                    ld += log(ab);
                }
            } else {
                sg = 0;
                ld = -INFINITY;
            }
            zdouble *so = (zdouble *)nd_data(sign) + k;
            if (det) { /* mult(sign, exp(logdet) + 0j), written out as NumPy does */
                double e = exp(ld);
                *so = CMPLX(creal(sg) * e - cimag(sg) * 0.0, creal(sg) * 0.0 + cimag(sg) * e);
            } else {
                *so = sg;
            }
        } else {
            double *a = buf, sg;
            dgetrf_(&m, &m, a, &lda, piv, &info);
            if (info == 0) {
                int ch = 0;
                for (int i = 0; i < m; i++) ch += piv[i] != i + 1;
                sg = ch % 2 ? -1.0 : 1.0;
                for (int i = 0; i < m; i++) {
                    double d = a[i * (m + 1)];
                    if (d < 0) {
                        sg = -sg;
                        d = -d;
                    }
                    ld += log(d);
                }
            } else {
                sg = 0;
                ld = -INFINITY;
            }
            ((double *)nd_data(sign))[k] = det ? sg * exp(ld) : sg;
        }
        ((double *)nd_data(logdet))[k] = ld;
    }
    free(buf);
    free(piv);
    nd_release(s.a);
    if (det) {
        nd_release(logdet);
        return mk_array(sign);
    }
    return mk_tuple2(mk_array(sign), mk_array(logdet));
oom:
    free(buf);
    free(piv);
    nd_release(sign);
    nd_release(logdet);
    nd_release(s.a);
    return no_memory();
}
static Val lp_det(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("_det", "a");
    return lp_slogdet_impl(p[0], true);
}
static Val lp_slogdet(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("_slogdet", "a");
    return lp_slogdet_impl(p[0], false);
}

/* _solve(a, b): gesv of each a[k] against b[k] (B, n, nrhs); b None is
 * the identity (inv). */
static Val lp_solve(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("_solve", "a|b");
    Stack s, r = {0};
    if (get_stack(p[0], &s) < 0) return VERR;
    bool inv = !HAS(p[1]) || p[1].t == T_NONE;
    if (!inv && get_stack(p[1], &r) < 0) {
        nd_release(s.a);
        return VERR;
    }
    int n = (int)s.n, nrhs = inv ? n : (int)r.n, ld = n > 1 ? n : 1, info = 0;
    nd_array *out = new_out(s.b, 2, n, nrhs, s.cplx);
    void *a = malloc((size_t)(s.n * s.n) * s.isz + 1), *bb = malloc((size_t)n * (size_t)nrhs * s.isz + 1);
    int *piv = malloc((size_t)n * sizeof(int) + 1);
    Val res = VERR;
    if (!out || !a || !bb || !piv) {
        res = no_memory();
        goto done;
    }
    for (int64_t k = 0; k < s.b; k++) {
        to_fortran(&s, k, a);
        if (inv) {
            memset(bb, 0, (size_t)n * (size_t)n * s.isz);
            for (int i = 0; i < n; i++) {
                if (s.cplx) ((zdouble *)bb)[i * (n + 1)] = 1.0;
                else ((double *)bb)[i * (n + 1)] = 1.0;
            }
        } else {
            to_fortran(&r, k, bb);
        }
        if (s.cplx) zgesv_(&n, &nrhs, a, &ld, piv, bb, &ld, &info);
        else dgesv_(&n, &nrhs, a, &ld, piv, bb, &ld, &info);
        if (info != 0) {
            res = lin_error("Singular matrix");
            goto done;
        }
        from_fortran((char *)nd_data(out) + (size_t)(k * n * nrhs) * s.isz, bb, n, nrhs, s.isz);
    }
    res = mk_array(out);
    out = NULL;
done:
    nd_release(out);
    free(a);
    free(bb);
    free(piv);
    nd_release(s.a);
    if (r.a) nd_release(r.a);
    return res;
}

/* _cholesky(a): potrf 'L', the strict upper triangle zeroed. */
static Val lp_cholesky(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("_cholesky", "a");
    Stack s;
    if (get_stack(p[0], &s) < 0) return VERR;
    int n = (int)s.n, ld = n > 1 ? n : 1, info = 0;
    nd_array *out = new_out(s.b, 2, n, n, s.cplx);
    void *a = malloc((size_t)(s.n * s.n) * s.isz + 1);
    Val res = VERR;
    if (!out || !a) {
        res = no_memory();
        goto done;
    }
    for (int64_t k = 0; k < s.b; k++) {
        to_fortran(&s, k, a);
        if (s.cplx) zpotrf_("L", &n, a, &ld, &info, 1);
        else dpotrf_("L", &n, a, &ld, &info, 1);
        if (info != 0) {
            res = lin_error("Matrix is not positive definite");
            goto done;
        }
        for (int j = 1; j < n; j++) /* column j, rows above the diagonal */
            memset((char *)a + (size_t)j * (size_t)n * s.isz, 0, (size_t)j * s.isz);
        from_fortran((char *)nd_data(out) + (size_t)(k * n * n) * s.isz, a, n, n, s.isz);
    }
    res = mk_array(out);
    out = NULL;
done:
    nd_release(out);
    free(a);
    nd_release(s.a);
    return res;
}

/* _eigh(a, uplo, vectors): syevd / heevd with NumPy's workspace query. */
static Val lp_eigh(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("_eigh", "a|uplo|vectors");
    Stack s;
    if (get_stack(p[0], &s) < 0) return VERR;
    char uplo = HAS(p[1]) && p[1].t == T_STR && STR(p[1])->s[0] == 'U' ? 'U' : 'L';
    char jobz = opt_truth(p[2], 1) ? 'V' : 'N';
    int n = (int)s.n, ld = n > 1 ? n : 1, info = 0, lwork = -1, lrwork = -1, liwork = -1, qi = 0;
    nd_array *w = new_out(s.b, 1, n, 0, false), *v = jobz == 'V' ? new_out(s.b, 2, n, n, s.cplx) : NULL;
    void *a = malloc((size_t)(s.n * s.n) * s.isz + 1), *work = NULL;
    double *rwork = NULL;
    int *iwork = NULL;
    Val res = VERR;
    if (!w || (jobz == 'V' && !v) || !a) goto oom;
    zdouble qz = 0;
    double qd = 0, qr = 0;
    if (s.cplx) {
        zheevd_(&jobz, &uplo, &n, a, &ld, nd_data(w), &qz, &lwork, &qr, &lrwork, &qi, &liwork, &info, 1, 1);
        lwork = (int)creal(qz);
        lrwork = (int)qr;
    } else {
        dsyevd_(&jobz, &uplo, &n, a, &ld, nd_data(w), &qd, &lwork, &qi, &liwork, &info, 1, 1);
        lwork = (int)qd;
    }
    liwork = qi;
    work = malloc((size_t)(lwork > 0 ? lwork : 1) * s.isz);
    rwork = malloc((size_t)(lrwork > 0 ? lrwork : 1) * sizeof(double));
    iwork = malloc((size_t)(liwork > 0 ? liwork : 1) * sizeof(int));
    if (!work || !rwork || !iwork) goto oom;
    for (int64_t k = 0; k < s.b; k++) {
        double *wk = (double *)nd_data(w) + k * n;
        to_fortran(&s, k, a);
        if (s.cplx)
            zheevd_(&jobz, &uplo, &n, a, &ld, wk, work, &lwork, rwork, &lrwork, iwork, &liwork, &info, 1, 1);
        else
            dsyevd_(&jobz, &uplo, &n, a, &ld, wk, work, &lwork, iwork, &liwork, &info, 1, 1);
        if (info != 0) {
            res = lin_error("Eigenvalues did not converge");
            goto done;
        }
        if (v) from_fortran((char *)nd_data(v) + (size_t)(k * n * n) * s.isz, a, n, n, s.isz);
    }
    res = v ? mk_tuple2(mk_array(w), mk_array(v)) : mk_array(w);
    w = v = NULL;
    goto done;
oom:
    res = no_memory();
done:
    nd_release(w);
    nd_release(v);
    free(a);
    free(work);
    free(rwork);
    free(iwork);
    nd_release(s.a);
    return res;
}

/* Real geev's vectors: a complex eigenvalue pair (j, j+1) shares columns
 * vr[:, j] +- i vr[:, j+1] (NumPy's mk_geev_complex_eigenvectors). */
static bool geev_vectors(zdouble *out, const double *vr, const double *wi, int n) {
    zdouble *col = malloc((size_t)n * (size_t)n * sizeof(zdouble) + 1);
    if (!col) return false;
    for (int j = 0; j < n;) {
        if (wi[j] == 0.0 || j + 1 >= n) {
            for (int i = 0; i < n; i++) col[i + j * n] = CMPLX(vr[i + j * n], 0.0);
            j++;
        } else {
            for (int i = 0; i < n; i++) {
                double re = vr[i + j * n], im = vr[i + (j + 1) * n];
                col[i + j * n] = CMPLX(re, im);
                col[i + (j + 1) * n] = CMPLX(re, -im);
            }
            j += 2;
        }
    }
    from_fortran(out, col, n, n, sizeof(zdouble));
    free(col);
    return true;
}

/* _eig(a, vectors): geev 'N'/'V'; always complex results, as NumPy's gufunc. */
static Val lp_eig(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("_eig", "a|vectors");
    Stack s;
    if (get_stack(p[0], &s) < 0) return VERR;
    char jobvl = 'N', jobvr = opt_truth(p[1], 1) ? 'V' : 'N';
    int n = (int)s.n, ld = n > 1 ? n : 1, info = 0, lwork = -1;
    nd_array *w = new_out(s.b, 1, n, 0, true), *v = jobvr == 'V' ? new_out(s.b, 2, n, n, true) : NULL;
    size_t nn = (size_t)n * (size_t)n;
    void *a = malloc(nn * s.isz + 1), *work = NULL;
    double *wr = malloc(2 * (size_t)n * sizeof(double) + 1), *rwork = NULL;
    void *vr = malloc(nn * s.isz + 1);
    Val res = VERR;
    if (!w || (jobvr == 'V' && !v) || !a || !wr || !vr) goto oom;
    double *wi = wr + n, dummy = 0;
    zdouble qz = 0, zdummy = 0;
    double qd = 0;
    if (s.cplx) {
        rwork = malloc(2 * (size_t)n * sizeof(double) + 1);
        if (!rwork) goto oom;
        zgeev_(&jobvl, &jobvr, &n, a, &ld, nd_data(w), &zdummy, &ld, vr, &ld, &qz, &lwork, rwork, &info, 1, 1);
        lwork = (int)creal(qz);
    } else {
        dgeev_(&jobvl, &jobvr, &n, a, &ld, wr, wi, &dummy, &ld, vr, &ld, &qd, &lwork, &info, 1, 1);
        lwork = (int)qd;
    }
    work = malloc((size_t)(lwork > 0 ? lwork : 1) * s.isz);
    if (!work) goto oom;
    for (int64_t k = 0; k < s.b; k++) {
        zdouble *wk = (zdouble *)nd_data(w) + k * n;
        to_fortran(&s, k, a);
        if (s.cplx)
            zgeev_(&jobvl, &jobvr, &n, a, &ld, wk, &zdummy, &ld, vr, &ld, work, &lwork, rwork, &info, 1, 1);
        else
            dgeev_(&jobvl, &jobvr, &n, a, &ld, wr, wi, &dummy, &ld, vr, &ld, work, &lwork, &info, 1, 1);
        if (info != 0) {
            res = lin_error("Eigenvalues did not converge");
            goto done;
        }
        if (!s.cplx)
            for (int i = 0; i < n; i++) wk[i] = CMPLX(wr[i], wi[i]);
        if (v) {
            zdouble *vk = (zdouble *)nd_data(v) + (size_t)k * nn;
            if (s.cplx) from_fortran(vk, vr, n, n, sizeof(zdouble));
            else if (!geev_vectors(vk, vr, wi, n)) goto oom;
        }
    }
    res = v ? mk_tuple2(mk_array(w), mk_array(v)) : mk_array(w);
    w = v = NULL;
    goto done;
oom:
    res = no_memory();
done:
    nd_release(w);
    nd_release(v);
    free(a);
    free(wr);
    free(vr);
    free(rwork);
    free(work);
    nd_release(s.a);
    return res;
}

/* _svd(a, jobz): gesdd with 'N' (s only), 'A' (full) or 'S' (reduced). */
static Val lp_svd(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("_svd", "a|jobz");
    Stack s;
    if (get_stack(p[0], &s) < 0) return VERR;
    char jobz = HAS(p[1]) && p[1].t == T_STR && STR(p[1])->len ? STR(p[1])->s[0] : 'N';
    int m = (int)s.m, n = (int)s.n, mn = m < n ? m : n, ld = m > 1 ? m : 1, info = 0, lwork = -1;
    int urows = jobz == 'A' ? m : jobz == 'S' ? mn : 0, vtcols = jobz == 'A' ? n : jobz == 'S' ? mn : 0;
    int ldvt = vtcols > 1 ? vtcols : 1;
    nd_array *sv = new_out(s.b, 1, mn, 0, false), *u = NULL, *vt = NULL;
    if (jobz != 'N') {
        u = new_out(s.b, 2, m, urows, s.cplx);
        vt = new_out(s.b, 2, vtcols, n, s.cplx);
    }
    size_t rw = jobz == 'N' ? 7 * (size_t)mn : 5 * (size_t)mn * (size_t)mn + 5 * (size_t)mn;
    void *a = malloc((size_t)m * (size_t)n * s.isz + 1), *ub = malloc((size_t)m * (size_t)urows * s.isz + 1),
         *vb = malloc((size_t)n * (size_t)vtcols * s.isz + 1), *work = NULL;
    double *rwork = malloc(rw * s.isz + 1);
    int *iwork = malloc(8 * (size_t)mn * sizeof(int) + 1);
    Val res = VERR;
    if (!sv || (jobz != 'N' && (!u || !vt)) || !a || !ub || !vb || !rwork || !iwork) goto oom;
    zdouble qz = 0;
    double qd = 0;
    if (s.cplx) {
        zgesdd_(&jobz, &m, &n, a, &ld, nd_data(sv), ub, &ld, vb, &ldvt, &qz, &lwork, rwork, iwork, &info, 1);
        lwork = (int)creal(qz);
    } else {
        dgesdd_(&jobz, &m, &n, a, &ld, nd_data(sv), ub, &ld, vb, &ldvt, &qd, &lwork, iwork, &info, 1);
        lwork = (int)qd;
    }
    if (lwork <= 0) lwork = 1;
    work = malloc((size_t)lwork * s.isz);
    if (!work) goto oom;
    for (int64_t k = 0; k < s.b; k++) {
        double *sk = (double *)nd_data(sv) + k * mn;
        to_fortran(&s, k, a);
        if (s.cplx)
            zgesdd_(&jobz, &m, &n, a, &ld, sk, ub, &ld, vb, &ldvt, work, &lwork, rwork, iwork, &info, 1);
        else
            dgesdd_(&jobz, &m, &n, a, &ld, sk, ub, &ld, vb, &ldvt, work, &lwork, iwork, &info, 1);
        if (info != 0) {
            res = lin_error("SVD did not converge");
            goto done;
        }
        if (u) {
            from_fortran((char *)nd_data(u) + (size_t)k * (size_t)m * (size_t)urows * s.isz, ub, m, urows, s.isz);
            from_fortran((char *)nd_data(vt) + (size_t)k * (size_t)n * (size_t)vtcols * s.isz, vb, vtcols, n,
                         s.isz);
        }
    }
    if (u) {
        Val t = mk_tuple(3);
        LIST(t)->v[0] = mk_array(u);
        LIST(t)->v[1] = mk_array(sv);
        LIST(t)->v[2] = mk_array(vt);
        res = t;
    } else {
        res = mk_array(sv);
    }
    sv = u = vt = NULL;
    goto done;
oom:
    res = no_memory();
done:
    nd_release(sv);
    nd_release(u);
    nd_release(vt);
    free(a);
    free(ub);
    free(vb);
    free(rwork);
    free(iwork);
    free(work);
    nd_release(s.a);
    return res;
}

/* A workspace length from a query's first element (real part for complex). */
static int query_len(const void *q, bool cplx) { return (int)(cplx ? creal(*(const zdouble *)q) : *(const double *)q); }

/* _qr_raw(a): geqrf of each matrix; returns (the factored matrices, tau). */
static Val lp_qr_raw(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("_qr_raw", "a");
    Stack s;
    if (get_stack(p[0], &s) < 0) return VERR;
    int m = (int)s.m, n = (int)s.n, k = m < n ? m : n, ld = m > 1 ? m : 1, info = 0, lwork = -1;
    nd_array *fa = new_out(s.b, 2, m, n, s.cplx), *tau = new_out(s.b, 1, k, 0, s.cplx);
    void *a = malloc((size_t)m * (size_t)n * s.isz + 1), *tb = calloc((size_t)k + 1, s.isz), *work = NULL;
    zdouble q = 0;
    Val res = VERR;
    if (!fa || !tau || !a || !tb) goto oom;
    if (s.cplx) zgeqrf_(&m, &n, a, &ld, tb, &q, &lwork, &info);
    else dgeqrf_(&m, &n, a, &ld, tb, (double *)&q, &lwork, &info);
    lwork = query_len(&q, s.cplx);
    if (lwork < n) lwork = n;
    if (lwork < 1) lwork = 1;
    if (!(work = malloc((size_t)lwork * s.isz))) goto oom;
    for (int64_t b = 0; b < s.b; b++) {
        to_fortran(&s, b, a);
        if (s.cplx) zgeqrf_(&m, &n, a, &ld, tb, work, &lwork, &info);
        else dgeqrf_(&m, &n, a, &ld, tb, work, &lwork, &info);
        if (info != 0) {
            res = lin_error("Incorrect argument found while performing LAPACK routine");
            goto done;
        }
        from_fortran((char *)nd_data(fa) + (size_t)b * (size_t)m * (size_t)n * s.isz, a, m, n, s.isz);
        memcpy((char *)nd_data(tau) + (size_t)b * (size_t)k * s.isz, tb, (size_t)k * s.isz);
    }
    res = mk_tuple2(mk_array(fa), mk_array(tau));
    fa = tau = NULL;
    goto done;
oom:
    res = no_memory();
done:
    nd_release(fa);
    nd_release(tau);
    free(a);
    free(tb);
    free(work);
    nd_release(s.a);
    return res;
}

/* _qr_q(factored, tau, mc): orgqr/ungqr, the first mc columns of Q. */
static Val lp_qr_q(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("_qr_q", "a|tau|mc");
    Stack s;
    int64_t mc64;
    if (get_stack(p[0], &s) < 0) return VERR;
    if (opt_int(p[2], s.m, &mc64) < 0) {
        nd_release(s.a);
        return VERR;
    }
    bool own;
    nd_array *tau = to_nd(p[1], &own);
    if (!tau) {
        nd_release(s.a);
        return VERR;
    }
    int m = (int)s.m, n = (int)s.n, k = m < n ? m : n, mc = (int)mc64, ld = m > 1 ? m : 1, info = 0, lwork = -1;
    nd_array *out = new_out(s.b, 2, m, mc, s.cplx);
    void *qb = calloc((size_t)m * (size_t)(mc > n ? mc : n) + 1, s.isz), *work = NULL;
    zdouble q = 0;
    Val res = VERR;
    if (nd_size(tau) != s.b * k || nd_array_dtype(tau) != nd_array_dtype(s.a) || !(nd_flags(tau) & ND_C_CONTIGUOUS)) {
        res = raise_exc(TypeErrorT, "_qr_q: tau must be a contiguous (B, k) stack of the matrices' dtype");
        goto done;
    }
    if (!out || !qb) goto oom;
    if (s.cplx) zungqr_(&m, &mc, &k, qb, &ld, nd_data(tau), &q, &lwork, &info);
    else dorgqr_(&m, &mc, &k, qb, &ld, nd_data(tau), (double *)&q, &lwork, &info);
    lwork = query_len(&q, s.cplx);
    if (lwork < n) lwork = n;
    if (lwork < 1) lwork = 1;
    if (!(work = malloc((size_t)lwork * s.isz))) goto oom;
    for (int64_t b = 0; b < s.b; b++) {
        to_fortran(&s, b, qb); /* the reflectors fill the first n columns; orgqr sets the rest */
        const char *tk = (const char *)nd_data(tau) + (size_t)b * (size_t)k * s.isz;
        if (s.cplx) zungqr_(&m, &mc, &k, qb, &ld, (const zdouble *)tk, work, &lwork, &info);
        else dorgqr_(&m, &mc, &k, qb, &ld, (const double *)tk, work, &lwork, &info);
        if (info != 0) {
            res = lin_error("Incorrect argument found while performing LAPACK routine");
            goto done;
        }
        from_fortran((char *)nd_data(out) + (size_t)b * (size_t)m * (size_t)mc * s.isz, qb, m, mc, s.isz);
    }
    res = mk_array(out);
    out = NULL;
    goto done;
oom:
    res = no_memory();
done:
    nd_release(out);
    free(qb);
    free(work);
    if (own) nd_release(tau);
    nd_release(s.a);
    return res;
}

/* _lstsq(a, b, rcond): gelsd; returns (x, residuals, rank int32, s) with
 * residuals NaN unless m > n... as NumPy's gufunc (linalg.py then drops them). */
static Val lp_lstsq(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("_lstsq", "a|b|rcond");
    Stack s, r = {0};
    double rcond;
    if (get_stack(p[0], &s) < 0) return VERR;
    if (get_stack(p[1], &r) < 0 || to_double(p[2], &rcond) < 0) {
        if (r.a) nd_release(r.a);
        nd_release(s.a);
        return VERR;
    }
    int m = (int)s.m, n = (int)s.n, nrhs = (int)r.n, k = m < n ? m : n, mx = m > n ? m : n;
    int lda = m > 1 ? m : 1, ldb = mx > 1 ? mx : 1, info = 0, lwork = -1, rank = 0, qi = 0;
    int64_t b1[1] = {s.b};
    nd_array *x = new_out(s.b, 2, n, nrhs, s.cplx), *res_ = new_out(s.b, 1, nrhs, 0, false),
             *rk = nd_empty(1, b1, nd_dtype_of(ND_INT32), 'C'), *sv = new_out(s.b, 1, k, 0, false);
    void *a = malloc((size_t)m * (size_t)n * s.isz + 1), *bb = calloc((size_t)ldb * (size_t)nrhs + 1, s.isz);
    void *work = NULL;
    double *rwork = NULL, qr = 0;
    int *iwork = NULL;
    zdouble q = 0;
    Val res = VERR;
    if (!x || !res_ || !rk || !sv || !a || !bb) goto oom;
    if (s.cplx)
        zgelsd_(&m, &n, &nrhs, a, &lda, bb, &ldb, nd_data(sv), &rcond, &rank, &q, &lwork, &qr, &qi, &info);
    else
        dgelsd_(&m, &n, &nrhs, a, &lda, bb, &ldb, nd_data(sv), &rcond, &rank, (double *)&q, &lwork, &qi, &info);
    lwork = query_len(&q, s.cplx);
    work = malloc((size_t)(lwork > 0 ? lwork : 1) * s.isz);
    rwork = malloc((size_t)(qr > 0 ? qr : 1) * sizeof(double));
    iwork = malloc((size_t)(qi > 0 ? qi : 1) * sizeof(int));
    if (!work || !rwork || !iwork) goto oom;
    for (int64_t b = 0; b < s.b; b++) {
        double *sk = (double *)nd_data(sv) + b * k, *rs = (double *)nd_data(res_) + b * nrhs;
        to_fortran(&s, b, a);
        /* b's columns at stride ldb = max(m, n) */
        const char *src = (const char *)nd_data(r.a) + (size_t)b * (size_t)m * (size_t)nrhs * s.isz;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < nrhs; j++)
                memcpy((char *)bb + ((size_t)i + (size_t)j * (size_t)ldb) * s.isz,
                       src + ((size_t)i * (size_t)nrhs + (size_t)j) * s.isz, s.isz);
        if (s.cplx)
            zgelsd_(&m, &n, &nrhs, a, &lda, bb, &ldb, sk, &rcond, &rank, work, &lwork, rwork, iwork, &info);
        else
            dgelsd_(&m, &n, &nrhs, a, &lda, bb, &ldb, sk, &rcond, &rank, work, &lwork, iwork, &info);
        if (info != 0) {
            res = lin_error("SVD did not converge in Linear Least Squares");
            goto done;
        }
        for (int i = 0; i < n; i++)
            for (int j = 0; j < nrhs; j++)
                memcpy((char *)nd_data(x) + (((size_t)b * (size_t)n + (size_t)i) * (size_t)nrhs + (size_t)j) * s.isz,
                       (char *)bb + ((size_t)i + (size_t)j * (size_t)ldb) * s.isz, s.isz);
        ((int32_t *)nd_data(rk))[b] = rank;
        for (int j = 0; j < nrhs; j++) { /* NumPy's abs2 over rows n..m-1, column stride m */
            double acc = 0;
            if (m >= n && rank == n) {
                for (int i = 0; i < m - n; i++) {
                    size_t at = (size_t)n + (size_t)j * (size_t)m + (size_t)i;
                    if (s.cplx) {
                        zdouble e = ((zdouble *)bb)[at];
                        acc += creal(e) * creal(e) + cimag(e) * cimag(e);
                    } else {
                        double e = ((double *)bb)[at];
                        acc += e * e;
                    }
                }
            } else {
                acc = NAN;
            }
            rs[j] = acc;
        }
    }
    Val t = mk_tuple(4);
    LIST(t)->v[0] = mk_array(x);
    LIST(t)->v[1] = mk_array(res_);
    LIST(t)->v[2] = mk_array(rk);
    LIST(t)->v[3] = mk_array(sv);
    x = res_ = rk = sv = NULL;
    res = t;
    goto done;
oom:
    res = no_memory();
done:
    nd_release(x);
    nd_release(res_);
    nd_release(rk);
    nd_release(sv);
    free(a);
    free(bb);
    free(work);
    free(rwork);
    free(iwork);
    nd_release(s.a);
    nd_release(r.a);
    return res;
}

void np_lapack_install(Val mod, PutFn put) {
    static const struct {
        const char *name;
        BFn fn;
    } fns[] = {{"_det", lp_det},   {"_slogdet", lp_slogdet}, {"_solve", lp_solve}, {"_cholesky", lp_cholesky},
               {"_eigh", lp_eigh}, {"_eig", lp_eig},         {"_svd", lp_svd},     {"_qr_raw", lp_qr_raw},
               {"_qr_q", lp_qr_q}, {"_lstsq", lp_lstsq},     {NULL, NULL}};
    for (int i = 0; fns[i].name; i++) put(mod, fns[i].name, mk_builtin(fns[i].name, fns[i].fn, VNONE));
}

#else

static Val lp_missing(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    (void)argc;
    (void)argv;
    (void)kw;
    return raise_exc(exc_class_by_name("LinAlgError"),
                     "this nd was built without LAPACK (install liblapack-dev and rebuild)");
}

void np_lapack_install(Val mod, PutFn put) {
    static const char *names[] = {"_det",   "_slogdet", "_solve", "_cholesky", "_eigh", "_eig",
                                  "_svd",   "_qr_raw",  "_qr_q",  "_lstsq",    NULL};
    for (int i = 0; names[i]; i++) put(mod, names[i], mk_builtin(names[i], lp_missing, VNONE));
}

#endif
