/* mt19937.c — the bit stream of NumPy's legacy RandomState: MT19937 with
 * its seeding, 53-bit doubles, the cached polar Gaussian, and the masked
 * rejection samplers behind randint, shuffle and choice.
 *
 * Everything here must reproduce NumPy 1.24 draw for draw, so the order in
 * which 32-bit words are consumed (and which ones are buffered or thrown
 * away) follows numpy/random/src/{mt19937,distributions,legacy} exactly. */
#include "nd_internal.h"
#include "random_impl.h"

#include <math.h>
#include <time.h>
#include <unistd.h>

#define MT_M 397
#define MT_MATRIX_A 0x9908b0dfu
#define MT_UPPER 0x80000000u
#define MT_LOWER 0x7fffffffu

void nd__mt19937_seed(nd_random *r, uint32_t s) {
    for (int i = 0; i < ND__MT_N; i++) {
        r->key[i] = s;
        s = 1812433253u * (s ^ (s >> 30)) + (uint32_t)i + 1;
    }
    r->pos = ND__MT_N;
    r->has_gauss = false;
    r->gauss = 0.0;
}

/* Matsumoto and Nishimura's init_by_array, which NumPy runs for array seeds. */
void nd__mt19937_seed_array(nd_random *r, const uint32_t *keys, int64_t n) {
    uint32_t *mt = r->key;
    nd__mt19937_seed(r, 19650218u);
    int i = 1;
    int64_t j = 0;
    for (int64_t k = n > ND__MT_N ? n : ND__MT_N; k > 0; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + keys[j] + (uint32_t)j;
        if (++i >= ND__MT_N) {
            mt[0] = mt[ND__MT_N - 1];
            i = 1;
        }
        if (++j >= n) j = 0;
    }
    for (int k = ND__MT_N - 1; k > 0; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        if (++i >= ND__MT_N) {
            mt[0] = mt[ND__MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000u; // guarantees a non-zero state whatever the keys
}

/* A seed for a generator nobody seeded: NumPy draws one from the OS too,
 * so only "different each run" matters here, not the exact method. */
void nd__mt19937_seed_entropy(nd_random *r) {
    uint32_t keys[8];
    if (getentropy(keys, sizeof keys) != 0) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        uint32_t mix = (uint32_t)ts.tv_nsec * 2654435761u + (uint32_t)ts.tv_sec;
        uintptr_t addr = (uintptr_t)r;
        for (int i = 0; i < 8; i++) keys[i] = mix + (uint32_t)(addr >> (4 * i)) + (uint32_t)i;
    }
    nd__mt19937_seed_array(r, keys, 8);
}

static void twist(uint32_t *mt) {
    int i;
    uint32_t y;
    for (i = 0; i < ND__MT_N - MT_M; i++) {
        y = (mt[i] & MT_UPPER) | (mt[i + 1] & MT_LOWER);
        mt[i] = mt[i + MT_M] ^ (y >> 1) ^ (-(y & 1u) & MT_MATRIX_A);
    }
    for (; i < ND__MT_N - 1; i++) {
        y = (mt[i] & MT_UPPER) | (mt[i + 1] & MT_LOWER);
        mt[i] = mt[i + MT_M - ND__MT_N] ^ (y >> 1) ^ (-(y & 1u) & MT_MATRIX_A);
    }
    y = (mt[ND__MT_N - 1] & MT_UPPER) | (mt[0] & MT_LOWER);
    mt[ND__MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ (-(y & 1u) & MT_MATRIX_A);
}

uint32_t nd__mt19937_next32(nd_random *r) {
    if (r->pos == ND__MT_N) {
        twist(r->key);
        r->pos = 0;
    }
    uint32_t y = r->key[r->pos++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

/* High word first, as NumPy's mt19937_next64 evaluates it. */
uint64_t nd__mt19937_next64(nd_random *r) {
    uint64_t hi = nd__mt19937_next32(r);
    return hi << 32 | nd__mt19937_next32(r);
}

double nd__mt19937_double(nd_random *r) {
    int32_t a = (int32_t)(nd__mt19937_next32(r) >> 5), b = (int32_t)(nd__mt19937_next32(r) >> 6);
    return (a * 67108864.0 + b) / 9007199254740992.0;
}

/* NumPy's legacy_gauss: the polar method yields two values per accepted
 * pair; the second is kept in the state for the next call. */
double nd__mt19937_gauss(nd_random *r) {
    if (r->has_gauss) {
        double g = r->gauss;
        r->has_gauss = false;
        r->gauss = 0.0;
        return g;
    }
    double x1, x2, r2;
    do {
        x1 = 2.0 * nd__mt19937_double(r) - 1.0;
        x2 = 2.0 * nd__mt19937_double(r) - 1.0;
        r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = sqrt(-2.0 * log(r2) / r2);
    r->gauss = f * x1;
    r->has_gauss = true;
    return f * x2;
}

/* Smallest 2^k - 1 that is >= max. */
static uint64_t gen_mask(uint64_t max) {
    max |= max >> 1;
    max |= max >> 2;
    max |= max >> 4;
    max |= max >> 8;
    max |= max >> 16;
    max |= max >> 32;
    return max;
}

/* NumPy's random_interval: uniform in [0, max] by masked rejection, from
 * 32-bit words while max fits in them. */
uint64_t nd__mt19937_interval(nd_random *r, uint64_t max) {
    if (max == 0) return 0;
    uint64_t mask = gen_mask(max), v;
    if (max <= 0xffffffffu) {
        while ((v = (nd__mt19937_next32(r) & mask)) > max) {
        }
    } else {
        while ((v = (nd__mt19937_next64(r) & mask)) > max) {
        }
    }
    return v;
}

/* ---- randint's fills: off + a draw in [0, rng], per output width ---- */

void nd__mt19937_fill64(nd_random *r, uint64_t off, uint64_t rng, int64_t n, uint64_t *out) {
    if (rng == 0) {
        for (int64_t i = 0; i < n; i++) out[i] = off;
    } else if (rng <= 0xffffffffu) {
        // A range that fits in 32 bits draws 32-bit words (NumPy's choice).
        uint32_t mask = (uint32_t)gen_mask(rng), v;
        for (int64_t i = 0; i < n; i++) {
            if (rng == 0xffffffffu) {
                v = nd__mt19937_next32(r);
            } else {
                while ((v = (nd__mt19937_next32(r) & mask)) > rng) {
                }
            }
            out[i] = off + v;
        }
    } else if (rng == UINT64_MAX) {
        for (int64_t i = 0; i < n; i++) out[i] = off + nd__mt19937_next64(r);
    } else {
        uint64_t mask = gen_mask(rng), v;
        for (int64_t i = 0; i < n; i++) {
            while ((v = (nd__mt19937_next64(r) & mask)) > rng) {
            }
            out[i] = off + v;
        }
    }
}

void nd__mt19937_fill32(nd_random *r, uint32_t off, uint32_t rng, int64_t n, uint32_t *out) {
    uint32_t mask = (uint32_t)gen_mask(rng), v;
    for (int64_t i = 0; i < n; i++) {
        if (rng == 0) {
            v = 0;
        } else if (rng == 0xffffffffu) {
            v = nd__mt19937_next32(r);
        } else {
            while ((v = (nd__mt19937_next32(r) & mask)) > rng) {
            }
        }
        out[i] = off + v;
    }
}

/* 16- and 8-bit draws slice each 32-bit word, low bits first; the buffer
 * lives for one fill call, as in NumPy, and rejected slices are consumed. */
static uint32_t buffered(nd_random *r, int bits, int *bcnt, uint32_t *buf) {
    if (*bcnt == 0) {
        *buf = nd__mt19937_next32(r);
        *bcnt = 32 / bits - 1;
    } else {
        *buf >>= bits;
        (*bcnt)--;
    }
    return *buf & ((1u << bits) - 1);
}

void nd__mt19937_fill16(nd_random *r, uint16_t off, uint16_t rng, int64_t n, uint16_t *out) {
    uint32_t buf = 0, mask = (uint32_t)gen_mask(rng), v;
    int bcnt = 0;
    for (int64_t i = 0; i < n; i++) {
        if (rng == 0) {
            v = 0;
        } else if (rng == 0xffffu) {
            v = buffered(r, 16, &bcnt, &buf);
        } else {
            while ((v = (buffered(r, 16, &bcnt, &buf) & mask)) > rng) {
            }
        }
        out[i] = (uint16_t)(off + v);
    }
}

void nd__mt19937_fill8(nd_random *r, uint8_t off, uint8_t rng, int64_t n, uint8_t *out) {
    uint32_t buf = 0, mask = (uint32_t)gen_mask(rng), v;
    int bcnt = 0;
    for (int64_t i = 0; i < n; i++) {
        if (rng == 0) {
            v = 0;
        } else if (rng == 0xffu) {
            v = buffered(r, 8, &bcnt, &buf);
        } else {
            while ((v = (buffered(r, 8, &bcnt, &buf) & mask)) > rng) {
            }
        }
        out[i] = (uint8_t)(off + v);
    }
}

/* Bools take one bit per draw (32 per word); there is no rejection. */
void nd__mt19937_fillbool(nd_random *r, uint8_t off, uint8_t rng, int64_t n, uint8_t *out) {
    uint32_t buf = 0;
    int bcnt = 0;
    for (int64_t i = 0; i < n; i++) out[i] = rng == 0 ? off : (uint8_t)(off + buffered(r, 1, &bcnt, &buf));
}
