// Row text to u8 values with SSE2; see include/CKernels.h. Per 64-byte block: where the spaces,
// digits and zeros are, as the bits of 64-bit masks (four 16-byte compares and movemasks); the
// value that would end at every byte, in 16-bit lanes (this byte's digit, 10 × the one before,
// 100 × the one before that when both are digits); then, for each space, the value ending just
// before it. No step waits for the length of the value before.
#include "CKernels.h"

#if defined(__x86_64__)
#include <emmintrin.h>

static inline uint64_t mask16(__m128i m) { return (uint64_t)(uint16_t)_mm_movemask_epi8(m); }

/// Writes the values that end before each space of `spaces` to `out`; false if one is above 255.
static inline int compact(const uint16_t *ending, uint64_t spaces, uint8_t *out) {
    uint16_t any = 0;
    do {
        uint16_t v = ending[__builtin_ctzll(spaces) - 1];
        any |= v;
        *out++ = (uint8_t)v;
        spaces &= spaces - 1;
    } while (spaces);
    return any <= 255;
}

size_t nn_parse_byte_blocks(const uint8_t *p, size_t n, size_t *at, uint8_t *out, size_t room) {
    size_t i = *at, c = 0;
    const __m128i zero = _mm_set1_epi8('0'), space = _mm_set1_epi8(' '), nine = _mm_set1_epi8(9);
    const __m128i none = _mm_setzero_si128(), ten = _mm_set1_epi16(10), hundred = _mm_set1_epi16(100);
    const __m128i below0 = _mm_set1_epi16('0' - 1);
    // The values of a block are picked out while the next block is read, so that the picking
    // reads values stored a block earlier (not ones still on their way to memory).
    uint16_t ending[2][64];
    int pending = 0, k = 0;
    uint64_t pendingSpaces = 0;
    size_t pendingAt = 0, pendingCount = 0;
    if (i < 2) return 0;
    while (i + 67 <= n) {
        uint64_t spaces = 0, digits = 0, zeros = 0;
        for (int q = 0; q < 4; q++) {
            __m128i v = _mm_loadu_si128((const __m128i *)(p + i + 16 * q));
            __m128i d = _mm_sub_epi8(v, zero);   // digits 0...9, anything else above 9 as unsigned
            spaces |= mask16(_mm_cmpeq_epi8(v, space)) << (16 * q);
            digits |= mask16(_mm_cmpeq_epi8(_mm_min_epu8(d, nine), d)) << (16 * q);
            zeros |= mask16(_mm_cmpeq_epi8(v, zero)) << (16 * q);
        }
        uint64_t d = digits;
        if ((spaces | digits) != ~(uint64_t)0 ||               // a byte neither digit nor space
            spaces == 0 || (spaces & 1) || (spaces & (spaces >> 1)) ||   // no value, or blanks in a row
            (d & (d >> 1) & (d >> 2) & (d >> 3)) ||            // four digits in a row
            (zeros & ((spaces << 1) | 1) & (d >> 1)))          // a value with a leading zero
            break;
        size_t count = (size_t)__builtin_popcountll(spaces);
        if (c + pendingCount + count > room) break;
        uint16_t *values = ending[k & 1];
        for (int q = 0; q < 8; q++) {
            const uint8_t *b = p + i + 8 * q;
            __m128i x0 = _mm_loadl_epi64((const __m128i *)b);
            __m128i x1 = _mm_loadl_epi64((const __m128i *)(b - 1));
            __m128i x2 = _mm_loadl_epi64((const __m128i *)(b - 2));
            // A space (or the blank before the block) counts 0: saturating byte subtraction.
            __m128i d0 = _mm_unpacklo_epi8(_mm_subs_epu8(x0, zero), none);
            __m128i d1 = _mm_unpacklo_epi8(_mm_subs_epu8(x1, zero), none);
            __m128i d2 = _mm_unpacklo_epi8(_mm_subs_epu8(x2, zero), none);
            // The hundreds only where the byte before is a digit too (else d2 is another value's).
            __m128i before = _mm_cmpgt_epi16(_mm_unpacklo_epi8(x1, none), below0);
            __m128i value = _mm_add_epi16(_mm_add_epi16(d0, _mm_mullo_epi16(d1, ten)),
                                          _mm_and_si128(before, _mm_mullo_epi16(d2, hundred)));
            _mm_storeu_si128((__m128i *)(values + 8 * q), value);
        }
        if (pending) {
            if (!compact(ending[(k - 1) & 1], pendingSpaces, out + c)) { i = pendingAt; pending = 0; break; }
            c += pendingCount;
        }
        pending = 1;
        pendingSpaces = spaces;
        pendingAt = i;
        pendingCount = count;
        k++;
        i += (size_t)(64 - __builtin_clzll(spaces));   // past the block's last space
    }
    if (pending) {
        if (compact(ending[(k - 1) & 1], pendingSpaces, out + c)) c += pendingCount;
        else i = pendingAt;   // the caller refuses the row
    }
    *at = i;
    return c;
}

#else

size_t nn_parse_byte_blocks(const uint8_t *p, size_t n, size_t *at, uint8_t *out, size_t room) {
    (void)p; (void)n; (void)at; (void)out; (void)room;
    return 0;
}

#endif
