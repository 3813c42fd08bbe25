/* gen.h — what the unit tests' generators share: one seeded xorshift64
 * stream per test file (gen_seed() sets it; the same seed gives the same
 * inputs) and texts joined from random pieces. */
#ifndef GK_TEST_GEN_H
#define GK_TEST_GEN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t gen_state = 0x9E3779B97F4A7C15ull;

static inline void gen_seed(uint64_t seed)
{
    gen_state = seed ? seed : 0x9E3779B97F4A7C15ull;
}

static inline uint64_t gen_next(void)
{
    gen_state ^= gen_state << 13;
    gen_state ^= gen_state >> 7;
    gen_state ^= gen_state << 17;
    return gen_state;
}

/* 0 .. n-1 */
static inline unsigned gen_below(unsigned n)
{
    return (unsigned)(gen_next() % n);
}

/* Joins up to max-1 pieces drawn from parts into buf (at most cap bytes, not
 * NUL-terminated: "" stands for one NUL byte); returns the length. */
static inline size_t gen_pieces(char *buf, size_t cap, const char *const *parts, size_t nparts, unsigned max)
{
    size_t len = 0;
    for (unsigned k = gen_below(max); k > 0; k--) {
        const char *p = parts[gen_below((unsigned)nparts)];
        size_t l = *p ? strlen(p) : 1;
        if (len + l > cap)
            break;
        memcpy(buf + len, p, l);
        len += l;
    }
    return len;
}

/* The characters (code points) of a UTF-8 text s[0..n): the columns it takes where a
 * converter sets every character in a column of its own (pdftotext -layout). */
static inline int gen_chars(const char *s, size_t n)
{
    int k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* Columns a UTF-8 text s[0..n) takes on a terminal, as the generators lay
 * tables out: 2 for the wide characters (from U+1100), 1 for the others. */
static inline int gen_cols(const char *s, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n;) {
        unsigned char b = (unsigned char)s[i];
        size_t l = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        unsigned cp = b < 0x80   ? b
                    : b < 0xE0   ? (b & 0x1Fu) << 6 | ((unsigned char)s[i + 1] & 0x3Fu)
                    : b < 0xF0   ? (b & 0x0Fu) << 12 | ((unsigned char)s[i + 1] & 0x3Fu) << 6 |
                                       ((unsigned char)s[i + 2] & 0x3Fu)
                                 : 0x10000;
        w += cp >= 0x1100 ? 2 : 1;
        i += l;
    }
    return w;
}

/* text cut into the lines a browser wraps it into at `width` display columns
 * (a non-ASCII character two, ASCII one; a character wider than the width alone
 * on its line), at most max, each into piece + k * size (NUL-ended, cut to size);
 * how many. */
static inline int gen_wrap(const char *text, int width, char *piece, size_t size, int max)
{
    int n = 0;
    size_t at = 0, len = strlen(text);
    while (at < len && n < max) {
        size_t e = at;
        int w = 0;
        while (e < len) {
            unsigned char b = (unsigned char)text[e];
            size_t cl = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
            int cw = cl > 1 ? 2 : 1;
            if (w + cw > width && e > at)
                break;
            w += cw;
            e += cl;
        }
        snprintf(piece + (size_t)n++ * size, size, "%.*s", (int)(e - at), text + at);
        at = e;
    }
    return n;
}

#endif
