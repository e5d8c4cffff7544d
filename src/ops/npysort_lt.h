/* npysort_lt.h — npysort's "less" for each type (NaNs last, complex
 * lexicographic), shared by sort.c and partition.c so both order values
 * exactly as NumPy 1.24 does. */
#ifndef ND_NPYSORT_LT_H
#define ND_NPYSORT_LT_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
    float re, im;
} c64_t;
typedef struct {
    double re, im;
} c128_t;

#define LT_INT(a, b) ((a) < (b))
#define LT_FLT(a, b) ((a) < (b) || ((b) != (b) && (a) == (a)))

/* npy_half_lt_nonan with NaNs last (npysort's half_tag::less). */
static inline bool lt_half(uint16_t a, uint16_t b) {
    bool an = (a & 0x7c00u) == 0x7c00u && (a & 0x3ffu), bn = (b & 0x7c00u) == 0x7c00u && (b & 0x3ffu);
    if (bn) return !an;
    if (an) return false;
    if (a & 0x8000u) {
        if (b & 0x8000u) return (a & 0x7fffu) > (b & 0x7fffu);
        return a != 0x8000u || b != 0;
    }
    if (b & 0x8000u) return false;
    return (a & 0x7fffu) < (b & 0x7fffu);
}
#define LT_HALF(a, b) lt_half((a), (b))

/* npysort's complex less: real parts first, NaNs last in either part. */
#define LT_CPLX(a, b)                                                                                   \
    ((a).re < (b).re   ? ((a).im == (a).im || (b).im != (b).im)                                        \
     : (a).re > (b).re ? ((b).im != (b).im && (a).im == (a).im)                                        \
     : ((a).re == (b).re || ((a).re != (a).re && (b).re != (b).re))                                    \
         ? ((a).im < (b).im || ((b).im != (b).im && (a).im == (a).im))                                  \
         : ((b).re != (b).re))

static inline int msb(int64_t n) {
    int d = 0;
    while (n >>= 1) d++;
    return d;
}

#endif
