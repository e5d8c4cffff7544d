/* dlpack.c — zero-copy exchange with DLPack (NumPy 1.24's __dlpack__ and
 * from_dlpack rules and messages). */
#include "io.h"

#if __has_include(<dlpack/dlpack.h>)
#include <dlpack/dlpack.h>

/* The exported tensor, with room for its shape and strides and the
 * reference that keeps the memory alive. */
typedef struct exported {
    DLManagedTensor t;
    nd_array *a;
    int64_t dims[];
} exported;

static void export_deleter(DLManagedTensor *t) {
    exported *e = (exported *)t; // t is the first member
    nd_release(e->a);
    nd__free_mem(e);
}

static int dl_code(const nd_dtype *d) {
    switch (d->kind) {
    case 'i': return kDLInt;
    case 'u': return kDLUInt;
    case 'f': return kDLFloat;
    case 'c': return kDLComplex;
    default: return -1; // bool: NumPy 1.24 exports no bool
    }
}

DLManagedTensor *nd_to_dlpack(nd_array *a) {
    const nd_dtype *d = a->dtype;
    if (!(a->flags & ND_WRITEABLE)) {
        nd__err(ND_EBUFFER, "Cannot export readonly array since signalling readonly is unsupported by DLPack.");
        return NULL;
    }
    int code = dl_code(d);
    if (code < 0) {
        nd__err(ND_EBUFFER, "DLPack only supports signed/unsigned integers, float and complex dtypes.");
        return NULL;
    }
    if (d->swapped) {
        nd__err(ND_EBUFFER, "DLPack only supports native byte order.");
        return NULL;
    }
    if (!(a->flags & ND_C_CONTIGUOUS) && nd_size(a) != 1)
        for (int i = 0; i < a->ndim; i++)
            if (a->shape[i] != 1 && a->strides[i] % d->itemsize != 0) {
                nd__err(ND_EBUFFER, "DLPack only supports strides which are a multiple of itemsize.");
                return NULL;
            }
    exported *e = nd__malloc(sizeof *e + 2 * (size_t)a->ndim * sizeof(int64_t));
    if (!e) {
        nd__err(ND_ENOMEM, NULL);
        return NULL;
    }
    for (int i = 0; i < a->ndim; i++) {
        e->dims[i] = a->shape[i];
        e->dims[a->ndim + i] = a->strides[i] / d->itemsize;
    }
    e->a = nd_retain(a);
    e->t.dl_tensor = (DLTensor){
        .data = a->data,
        .device = {kDLCPU, 0},
        .ndim = a->ndim,
        .dtype = {(uint8_t)code, (uint8_t)(d->itemsize * 8), 1},
        .shape = e->dims,
        .strides = e->dims + a->ndim,
        .byte_offset = 0,
    };
    e->t.manager_ctx = e;
    e->t.deleter = export_deleter;
    return &e->t;
}

static void import_release(void *ptr, size_t size, void *ctx) {
    ND_UNUSED(ptr);
    ND_UNUSED(size);
    DLManagedTensor *t = ctx;
    if (t->deleter) t->deleter(t);
}

static const nd_dtype *from_dl(DLDataType dt) {
    int b = dt.bits;
    nd_type t;
    switch (dt.code) {
    case kDLInt: t = b == 8 ? ND_INT8 : b == 16 ? ND_INT16 : b == 32 ? ND_INT32 : b == 64 ? ND_INT64 : ND_NTYPES; break;
    case kDLUInt: t = b == 8 ? ND_UINT8 : b == 16 ? ND_UINT16 : b == 32 ? ND_UINT32 : b == 64 ? ND_UINT64 : ND_NTYPES; break;
    case kDLFloat: t = b == 16 ? ND_FLOAT16 : b == 32 ? ND_FLOAT32 : b == 64 ? ND_FLOAT64 : ND_NTYPES; break;
    case kDLComplex: t = b == 64 ? ND_COMPLEX64 : b == 128 ? ND_COMPLEX128 : ND_NTYPES; break;
    default: t = ND_NTYPES;
    }
    return t == ND_NTYPES ? NULL : nd__dtype_builtin(t, false);
}

/* Byte strides and the byte extent [lo, hi) the elements cover. */
static int layout(const DLTensor *x, int64_t isz, int64_t *st, int64_t *lo, int64_t *hi) {
    int64_t size;
    if (!nd__checked_size(x->ndim, x->shape, isz, &size)) return ND_EVALUE;
    if (!x->strides) {
        nd__c_strides(x->ndim, x->shape, isz, st);
    } else {
        for (int i = 0; i < x->ndim; i++)
            if (__builtin_mul_overflow(x->strides[i], isz, &st[i]))
                return nd__err(ND_EVALUE, "DLPack strides overflow");
    }
    *lo = 0;
    *hi = size ? isz : 0;
    for (int i = 0; size && i < x->ndim; i++) {
        int64_t span;
        if (__builtin_mul_overflow(st[i], x->shape[i] - 1, &span)) return nd__err(ND_EVALUE, "DLPack strides overflow");
        if (span < 0) *lo += span;
        else *hi += span;
    }
    return 0;
}

nd_array *nd_from_dlpack(DLManagedTensor *t) {
    const DLTensor *x = &t->dl_tensor;
    DLDeviceType dev = x->device.device_type;
    if (dev != kDLCPU && dev != kDLCUDAHost && dev != kDLROCMHost && dev != kDLCUDAManaged) {
        nd__err(ND_ERUNTIME, "Unsupported device in DLTensor.");
        return NULL;
    }
    if (x->ndim < 0 || x->ndim > ND_MAXDIMS) {
        nd__err(ND_ERUNTIME, "maxdims of DLPack tensor is higher than the supported maxdims.");
        return NULL;
    }
    if (x->dtype.lanes != 1) {
        nd__err(ND_ERUNTIME, "Unsupported lanes in DLTensor dtype.");
        return NULL;
    }
    const nd_dtype *dt = from_dl(x->dtype);
    if (!dt) {
        nd__err(ND_ERUNTIME, "Unsupported dtype in DLTensor.");
        return NULL;
    }
    int64_t st[ND_MAXDIMS], lo = 0, hi = 0;
    if (layout(x, dt->itemsize, st, &lo, &hi) < 0) return NULL;
    char *data = (char *)x->data + x->byte_offset;
    /* The buffer spans exactly the elements; negative strides start below data. */
    nd_buf *b = nd_buf_wrap(data + lo, (size_t)(hi - lo), true, import_release, t);
    if (!b) return NULL;
    nd_array *a = nd_from_buf(b, dt, x->ndim, x->shape, st, -lo);
    if (!a) b->release = NULL; // failure: the caller keeps t, so the deleter must not run
    nd_buf_release(b);
    return a;
}

#else /* no dlpack.h: the API exists but reports why it cannot work */

struct DLManagedTensor *nd_to_dlpack(nd_array *a) {
    ND_UNUSED(a);
    nd__err(ND_ENOTIMPL, "nd was built without dlpack/dlpack.h");
    return NULL;
}

nd_array *nd_from_dlpack(struct DLManagedTensor *t) {
    ND_UNUSED(t);
    nd__err(ND_ENOTIMPL, "nd was built without dlpack/dlpack.h");
    return NULL;
}

#endif
