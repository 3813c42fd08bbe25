/* wordset.c — which of a few dozen words occur in a line, in one pass. */
#include "wordset.h"
#include "util.h"

#include <string.h>

#if defined(__SSE2__) && defined(__GNUC__) && defined(__x86_64__)
#define WORDSET_AVX2 1
#include <immintrin.h>
#endif

int wordset_fast = 1;

void wordset_init(gk_wordset *ws)
{
    memset(ws, 0, sizeof *ws);
    memset(ws->skip, 3, sizeof ws->skip);
}

/* The AVX2 pass's bucket of w, word k of the set to be: that of a word
 * with the same first three bytes, else the next one round (one bucket a
 * first three bytes, a CJK word's first character, while there are no more
 * than 8). */
static int bucket_for(const gk_wordset *ws, int k, const char *w)
{
    int prefixes = 0;              /* the distinct first three bytes before k */
    for (int e = 0; e < k; e++) {
        if (ws->len[e] < 3)
            continue;
        if (!memcmp(ws->word[e], w, 3)) {
            int b = 0;
            while (!(ws->bucket[b] >> e & 1))
                b++;
            return b;
        }
        int first = 1;
        for (int d = 0; d < e && first; d++)
            first = ws->len[d] < 3 || memcmp(ws->word[d], ws->word[e], 3);
        prefixes += first;
    }
    return prefixes % 8;
}

int wordset_add(gk_wordset *ws, const char *w, size_t len)
{
    if (!len)
        return -1;
    for (int k = 0; k < ws->n; k++)
        if (ws->len[k] == len && !memcmp(ws->word[k], w, len))
            return k;
    if (ws->n == WORDSET_MAX)
        return -1;
    int k = ws->n++;
    ws->word[k] = w;
    ws->len[k] = len;
    if (len >= 3) {
        static const unsigned char ones[8] = {255, 255, 255, 255, 255, 255, 255, 255};
        memcpy(&ws->head[k], w, len < 8 ? len : 8);
        memcpy(&ws->head_mask[k], ones, len < 8 ? len : 8);
        int b = bucket_for(ws, k, w);
        ws->bucket[b] |= (uint64_t)1 << k;
        for (int p = 0; p < 3; p++)
            for (int h = 0; h < 2; h++) {
                unsigned n = h ? (unsigned char)w[p] >> 4 : (unsigned char)w[p] & 15;
                ws->nib[p][h][n] |= (unsigned char)(1u << b);
                ws->nib[p][h][n + 16] |= (unsigned char)(1u << b);
            }
        ws->by_third[(unsigned char)w[2]] |= (uint64_t)1 << k;
        /* byte c at position p of the word: the word may start 2 - p bytes
         * before the byte looked at, no further */
        for (int p = 0; p < 3; p++)
            if (ws->skip[(unsigned char)w[p]] > 2 - p)
                ws->skip[(unsigned char)w[p]] = (unsigned char)(2 - p);
    } else {
        ws->shorter |= (uint64_t)1 << k;
    }
    return k;
}

/* found and the words shorter than 3 bytes in s[0..len), one by one. */
static uint64_t with_shorter(const gk_wordset *ws, const char *s, size_t len, uint64_t found)
{
    for (uint64_t m = ws->shorter; m; m &= m - 1) {
        int k = __builtin_ctzll(m);
        if (util_find(s, len, ws->word[k], ws->len[k]))
            found |= (uint64_t)1 << k;
    }
    return found;
}

/* wordset_find()'s answer, byte by byte. */
static __attribute__((noinline)) uint64_t long_words_scan(const gk_wordset *ws, const char *s, size_t len)
{
    uint64_t found = 0;
    /* i is the third byte of a possible start j = i - 2: where no word has
     * s[i] in its first three bytes, none starts at j, j + 1 or j + 2;
     * where one has it at position p only, none starts before i - p */
    size_t i = 2;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (ws->skip[c]) {
            i += ws->skip[c];
            continue;
        }
        size_t j = i - 2;
        for (uint64_t m = ws->by_third[c] & ~found; m; m &= m - 1) {
            int k = __builtin_ctzll(m);
            const char *w = ws->word[k];
            if (s[j] == w[0] && s[j + 1] == w[1] && ws->len[k] <= len - j && !memcmp(s + i + 1, w + 3, ws->len[k] - 3))
                found |= (uint64_t)1 << k;
        }
        i++;
    }
    return ws->shorter ? with_shorter(ws, s, len, found) : found;
}

#ifdef WORDSET_AVX2
/* The buckets of the words that may have byte b at each of p[b..b + 32):
 * those with its low half and its high half there. */
static inline __attribute__((always_inline, target("avx2"))) __m256i teddy_byte(const gk_wordset *ws,
                                                                                 const unsigned char *p, int b)
{
    const __m256i low = _mm256_set1_epi8(15);
    __m256i v = _mm256_loadu_si256((const __m256i *)(p + b));
    __m256i lo = _mm256_shuffle_epi8(_mm256_loadu_si256((const __m256i *)ws->nib[b][0]), _mm256_and_si256(v, low));
    __m256i hi = _mm256_shuffle_epi8(_mm256_loadu_si256((const __m256i *)ws->nib[b][1]),
                                     _mm256_and_si256(_mm256_srli_epi16(v, 4), low));
    return _mm256_and_si256(lo, hi);
}

/* The buckets whose words may start at each of p[0..32), reading p[0..34)
 * (the tables read where they are, an operand of the shuffles). */
static inline __attribute__((always_inline, target("avx2"))) __m256i teddy_block(const gk_wordset *ws,
                                                                                  const unsigned char *p)
{
    return _mm256_and_si256(teddy_byte(ws, p, 0), _mm256_and_si256(teddy_byte(ws, p, 1), teddy_byte(ws, p, 2)));
}

/* Bit t: r's byte t is not 0 (start t may be a word's). */
static inline __attribute__((always_inline, target("avx2"))) uint32_t teddy_starts(__m256i r)
{
    return ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(r, _mm256_setzero_si256()));
}

/* Adds to found the words of s[0..len) starting at base + t for each bit t
 * of starts, t's buckets in buckets[t]. */
static inline __attribute__((always_inline)) uint64_t teddy_verify(const gk_wordset *ws, const char *s, size_t len, size_t base, uint32_t starts,
                             const unsigned char buckets[32], uint64_t found)
{
    for (; starts; starts &= starts - 1) {
        int t = __builtin_ctz(starts);
        size_t at = base + (size_t)t;
        uint64_t m = 0;
        for (unsigned bb = buckets[t]; bb; bb &= bb - 1)
            m |= ws->bucket[__builtin_ctz(bb)];
        for (m &= ~found; m; m &= m - 1) {
            int k = __builtin_ctzll(m);
            size_t wl = ws->len[k];
            if (len - at >= 8) {
                /* the first 8 bytes at once (most starts kept differ there) */
                uint64_t x;
                memcpy(&x, s + at, 8);
                if ((x ^ ws->head[k]) & ws->head_mask[k])
                    continue;
                if (wl <= 8 || (wl <= len - at && !memcmp(s + at + 8, ws->word[k] + 8, wl - 8)))
                    found |= (uint64_t)1 << k;
            } else if (wl <= len - at && !memcmp(s + at, ws->word[k], wl)) {
                found |= (uint64_t)1 << k;
            }
        }
    }
    return found;
}

/* The words of 3 bytes or more in s[0..len), 32 starts at once. */
static inline __attribute__((always_inline, target("avx2"))) uint64_t teddy_pass(const gk_wordset *ws, const char *s,
                                                                                  size_t len)
{
    if (len < 3)
        return 0;
#define TEDDY(p) teddy_block(ws, (p))
    const unsigned char *u = (const unsigned char *)s;
    unsigned char buckets[32];
    uint64_t found = 0;
    size_t j = 0;
    for (; j + 34 <= len; j += 32) {
        __m256i r = TEDDY(u + j);
        uint32_t starts = teddy_starts(r);
        if (starts) {
            _mm256_storeu_si256((__m256i *)buckets, r);
            found = teddy_verify(ws, s, len, j, starts, buckets, found);
        }
    }
    if (j + 3 > len)
        return found;                  /* no start left that a word fits */
    __m256i r;
    uint32_t keep;
    size_t base;
    if (len >= 34) {
        /* the last 34 bytes again, their starts before j dropped */
        base = len - 34;
        r = TEDDY(u + base);
        keep = ~(uint32_t)0 << (j - base);
    } else {
        /* a short line: its bytes in a buffer, the starts past its end dropped */
        unsigned char pad[64] = {0};
        memcpy(pad, u, len);
        base = 0;
        r = TEDDY(pad);
        keep = ((uint32_t)1 << (len - 2)) - 1;
    }
#undef TEDDY
    uint32_t starts = teddy_starts(r) & keep;
    if (starts) {
        _mm256_storeu_si256((__m256i *)buckets, r);
        found = teddy_verify(ws, s, len, base, starts, buckets, found);
    }
    return found;
}

/* long_words_scan()'s answer, 32 starts at once. */
static __attribute__((target("avx2"))) uint64_t long_words_avx2(const gk_wordset *ws, const char *s, size_t len)
{
    uint64_t found = teddy_pass(ws, s, len);
    return ws->shorter ? with_shorter(ws, s, len, found) : found;
}
#endif

uint64_t wordset_find(const gk_wordset *ws, const char *s, size_t len)
{
#ifdef WORDSET_AVX2
    if (wordset_fast && __builtin_cpu_supports("avx2"))
        return long_words_avx2(ws, s, len);
#endif
    return long_words_scan(ws, s, len);
}
