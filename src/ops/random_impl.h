/* random_impl.h — the legacy generator's state and bit stream, shared by
 * mt19937.c (the stream) and random.c (the np.random functions). */
#ifndef ND_RANDOM_IMPL_H
#define ND_RANDOM_IMPL_H

#include "nd_internal.h"

#define ND__MT_N 624

struct nd_random {
    uint32_t key[ND__MT_N]; /* MT19937 state words */
    int pos;                /* next word of key to temper; ND__MT_N: twist first */
    bool has_gauss;         /* legacy_gauss's cached second value is valid */
    double gauss;
};

/* NumPy's mt19937_seed (RandomState.seed(int)); clears the Gaussian cache. */
void nd__mt19937_seed(nd_random *r, uint32_t s);
/* NumPy's mt19937_init_by_array (RandomState.seed(list)); n >= 1. */
void nd__mt19937_seed_array(nd_random *r, const uint32_t *keys, int64_t n);
/* Seed from the OS (getentropy), falling back to the clock. */
void nd__mt19937_seed_entropy(nd_random *r);

uint32_t nd__mt19937_next32(nd_random *r);
uint64_t nd__mt19937_next64(nd_random *r);
/* random_standard_uniform: 53 bits from two words, in [0, 1). */
double nd__mt19937_double(nd_random *r);
/* legacy_gauss: standard normal, polar method with the cached pair value. */
double nd__mt19937_gauss(nd_random *r);
/* random_interval: uniform integer in [0, max] (shuffle, permutation). */
uint64_t nd__mt19937_interval(nd_random *r, uint64_t max);

/* random_bounded_*_fill with masked rejection: out[i] = off + a draw in
 * [0, rng], wrapping in the output width. */
void nd__mt19937_fill64(nd_random *r, uint64_t off, uint64_t rng, int64_t n, uint64_t *out);
void nd__mt19937_fill32(nd_random *r, uint32_t off, uint32_t rng, int64_t n, uint32_t *out);
void nd__mt19937_fill16(nd_random *r, uint16_t off, uint16_t rng, int64_t n, uint16_t *out);
void nd__mt19937_fill8(nd_random *r, uint8_t off, uint8_t rng, int64_t n, uint8_t *out);
void nd__mt19937_fillbool(nd_random *r, uint8_t off, uint8_t rng, int64_t n, uint8_t *out);

#endif /* ND_RANDOM_IMPL_H */
