/* text.c — decoding (iconv) and per-line normalisation. */
#include "text.h"
#include "util.h"

#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#ifdef __SSE2__
#include <emmintrin.h>
#if defined(__GNUC__) && defined(__x86_64__)
/* split_plain() takes 32 bytes at once where the processor has AVX2 (asked
 * at run time); the SSE2 version is the same but for its masks */
#define TEXT_AVX2 1
#include <immintrin.h>
#endif
#endif

#ifdef TEXT_AVX2
/* Whether the 32-byte paths run: the processor has AVX2 and the fast paths
 * are on (text_fast_utf8 1; the tests' 2 takes the SSE2 ones). */
static inline int fast_avx2(void)
{
    return text_fast_utf8 == 1 && __builtin_cpu_supports("avx2");
}
#endif

static inline int decode(const char *str, size_t len, unsigned *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (len == 0)
        return 0;
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int n;
    unsigned min;
    if ((c & 0xE0) == 0xC0) {
        n = 2; c &= 0x1F; min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3; c &= 0x0F; min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4; c &= 0x07; min = 0x10000;
    } else {
        return 0;
    }
    if ((size_t)n > len)
        return 0;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return n;
}

int utf8_decode(const char *str, size_t len, unsigned *cp)
{
    return decode(str, len, cp);
}

static inline int encode(unsigned cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int utf8_encode(unsigned cp, char out[4])
{
    return encode(cp, out);
}

/* What a byte is, for the fast paths below (one table look-up instead of
 * a chain of comparisons):
 *   B_FOLD   the byte may start something normalise_line() changes or
 *            stops at: an ASCII control character other than tab (line
 *            ends included), DEL, or the lead byte of a code point that
 *            fold_cp() changes: C2 (U+0080..U+00BF: C1 controls, U+00A0),
 *            E2 (U+2000..U+2FFF: spaces, quotes, hyphens, dashes and the
 *            minus sign, zero-width and bidi controls, box drawing),
 *            E3 (U+3000..U+3FFF: U+3000, U+300C, U+300D) and
 *            EF (U+F000..U+FFFF: U+FE50, U+FE63, U+FEFF, U+FF01..U+FF5E).  Every
 *            other byte of valid UTF-8 is copied unchanged.
 *   B_LEAD3  E1..EC, EE, EF: the lead of a three-byte sequence that
 *            decode() accepts whenever two continuation bytes follow
 *            (U+1000..U+CFFF and U+E000..U+FFFF: never overlong, never a
 *            surrogate).  E0 and ED need a look at the second byte and
 *            take the slow path.
 *   B_CTL    what scan_bytes() counts as a control byte: below 0x20 but
 *            neither NUL (counted apart) nor tab, LF, CR, FF or ESC. */
enum { B_FOLD = 1, B_LEAD3 = 2, B_CTL = 4 };
#define F B_FOLD
#define C (B_CTL | B_FOLD)
#define L B_LEAD3
static const unsigned char byte_class[256] = {
    /* 0x00 */ F, C, C, C, C, C, C, C, C, 0, F, C, F, F, C, C,
    /* 0x10 */ C, C, C, C, C, C, C, C, C, C, C, F, C, C, C, C,
    /* 0x20 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0x30 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0x40 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0x50 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0x60 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0x70 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, F,
    /* 0x80 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0x90 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0xA0 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0xB0 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0xC0 */ 0, 0, F, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0xD0 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0xE0 */ 0, L, L | F, L | F, L, L, L, L, L, L, L, L, L, 0, L, L | F,
    /* 0xF0 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
#undef F
#undef C
#undef L

/* s[0] and s[1] are both continuation bytes (10xxxxxx).  The mask and the
 * value are the same in both bytes, so byte order does not matter. */
static inline int two_continuations(const unsigned char *s)
{
    uint16_t h;
    memcpy(&h, s, 2);
    return (h & 0xC0C0) == 0x8080;
}

/* A three-byte sequence at s[i] that decode() accepts without a closer look. */
static inline int common3(const unsigned char *s, size_t i, size_t len)
{
    return i + 2 < len && (byte_class[s[i]] & B_LEAD3) && two_continuations(s + i + 1);
}

/* The eight bytes at s start with two three-byte sequences: a lead byte
 * E0..EF and two continuation bytes, twice.  The mask and the pattern are
 * spelled as bytes, so byte order does not matter. */
static inline int two_seq3(const unsigned char *s)
{
    static const unsigned char mask_b[8] = {0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0, 0, 0};
    static const unsigned char want_b[8] = {0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80, 0, 0};
    uint64_t w, mask, want;
    memcpy(&w, s, 8);
    memcpy(&mask, mask_b, 8);
    memcpy(&want, want_b, 8);
    return (w & mask) == want;
}

/* Skips a run of common three-byte sequences (see B_LEAD3) from s[i]:
 * two at a time while eight bytes are left, then one at a time.  Returns
 * where the run ends (i when there is none). */
static inline size_t skip_common3(const unsigned char *s, size_t i, size_t len)
{
    while (i + 8 <= len && two_seq3(s + i) && (byte_class[s[i]] & byte_class[s[i + 3]] & B_LEAD3))
        i += 6;
    while (common3(s, i, len))
        i += 3;
    return i;
}

/* Eight bytes at s, all ASCII (any value). */
static inline int ascii8(const unsigned char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
    return !(w & 0x8080808080808080ull);
}

/* Eight bytes at s, all printable ASCII or DEL (0x20..0x7F). */
static inline int printable8(const unsigned char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
    uint64_t high = w & 0x8080808080808080ull;
    uint64_t low = (w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull; /* some byte < 0x20 */
    return !high && !low;
}

/* Length of the longest prefix of s made of sequences decode() accepts:
 * the offset of the first invalid sequence, or len. */
static size_t valid_prefix(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        if (s[i] < 0x80) {
            /* ASCII is always valid: skip it a word at a time, then byte by
             * byte up to the non-ASCII byte that stopped the word */
            while (i + 8 <= len && ascii8(s + i))
                i += 8;
            while (i < len && s[i] < 0x80)
                i++;
            continue;
        }
        size_t run_end = skip_common3(s, i, len);
        if (run_end > i) {
            i = run_end;
            continue;
        }
        unsigned cp;
        int n = decode((const char *)s + i, len - i, &cp);
        if (!n)
            return i;
        i += (size_t)n;
    }
    return len;
}

static int plain_utf8(const unsigned char *s, size_t len, size_t *ctl_out);

int utf8_valid(const char *s, size_t len)
{
#ifdef __SSE2__
    size_t ctl;
    /* what plain_utf8() takes is valid UTF-8 (a web page whole, say: a
     * vector's bytes at a time); it declines NUL and rarer sequences, which
     * valid_prefix() then decides, as utf8_repair() does */
    if (plain_utf8((const unsigned char *)s, len, &ctl))
        return 1;
#endif
    return valid_prefix((const unsigned char *)s, len) == len;
}

/* A box-drawing character (U+2500..U+257F: the borders `w3m -dump` and
 * table printers draw) as the ASCII a pipe table would have:
 * a line with no vertical part ("─" "━" "═", dashed, half lines) is '-',
 * the diagonals stay, everything else (verticals, corners, tees, crosses)
 * is '|' — so "│ 12 │" reads as a pipe row and "├───┼───┤" as its rule. */
static inline unsigned box_fold(unsigned cp)
{
    switch (cp) {
    case 0x2500: case 0x2501: case 0x2504: case 0x2505: case 0x2508: case 0x2509:
    case 0x254C: case 0x254D: case 0x2550: case 0x2574: case 0x2576: case 0x2578:
    case 0x257A: case 0x257C: case 0x257E:
        return '-';
    case 0x2571: case 0x2572: case 0x2573:
        return cp;
    }
    return '|';
}

int text_border_kind(unsigned cp)
{
    if (cp == '|' || cp == 0xFF5C || (cp >= 0x2500 && cp <= 0x257F && box_fold(cp) == '|'))
        return 1;
    return cp == '+' ? 2 : 0;
}

int text_cp_ambiguous(unsigned cp)
{
    return cp == 0xA7 || cp == 0xB0 || cp == 0xB1 || cp == 0xB7 || cp == 0xD7 || cp == 0xF7 ||
           (cp >= 0x391 && cp <= 0x3C9) || (cp >= 0x401 && cp <= 0x451) || (cp >= 0x2010 && cp <= 0x2027) ||
           (cp >= 0x2030 && cp <= 0x203E) || cp == 0x2103 || cp == 0x2116 || (cp >= 0x2160 && cp <= 0x2179) ||
           (cp >= 0x2190 && cp <= 0x2199) || (cp >= 0x2460 && cp <= 0x24FF) || (cp >= 0x25A0 && cp <= 0x25FF) ||
           cp == 0x2605 || cp == 0x2606;
}

int text_cp_width(unsigned cp)
{
    return cp >= 0x1100 &&
                   (cp <= 0x115F || cp == 0x2329 || cp == 0x232A || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
                    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE6F) ||
                    (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
                    (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x20000 && cp <= 0x3FFFD))
               ? 2
               : 1;
}

/* Folds one code point for parsing; returns the replacement code point,
 * or 0 to drop it. */
static unsigned fold_cp(unsigned cp)
{
    if (cp >= 0xFF01 && cp <= 0xFF5E)
        return cp - 0xFEE0;            /* full-width ASCII */
    switch (cp) {
    case 0x3000: case 0x00A0: case 0x2002: case 0x2003: case 0x2009:
    case 0x202F: case 0x205F: case 0x2007: case 0x2008: case 0x200A:
        return ' ';
    case 0x200B: case 0x200C: case 0x200D: case 0xFEFF: case 0x2060:
        return 0;
    case 0x201C: case 0x201D: case 0x201E: case 0x300C: case 0x300D:
        return '"';
    case 0x2018: case 0x2019:
        return '\'';
    case 0x3001:                       /* 、 stays: it separates label items */
        return cp;
    case 0xFE50:
        return ',';
    case 0x2212: case 0xFE63: case 0x2010: case 0x2011: case 0x2012:
        return '-';                    /* minus signs and hyphens: "−3", a cell's "‐" */
    case 0x2015:
        return 0x2014;                 /* a horizontal bar: the dash a blank cell holds */
    }
    if (cp >= 0x2500 && cp <= 0x257F)
        return box_fold(cp);
    if (cp == '\t')
        return cp;
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
        return ' ';                    /* control characters blank out */
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
        return 0;                      /* bidi controls */
    return cp;
}

unsigned text_fold_cp(unsigned cp)
{
    return fold_cp(cp);
}

/* Writes the normalised form of s[0..len) to out (room for len + 1 bytes:
 * no fold makes a character longer);
 * returns the bytes written.  ASCII other than control characters is
 * copied as it is; everything else goes through fold_cp().  Any bytes:
 * an invalid sequence becomes '?'. */
static size_t normalise_checked(const char *s, size_t len, char *out)
{
    char *o = out;
    size_t i = 0;
    while (i < len) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 0x20 && ch < 0x7F) {
            *o++ = (char)ch;
            i++;
            continue;
        }
        /* U+4000..U+9FFF (most CJK text): nothing to fold, copy the three bytes */
        if (ch >= 0xE4 && ch <= 0xE9 && i + 2 < len && ((unsigned char)s[i + 1] & 0xC0) == 0x80 &&
            ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
            o[0] = s[i];
            o[1] = s[i + 1];
            o[2] = s[i + 2];
            o += 3;
            i += 3;
            continue;
        }
        unsigned cp;
        int n = decode(s + i, len - i, &cp);
        if (!n) {
            cp = '?';                  /* never longer than the byte it replaces */
            n = 1;
        }
        i += (size_t)n;
        unsigned f = fold_cp(cp);
        if (f)
            o += encode(f, o);
    }
    *o = '\0';
    return (size_t)(o - out);
}

/* The B_FOLD bytes among the eight at s: bit k for s[k]. */
static inline unsigned fold_mask8(const unsigned char *s)
{
    return (unsigned)(byte_class[s[0]] & B_FOLD) | (unsigned)(byte_class[s[1]] & B_FOLD) << 1 |
           (unsigned)(byte_class[s[2]] & B_FOLD) << 2 | (unsigned)(byte_class[s[3]] & B_FOLD) << 3 |
           (unsigned)(byte_class[s[4]] & B_FOLD) << 4 | (unsigned)(byte_class[s[5]] & B_FOLD) << 5 |
           (unsigned)(byte_class[s[6]] & B_FOLD) << 6 | (unsigned)(byte_class[s[7]] & B_FOLD) << 7;
}

#ifdef __SSE2__
/* fold_mask8() for the sixteen bytes at s, by comparisons (SSE2 is part of
 * every x86-64): the controls but tab, DEL, C2, E2, E3 and EF. */
static inline unsigned fold_mask16(const unsigned char *s)
{
    const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i ctl = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);     /* v <= 0x1F */
    ctl = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')), ctl);
    __m128i lead = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xFE)), _mm_set1_epi8((char)0xE2));
    lead = _mm_or_si128(lead, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2)));
    lead = _mm_or_si128(lead, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEF)));
    lead = _mm_or_si128(lead, _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(ctl, lead));
}
#endif

/* Copies `width` bytes from *s to *o and moves both on to the first byte
 * that mask m marks, or past all of them: 1 when m marked one. */
static inline int copy_to_fold(const unsigned char **s, char **o, unsigned m, unsigned width)
{
    memcpy(*o, *s, width);
    unsigned k = m ? (unsigned)__builtin_ctz(m) : width;
    *o += k;
    *s += k;
    return k < width;
}

/* The same as normalise_checked() for text that is valid UTF-8, up to the
 * first line end (LF or CR) or `stop`, whichever comes first: writes the
 * normalised bytes and a NUL to out, sets *outlen and returns where it
 * stopped.  out needs room for stop - str bytes (eight bytes are copied at
 * a time while eight are left before stop), and at least for the line's
 * length + 1.
 *
 * Valid UTF-8 lets it copy every byte without B_FOLD unchanged: such a
 * byte is printable ASCII, tab, a continuation byte, or the lead of a
 * sequence whose code point fold_cp() returns as it is, so re-encoding
 * would give the same bytes.  Only B_FOLD bytes go through decode() and
 * fold_cp().  (On invalid input it stays within bounds, but may copy an
 * invalid byte instead of writing '?'.) */
static inline __attribute__((always_inline)) const char *normalise_line(const char *str, const char *stop, char *out,
                                                                       size_t *outlen)
{
    const unsigned char *s = (const unsigned char *)str, *end = (const unsigned char *)stop;
    char *o = out;
    for (;;) {
        /* eight bytes at a time: all eight are copied, and both ends move
         * on to the first B_FOLD byte among them, or past all eight (the
         * output is never ahead of the input, so the copy stays inside
         * out's room); byte by byte near the end */
        int found = 0;
#ifdef __SSE2__
        while (!found && end - s >= 16)     /* the same, sixteen at a time */
            found = copy_to_fold(&s, &o, fold_mask16(s), 16);
#endif
        while (!found && end - s >= 8)
            found = copy_to_fold(&s, &o, fold_mask8(s), 8);
        if (!found)
            while (s < end && !(byte_class[*s] & B_FOLD))
                *o++ = (char)*s++;
        if (s == end || *s == '\n' || *s == '\r')
            break;
        unsigned cp;
        int n;
        if ((byte_class[*s] & B_LEAD3) && end - s >= 3 && two_continuations(s + 1)) {
            /* E2, E3 or EF: valid whatever the continuation bytes (see B_LEAD3) */
            cp = (unsigned)(s[0] & 0x0F) << 12 | (unsigned)(s[1] & 0x3F) << 6 | (unsigned)(s[2] & 0x3F);
            n = 3;
        } else if (!(n = decode((const char *)s, (size_t)(end - s), &cp))) {
            *o++ = '?';                /* not reached on valid input */
            s++;
            continue;
        }
        unsigned f = fold_cp(cp);
        if (f == cp) {                 /* unchanged: its (shortest) encoding is the bytes read */
            memcpy(o, s, (size_t)n);
            o += n;
        } else if (f) {
            o += encode(f, o);
        }
        s += n;
    }
    *o = '\0';
    *outlen = (size_t)(o - out);
    return (const char *)s;
}

char *text_normalise(const char *s, size_t len)
{
    char *out = xmalloc(len + 1);
    if (!utf8_valid(s, len)) {
        normalise_checked(s, len, out);
        return out;
    }
    const char *p = s, *end = s + len;
    char *o = out;
    for (;;) {
        size_t n;
        p = normalise_line(p, end, o, &n);
        o += n;
        if (p == end)
            break;
        *o++ = ' ';                    /* LF and CR are control characters: fold_cp() blanks them */
        p++;
    }
    *o = '\0';
    return out;
}

/* Converts with iconv (text.h).  An invalid or cut-off sequence becomes
 * U+FFFD and is counted in *replaced; unless lenient, more than one
 * replacement per 100 input bytes (or any, when replaced is NULL) means the
 * bytes are not in that encoding: NULL. */
char *text_iconv_utf8(const char *from, const char *in, size_t inlen, size_t *outlen, size_t *replaced, int lenient)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return NULL;
    size_t cap = inlen * 2 + 16, bad = 0;
    char *out = xmalloc(cap);
    char *ip = (char *)in, *op = out;
    size_t il = inlen, ol = cap - 1;
    while (il > 0) {
        size_t r = iconv(cd, &ip, &il, &op, &ol);
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG || ol < 4) {
            size_t used = (size_t)(op - out);
            cap *= 2;
            out = xrealloc(out, cap);
            op = out + used;
            ol = cap - used - 1;
            continue;
        }
        /* EILSEQ: skip one byte; EINVAL: the input ends inside a character */
        bad++;
        memcpy(op, "\xEF\xBF\xBD", 3);
        op += 3;
        ol -= 3;
        size_t skip = errno == EINVAL ? il : 1;
        ip += skip;
        il -= skip;
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    iconv_close(cd);
    if (bad && !lenient && (!replaced || bad * 100 > inlen)) {
        free(out);
        return NULL;
    }
    if (replaced)
        *replaced += bad;
    *op = '\0';
    *outlen = (size_t)(op - out);
    return out;
}

/* GB18030 through a table of its two-byte characters.  glibc's converter
 * costs about 80 instructions a byte; most reports use only ASCII and
 * two-byte characters, and GB18030 is stateless, so each two-byte
 * character converts on its own exactly as within a text.  The table is
 * filled by asking iconv for every two-byte code of a lead byte the first
 * time a text uses it (gb_row()); a four-byte
 * character is asked of iconv alone when met.  Text holding anything else
 * (an invalid or cut-off sequence, a code iconv does not convert alone)
 * goes through text_iconv_utf8() whole, so the result is always iconv's. */
#define GB_LEADS 126                   /* 0x81 … 0xFE */
#define GB_TRAILS 191                  /* 0x40 … 0xFE (0x7F is never a trail) */
#define GB_ROW 256                     /* a row of gb_utf8: indexed by the whole trail byte */

/* Per lead/trail, the character as UTF-8: the bytes in the low three bytes
 * (first byte lowest), their count in the top byte; 0 when it is not a
 * two-byte character or its code point is past U+FFFF (both left to iconv),
 * and for every trail byte out of 0x40..0xFE.
 * Filled a lead byte's row at a time, when a text first uses it (a report
 * uses some seventy of the 126): gb_row_ready[lead] says the row is filled,
 * under gb_lock, which also keeps gb_cd, the converter the rows are asked of.
 * gb_rows[] then points at it for gb18030_simple()'s loop: per byte, its
 * filled row, else gb_no_row (all 0: a byte that is no lead, or a row not
 * filled yet, which the slow path fills). */
static uint32_t gb_utf8[GB_LEADS * GB_ROW];
static unsigned char gb_row_ready[GB_LEADS];
static const uint32_t gb_no_row[GB_ROW];
#define GB_NO4 gb_no_row, gb_no_row, gb_no_row, gb_no_row
#define GB_NO16 GB_NO4, GB_NO4, GB_NO4, GB_NO4
#define GB_NO64 GB_NO16, GB_NO16, GB_NO16, GB_NO16
static const uint32_t *gb_rows[256] = {GB_NO64, GB_NO64, GB_NO64, GB_NO64};
#undef GB_NO4
#undef GB_NO16
#undef GB_NO64
static pthread_mutex_t gb_lock = PTHREAD_MUTEX_INITIALIZER;
static iconv_t gb_cd;
static int gb_cd_state;                /* 0: not opened yet, 1: open, -1: iconv knows no GB18030 */

/* The code point of one GB18030 sequence of `n` bytes, 0 when iconv
 * does not convert it to exactly one character. */
static uint32_t gb_one(iconv_t cd, const char *seq, size_t n)
{
    char in[4], out[8], *ip = in, *op = out;
    size_t il = n, ol = sizeof out;
    memcpy(in, seq, n);
    iconv(cd, NULL, NULL, NULL, NULL);
    if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il != 0 || op - out != 4)
        return 0;
    const unsigned char *o = (const unsigned char *)out;
    uint32_t cp = (uint32_t)o[0] | (uint32_t)o[1] << 8 | (uint32_t)o[2] << 16 | (uint32_t)o[3] << 24;
    return cp <= 0x10FFFF ? cp : 0;
}

/* gb_cd, opened the first time; 0 when iconv knows no GB18030.  Called
 * with gb_lock held. */
static int gb_open(void)
{
    if (!gb_cd_state) {
        gb_cd = iconv_open("UTF-32LE", "GB18030");
        gb_cd_state = gb_cd == (iconv_t)-1 ? -1 : 1;
    }
    return gb_cd_state > 0;
}

/* Row `row` (lead 0x81 + row) of gb_utf8: its two-byte codes in a row,
 * converted in as few iconv calls as the invalid codes allow; a run whose
 * output does not line up one character per code is converted code by
 * code.  Called with gb_lock held. */
static void gb_fill_row(int row)
{
    enum { N = GB_TRAILS };
    if (!gb_open())
        return;                        /* all zero: every text falls back to text_iconv_utf8() */
    iconv_t cd = gb_cd;
    uint32_t t[N] = {0};
    char in[2 * N];
    int slot[N];
    unsigned char out[4 * N];
    size_t n = 0;
    for (int trail = 0x40; trail <= 0xFE; trail++) {
        if (trail == 0x7F)
            continue;
        in[2 * n] = (char)(0x81 + row);
        in[2 * n + 1] = (char)trail;
        slot[n++] = trail - 0x40;
    }
    size_t k = 0;
    while (k < n) {
        char *ip = in + 2 * k, *op = (char *)out;
        size_t il = 2 * (n - k), ol = sizeof out;
        iconv(cd, NULL, NULL, NULL, NULL);
        size_t r = iconv(cd, &ip, &il, &op, &ol);
        size_t used = (size_t)(ip - (in + 2 * k)), made = (size_t)(op - (char *)out);
        size_t codes = used / 2;
        if (used % 2 == 0 && made == 4 * codes) {
            for (size_t j = 0; j < codes; j++) {
                const unsigned char *o = out + 4 * j;
                uint32_t cp = (uint32_t)o[0] | (uint32_t)o[1] << 8 | (uint32_t)o[2] << 16 | (uint32_t)o[3] << 24;
                t[slot[k + j]] = cp <= 0x10FFFF ? cp : 0;
            }
        } else {
            for (size_t j = 0; j < codes + 1 && k + j < n; j++)
                t[slot[k + j]] = gb_one(cd, in + 2 * (k + j), 2);
            codes++;
        }
        if (r == (size_t)-1 && used % 2 == 0 && made == 4 * codes)
            codes++;                   /* the code iconv stopped at is not a two-byte character */
        k += codes ? codes : 1;
    }
    uint32_t *u8 = gb_utf8 + (size_t)row * GB_ROW + 0x40;
    for (size_t j = 0; j < N; j++) {
        if (!t[j] || t[j] > 0xFFFF)
            continue;
        unsigned char e[4];
        int len = encode(t[j], (char *)e);
        u8[j] = (uint32_t)e[0] | (uint32_t)(len > 1 ? e[1] : 0) << 8 | (uint32_t)(len > 2 ? e[2] : 0) << 16 |
                (uint32_t)len << 24;
    }
}

/* The row of lead byte c (0x81..0xFE), filled when it is not yet;
 * indexed by the whole trail byte. */
static inline const uint32_t *gb_row(unsigned c)
{
    int row = (int)c - 0x81;
    if (!__atomic_load_n(&gb_row_ready[row], __ATOMIC_ACQUIRE)) {
        pthread_mutex_lock(&gb_lock);
        if (!gb_row_ready[row]) {
            gb_fill_row(row);
            __atomic_store_n(&gb_row_ready[row], 1, __ATOMIC_RELEASE);
            __atomic_store_n(&gb_rows[c], gb_utf8 + (size_t)row * GB_ROW, __ATOMIC_RELEASE);
        }
        pthread_mutex_unlock(&gb_lock);
    }
    return gb_utf8 + (size_t)row * GB_ROW;
}

/* The code point of the four-byte GB18030 character at seq, asked of the
 * shared converter (gb_cd); 0 when iconv does not convert it alone. */
static uint32_t gb_four(const char *seq)
{
    pthread_mutex_lock(&gb_lock);
    uint32_t cp = gb_open() ? gb_one(gb_cd, seq, 4) : 0;
    pthread_mutex_unlock(&gb_lock);
    return cp;
}

/* Converts GB18030 made of ASCII, two-byte characters and four-byte ones;
 * NULL (nothing allocated) as soon as it meets anything else.  A four-byte
 * character (rare: U+00A0, U+2022 …) is converted alone by iconv (gb_four()),
 * as gb_fill_row() converts the two-byte ones: GB18030 is stateless, so that
 * is what iconv gives within the text; each is asked once per text. */
#define GB_MEMO 16
static char *gb18030_simple(const char *input, size_t inlen, size_t *outlen)
{
    const unsigned char *in = (const unsigned char *)input;
    /* 3 bytes per pair at most, ASCII as it is; 4 more for the last
     * character's whole word written below */
    char *out = xmalloc(inlen / 2 * 3 + inlen % 2 + 8), *op = out;
    size_t i = 0;
    struct {
        uint32_t key;
        unsigned char u8[4];
        int len;
    } memo[GB_MEMO];                   /* the four-byte characters met so far (the first GB_MEMO) */
    int nmemo = 0;
    while (i < inlen) {
        unsigned c = in[i];
        if (c < 0x80) {
            /* a run of ASCII: eight bytes at a time (the output is never
             * ahead of the input, so the eight fit), then byte by byte */
            while (i + 8 <= inlen && ascii8(in + i)) {
                memcpy(op, in + i, 8);
                op += 8;
                i += 8;
            }
            while (i < inlen && in[i] < 0x80)
                *op++ = (char)in[i++];
            continue;
        }
        /* a run of two-byte characters of rows already filled: each
         * exactly as below (a byte that is no lead, a trail out of range
         * or a row not filled yet finds 0 in gb_rows[] and goes below) */
        const unsigned char *p = in + i, *last = in + inlen - 1;
        while (p < last) {
            uint32_t w = __atomic_load_n(&gb_rows[p[0]], __ATOMIC_ACQUIRE)[p[1]];
            if (!w)
                break;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            uint32_t e = w & 0xFFFFFF; /* the bytes in order, then 0 */
#else
            unsigned char e[4] = {(unsigned char)w, (unsigned char)(w >> 8), (unsigned char)(w >> 16), 0};
#endif
            memcpy(op, &e, 4);
            op += w >> 24;
            p += 2;
        }
        i = (size_t)(p - in);
        if (i == inlen || in[i] < 0x80)
            continue;
        c = in[i];
        uint32_t v = 0;
        if (c >= 0x81 && c <= 0xFE && i + 1 < inlen && in[i + 1] >= 0x40 && in[i + 1] <= 0xFE)
            v = gb_row(c)[in[i + 1]];
        if (!v && c >= 0x81 && c <= 0xFE && i + 3 < inlen && in[i + 1] >= 0x30 && in[i + 1] <= 0x39 &&
            in[i + 2] >= 0x81 && in[i + 2] <= 0xFE && in[i + 3] >= 0x30 && in[i + 3] <= 0x39) {
            /* a four-byte character (U+00A0, say): iconv's for it alone, remembered */
            uint32_t key = (uint32_t)c << 24 | (uint32_t)in[i + 1] << 16 | (uint32_t)in[i + 2] << 8 | in[i + 3];
            unsigned char e[4];
            int el = 0;
            for (int k = 0; k < nmemo && !el; k++)
                if (memo[k].key == key) {
                    memcpy(e, memo[k].u8, 4);
                    el = memo[k].len;
                }
            if (!el) {
                uint32_t cp = gb_four((const char *)in + i);
                if (!cp) {
                    free(out);
                    return NULL;
                }
                el = encode(cp, (char *)e);
                if (nmemo < GB_MEMO) {
                    memo[nmemo].key = key;
                    memcpy(memo[nmemo].u8, e, 4);
                    memo[nmemo++].len = el;
                }
            }
            memcpy(op, e, (size_t)el);
            op += el;
            i += 4;
            continue;
        }
        if (!v) {                      /* neither a two-byte character of the BMP nor a four-byte one */
            free(out);
            return NULL;
        }
        unsigned char e[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16), 0};
        memcpy(op, e, 4);              /* the word, then keep its count of bytes */
        op += v >> 24;
        i += 2;
    }
    *op = '\0';
    *outlen = (size_t)(op - out);
    return out;
}

/* UTF-16 (little- or big-endian, no byte order mark) to UTF-8, by hand:
 * what text_iconv_utf8("UTF-16LE"/"UTF-16BE") gives, at a fraction of the
 * cost.  A unit that is not a surrogate is its code point; a high surrogate
 * followed by a low one is a pair; an unpaired surrogate is one U+FFFD
 * (glibc's EILSEQ, after which the loop above skips those two bytes); a
 * high surrogate or a single byte at the very end is one U+FFFD for the
 * rest (EINVAL).  The same limit on replacements applies. */
#ifdef TEXT_AVX2
/* For utf16_to_utf8(): blocks of sixteen units (32 bytes of in[0..avail))
 * while a block's units are all ASCII (one byte each) or all U+0800..U+FFFF
 * but surrogates (three bytes each), converted as the loop there converts
 * them, to *op (moved on).  Returns the bytes of `in` taken (a multiple of
 * 32).  Writes up to four bytes past what it converts: within the room
 * utf16_to_utf8() gives (three bytes per unit left, and eight). */
static __attribute__((target("avx2"))) size_t utf16_blocks_avx2(const unsigned char *in, size_t avail, int be,
                                                                char **opp)
{
    char *op = *opp;
    size_t i = 0;
    const __m256i pack3 = _mm256_setr_epi8(0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, -1, -1, -1, -1, 0, 1, 2, 4, 5, 6, 8,
                                           9, 10, 12, 13, 14, -1, -1, -1, -1);
    for (; avail - i >= 32; i += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(in + i));
        if (be)
            v = _mm256_or_si256(_mm256_slli_epi16(v, 8), _mm256_srli_epi16(v, 8));
        if (_mm256_testz_si256(v, _mm256_set1_epi16((short)0xFF80))) {   /* all ASCII */
            __m128i b = _mm_packus_epi16(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
            _mm_storeu_si128((__m128i *)(void *)op, b);
            op += 16;
            continue;
        }
        const __m256i top = _mm256_and_si256(v, _mm256_set1_epi16((short)0xF800));
        const __m256i other = _mm256_or_si256(_mm256_cmpeq_epi16(top, _mm256_setzero_si256()),
                                              _mm256_cmpeq_epi16(top, _mm256_set1_epi16((short)0xD800)));
        if (!_mm256_testz_si256(other, other))
            break;                     /* below U+0800, or a surrogate: the loop decides */
        /* each unit u as a word: E0 | u >> 12, 80 | (u >> 6 & 3F), 80 | (u & 3F), 0 */
        for (int h = 0; h < 2; h++) {
            const __m256i x = _mm256_cvtepu16_epi32(h ? _mm256_extracti128_si256(v, 1) : _mm256_castsi256_si128(v));
            __m256i w = _mm256_or_si256(_mm256_srli_epi32(x, 12), _mm256_set1_epi32(0x8080E0));
            w = _mm256_or_si256(w, _mm256_and_si256(_mm256_slli_epi32(x, 2), _mm256_set1_epi32(0x3F00)));
            w = _mm256_or_si256(w, _mm256_and_si256(_mm256_slli_epi32(x, 16), _mm256_set1_epi32(0x3F0000)));
            w = _mm256_shuffle_epi8(w, pack3);  /* twelve bytes at the start of each half */
            _mm_storeu_si128((__m128i *)(void *)op, _mm256_castsi256_si128(w));
            _mm_storeu_si128((__m128i *)(void *)(op + 12), _mm256_extracti128_si256(w, 1));
            op += 24;
        }
    }
    *opp = op;
    return i;
}
#endif

static char *utf16_to_utf8(const char *input, size_t inlen, int be, size_t *outlen, size_t *replaced)
{
    const unsigned char *in = (const unsigned char *)input;
    char *out = xmalloc(inlen / 2 * 3 + 8), *op = out;   /* 3 bytes per unit at most, 4 per pair */
    size_t i = 0, bad = 0;
    const int hi = be ? 0 : 1, lo = be ? 1 : 0;
#ifdef TEXT_AVX2
    const int fast = fast_avx2();
#else
    const int fast = 0;
#endif
    while (i < inlen) {
        /* a run of units that are not surrogates: each its code point, as
         * below, without the look at what is left but once a unit; with
         * AVX2, sixteen units at once while they are all ASCII or all of
         * three bytes, else sixteen one at a time before trying again */
        for (;;) {
#ifdef TEXT_AVX2
            if (fast)
                i += utf16_blocks_avx2(in + i, inlen - i, be, &op);
#endif
            size_t lim = fast && inlen - i > 32 ? i + 32 : inlen;
            for (; lim - i >= 2; i += 2) {
                unsigned u = (unsigned)in[i + hi] << 8 | in[i + lo];
                if (u < 0x80) {
                    *op++ = (char)u;
                } else if (u < 0x800) {
                    op[0] = (char)(0xC0 | u >> 6);
                    op[1] = (char)(0x80 | (u & 0x3F));
                    op += 2;
                } else if (u - 0xD800 >= 0x800) {
                    op[0] = (char)(0xE0 | u >> 12);
                    op[1] = (char)(0x80 | (u >> 6 & 0x3F));
                    op[2] = (char)(0x80 | (u & 0x3F));
                    op += 3;
                } else {
                    break;
                }
            }
            if (i != lim || lim == inlen)
                break;                 /* a surrogate, the end, or a byte left over */
        }
        if (i == inlen)
            break;
        if (inlen - i < 2) {           /* a byte left over */
            bad++;
            memcpy(op, "\xEF\xBF\xBD", 3);
            op += 3;
            break;
        }
        unsigned u = (unsigned)in[i + hi] << 8 | in[i + lo];
        if (u < 0x80) {
            *op++ = (char)u;
            i += 2;
            continue;
        }
        if (u < 0xD800 || u > 0xDFFF) {
            op += encode(u, op);
            i += 2;
            continue;
        }
        if (u <= 0xDBFF) {             /* a high surrogate */
            if (inlen - i < 4) {       /* the input ends inside the pair */
                bad++;
                memcpy(op, "\xEF\xBF\xBD", 3);
                op += 3;
                break;
            }
            unsigned v = (unsigned)in[i + 2 + hi] << 8 | in[i + 2 + lo];
            if (v >= 0xDC00 && v <= 0xDFFF) {
                op += encode(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00), op);
                i += 4;
                continue;
            }
        }
        bad++;                         /* an unpaired surrogate */
        memcpy(op, "\xEF\xBF\xBD", 3);
        op += 3;
        i += 2;
    }
    if (bad && (!replaced || bad * 100 > inlen)) {
        free(out);
        return NULL;
    }
    if (replaced)
        *replaced += bad;
    *op = '\0';
    *outlen = (size_t)(op - out);
    return out;
}

/* UTF-8 with invalid sequences replaced by U+FFFD.  Valid runs are copied
 * whole (valid_prefix() stops where decode() would fail), so the output is
 * what copying sequence by sequence gives.  The result has room for a NUL
 * after *outlen bytes and holds one there. */
static char *utf8_repair(const char *in, size_t len, size_t *outlen, size_t *replaced)
{
    const unsigned char *s = (const unsigned char *)in;
#ifdef __SSE2__
    size_t ctl;
    /* what plain_utf8() takes is valid UTF-8, sixteen bytes at a time; it
     * declines NUL and rarer sequences, which valid_prefix() then decides */
    size_t i = plain_utf8(s, len, &ctl) ? len : valid_prefix(s, len);
#else
    size_t i = valid_prefix(s, len);
#endif
    if (i == len) {                    /* nothing to repair: the common case */
        *outlen = len;
        return xstrndup(in, len);
    }
    sbuf b;
    sbuf_init(&b);
    sbuf_add(&b, in, i);
    while (i < len) {
        sbuf_add(&b, "\xEF\xBF\xBD", 3);   /* the invalid byte at i */
        (*replaced)++;
        i++;
        size_t run = valid_prefix(s + i, len - i);
        sbuf_add(&b, in + i, run);
        i += run;
    }
    *outlen = b.len;
    return sbuf_steal(&b);
}

/* One pass over the bytes: NULs, control bytes, and valid and invalid
 * multi-byte UTF-8 sequences.  nul and ctl are exact; good and bad are
 * exact unless the bad sequences can no longer stay under a tenth
 * (good < 9 * bad whatever follows): counting them stops there (unless
 * scan_bytes() is asked for the whole), and the counts so far still have
 * bad > 0 and good < 9 * bad, which is all that choose() asks of them. */
typedef struct {
    size_t nul, ctl, good, bad;
} byte_stats;

/* No byte of the eight at s is below 0x20 (high bytes are fine). */
static inline int no_control8(const unsigned char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
    return !((w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull);
}

/* Counts the NUL and control bytes of s[0..len) into st. */
static void count_controls(const unsigned char *s, size_t len, byte_stats *st)
{
    size_t i = 0;
#ifdef __SSE2__
    /* sixteen bytes at a time, looking only at those below 0x20 but tab, LF
     * and CR, which count as neither (a line end is no rarity); the loop
     * below is the reference: the general path takes it alone */
    if (text_fast_utf8)
        for (; i + 16 <= len; i += 16) {
            const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            const __m128i blank = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
                                                            _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))),
                                               _mm_cmpeq_epi8(v, _mm_set1_epi8('\t')));
            for (unsigned low = (unsigned)_mm_movemask_epi8(
                     _mm_andnot_si128(blank, _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v)));
                 low; low &= low - 1) {
                unsigned char c = s[i + (unsigned)__builtin_ctz(low)];
                st->nul += c == 0;
                st->ctl += (byte_class[c] & B_CTL) != 0;
            }
        }
#endif
    while (i < len) {
        if (i + 8 <= len && no_control8(s + i)) {
            i += 8;
            continue;
        }
        st->nul += s[i] == 0;
        st->ctl += (byte_class[s[i]] & B_CTL) != 0;
        i++;
    }
}

static void scan_bytes(const char *str, size_t len, byte_stats *st, int whole)
{
    const unsigned char *s = (const unsigned char *)str;
    memset(st, 0, sizeof *st);
    size_t i = 0;
    while (i < len) {
        if (s[i] < 0x80) {
            /* printable ASCII needs no counting: eight bytes at once while
             * it lasts, then byte by byte to the end of the word that
             * stopped it (or up to a non-ASCII byte) */
            while (i + 8 <= len && printable8(s + i))
                i += 8;
            size_t word_end = len - i > 8 ? i + 8 : len;
            for (; i < word_end; i++) {
                unsigned char c = s[i];
                if (c >= 0x20) {
                    if (c >= 0x80)
                        break;
                    continue;
                }
                st->nul += c == 0;
                st->ctl += (byte_class[c] & B_CTL) != 0;
            }
            continue;
        }
        size_t run_end = skip_common3(s, i, len);   /* the common case: CJK characters */
        if (run_end > i) {
            st->good += (run_end - i) / 3;
            i = run_end;
            continue;
        }
        unsigned cp;
        int n = decode(str + i, len - i, &cp);
        if (n) {
            st->good++;
            i += (size_t)n;
        } else {
            st->bad++;
            i++;
            /* a good sequence takes at least two bytes: when even all of
             * the rest could not bring good up to 9 * bad, this is not
             * UTF-8 (GB18030, say); only the controls are left to count */
            if (!whole && st->good + (len - i) / 2 < 9 * st->bad) {
                count_controls(s + i, len - i, st);
                return;
            }
        }
    }
}

/* Share of the 16-bit units of s that a Chinese report is made of: ASCII
 * text, CJK ideographs and punctuation, full-width forms, general punctuation. */
static double utf16_plausible(const unsigned char *b, size_t len, int be)
{
    size_t n = len / 2, good = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned u = be ? (unsigned)b[2 * i] << 8 | b[2 * i + 1] : (unsigned)b[2 * i] | (unsigned)b[2 * i + 1] << 8;
        if ((u >= 0x20 && u < 0x7F) || u == '\n' || u == '\r' || u == '\t' || (u >= 0x4E00 && u <= 0x9FFF) ||
            (u >= 0x3000 && u <= 0x303F) || (u >= 0xFF00 && u <= 0xFFEF) || (u >= 0x2000 && u <= 0x206F) ||
            u == 0xA0 || u == 0xB7)
            good++;
    }
    return n ? (double)good / (double)n : 0;
}

/* UTF-16 without a byte order mark: an even length, some zero bytes (the
 * high bytes of ASCII characters), and nearly all of its 16-bit units in
 * the ranges a report is written in, read in one byte order. */
static int looks_utf16(const char *s, size_t len, int *big_endian)
{
    if (len < 4 || len % 2)
        return 0;
    const unsigned char *b = (const unsigned char *)s;
    double le = utf16_plausible(b, len, 0), be = utf16_plausible(b, len, 1);
    if (le < 0.9 && be < 0.9)
        return 0;
    *big_endian = be > le;
    return 1;
}

/* Decoded text that is mostly control characters was not text. */
static int mostly_controls(const char *u, size_t len)
{
    size_t ctl = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)u[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B)
            ctl++;
    }
    return ctl * 100 > len;
}

/* Grows the line index of t to room for `want` lines; fails past
 * TEXT_MAX_LINES, which keeps the index bounded. */
static int lines_room(gk_text *t, size_t *cap, size_t want)
{
    if (want <= *cap)
        return 1;
    if (want > TEXT_MAX_LINES)
        return 0;
    size_t c = *cap * 2 > want ? *cap * 2 : want;
    if (c > TEXT_MAX_LINES)
        c = TEXT_MAX_LINES;
    t->orig = xrealloc(t->orig, c * sizeof *t->orig);
    t->norm = xrealloc(t->norm, c * sizeof *t->norm);
    *cap = c;
    return 1;
}

/* Frees t's text and lines, leaving it with none. */
static void release_lines(gk_text *t)
{
    free(t->obuf);
    free(t->nbuf);
    free(t->orig);
    free(t->norm);
    t->obuf = t->nbuf = NULL;
    t->orig = t->norm = NULL;
    t->nlines = 0;
    t->crlf = t->crlf_scan = t->no_ff = t->marks = 0;
}

/* Splits u (owned, len bytes and a NUL, valid UTF-8) into its lines in
 * place; `orig` points into u, `norm` into one buffer of normalised lines.
 * A line ends at LF, at CR LF, or at a CR alone; there is no empty line
 * after a final line end.  normalise_line() finds each line end as it goes.
 * The normalised lines fit in len + 2 bytes: no line gets longer, and each
 * one's NUL takes the place of its line end (the last line's, of u's NUL).
 * Returns 1 when stop() ended the split, 0 when every line was split, -1
 * when there are more than TEXT_MAX_LINES lines. */
static int split_lines(gk_text *t, char *u, size_t len, int has_cr, text_stop_fn stop, void *ctx)
{
    size_t cap = 0;
    t->obuf = u;
    if (!lines_room(t, &cap, stop ? 64 : len / 32 + 16))
        return -1;
    t->nbuf = xmalloc(len + 2);
    t->crlf_scan = has_cr;
    t->nlines = 0;
    char *np = t->nbuf;
    const char *end = u + len;
    char *p = u;
    for (;;) {
        if (!lines_room(t, &cap, t->nlines + 1))
            return -1;
        gk_line *o = &t->orig[t->nlines], *m = &t->norm[t->nlines];
        char *eol = (char *)normalise_line(p, end, np, &m->len);
        o->s = p;
        o->len = (size_t)(eol - p);
        m->s = np;
        np += m->len + 1;
        t->nlines++;
        int last = eol == end;         /* u[len] is already NUL */
        int crlf = !last && eol[0] == '\r' && eol + 1 < end && eol[1] == '\n';
        if (!last)
            *eol = '\0';
        if (stop && stop(m, t->nlines - 1, ctx))
            return 1;                  /* the caller has the lines it needs */
        if (last)
            return 0;
        p = eol + 1;
        if (crlf) {
            t->crlf = 1;
            p++;
        }
        if (p == end)
            return 0;                  /* no empty line after a final line end */
    }
}

size_t text_norm_find(const gk_text *t, size_t from, size_t to, const char *needle, size_t nlen)
{
    size_t last = to < t->nlines ? to : t->nlines;
    if (from >= last)
        return to;
    /* split_lines() writes line i + 1 right after line i's NUL */
    const char *a = t->norm[from].s, *z = t->norm[last - 1].s + t->norm[last - 1].len;
    const char *m = util_find(a, (size_t)(z - a), needle, nlen);
    if (!m)
        return to;
    size_t lo = from, hi = last - 1;   /* the last line starting at or before m */
    while (lo < hi) {
        size_t mid = lo + (hi - lo + 1) / 2;
        if (t->norm[mid].s <= m)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

/* The numeric character reference at s[0..n) ("&#x51B5;", "&#20917;"): its
 * length, with the code point in *cp; 0 when there is none there. */
static size_t char_ref(const char *s, size_t n, unsigned *cp)
{
    size_t k = 2;
    int hex = k < n && (s[k] == 'x' || s[k] == 'X');
    k += (size_t)hex;
    unsigned v = 0;
    size_t digits = 0;
    for (; k < n && digits < (hex ? 6u : 7u); k++, digits++) {
        char c = s[k];
        int d = c >= '0' && c <= '9' ? c - '0'
              : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
              : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            break;
        v = v * (hex ? 16u : 10u) + (unsigned)d;
    }
    if (!digits || k >= n || s[k] != ';' || v < 0x20 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return k + 1;
}

/* Named character references a converter leaves ("&nbsp;", "&amp;"): the
 * reference's length, the character in *c; 0 when none is there. */
static size_t named_ref(const char *s, size_t n, char *c)
{
    static const struct {
        const char *ref;
        char c;
    } REFS[] = {{"&nbsp;", ' '}, {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'},
                {"&apos;", '\''}, {"&ensp;", ' '}, {"&emsp;", ' '}};
    for (size_t j = 0; j < sizeof REFS / sizeof *REFS; j++) {
        size_t l = strlen(REFS[j].ref);
        if (n >= l && !memcmp(s, REFS[j].ref, l)) {
            *c = REFS[j].c;
            return l;
        }
    }
    return 0;
}

/* A text's `marks`: what rewrite_lines() found of its needles ('&', '<', '['),
 * looked for all three at once (0: not looked for yet). */
enum { MARKS_NONE = 1, MARKS_SOME = 2 };

#ifdef TEXT_AVX2
/* The bytes of 32 at p that are '&', '<' or '[' (0xFF), the three needles at
 * once: a byte is one when the entry of a table at its low half is the byte
 * itself (their low halves 6, C and B differ; the other entries are no byte
 * of theirs, and a byte 80..FF finds 0). */
static inline __attribute__((always_inline, target("avx2"))) __m256i marks32(const unsigned char *p)
{
#define MARK_TAB 1, 0, 0, 0, 0, 0, '&', 0, 0, 0, 0, '[', '<', 0, 0, 0
    const __m256i tab = _mm256_setr_epi8(MARK_TAB, MARK_TAB);
#undef MARK_TAB
    const __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)p);
    return _mm256_cmpeq_epi8(_mm256_shuffle_epi8(tab, v), v);
}

/* Whether s[0..n) holds '&', '<' or '[': one pass instead of memchr()'s
 * three, 128 bytes a step, the rest 32 at a time and the last 32 again. */
static __attribute__((target("avx2"))) int any_mark_avx2(const unsigned char *s, size_t n)
{
    size_t i = 0;
    for (; n - i >= 128; i += 128) {
        __m256i m = _mm256_or_si256(_mm256_or_si256(marks32(s + i), marks32(s + i + 32)),
                                    _mm256_or_si256(marks32(s + i + 64), marks32(s + i + 96)));
        if (!_mm256_testz_si256(m, m))
            return 1;
    }
    if (n >= 32) {
        __m256i m = marks32(s + n - 32);
        for (; n - i >= 32; i += 32)
            m = _mm256_or_si256(m, marks32(s + i));
        return !_mm256_testz_si256(m, m);
    }
    for (; i < n; i++)
        if (s[i] == '&' || s[i] == '<' || s[i] == '[')
            return 1;
    return 0;
}
#endif

/* Each normalised line holding `needle` ('&', '<' or '[') rewritten in
 * place by fn (its new length, never more; the same to leave it): what the
 * line gave up becomes NULs, in no needle of a later search.  The passes
 * that read what a converter left in the text (references, tags, list
 * literals) share this; the first of them looks for the three needles in one
 * pass, and a text without any (nearly every report) is left as it is by
 * each without another search. */
static void rewrite_lines(gk_text *t, const char *needle, size_t (*fn)(char *s, size_t n, void *ctx), void *ctx)
{
    if (!t->marks) {
        int any = 1;
#ifdef TEXT_AVX2
        /* what text_norm_find() over all the lines searches */
        if (t->nlines && fast_avx2()) {
            const char *a = t->norm[0].s, *z = t->norm[t->nlines - 1].s + t->norm[t->nlines - 1].len;
            any = any_mark_avx2((const unsigned char *)a, (size_t)(z - a));
        }
#endif
        t->marks = any ? MARKS_SOME : MARKS_NONE;
    }
    if (t->marks == MARKS_NONE)
        return;
    for (size_t i = text_norm_find(t, 0, t->nlines, needle, 1); i < t->nlines;
         i = text_norm_find(t, i + 1, t->nlines, needle, 1)) {
        gk_line *l = &t->norm[i];
        size_t w = fn(l->s, l->len, ctx);
        if (w >= l->len)
            continue;
        memset(l->s + w, '\0', l->len - w);
        l->len = w;
    }
}

/* The references in s[0..n) replaced (text_decode_refs()); the new length. */
static size_t decode_refs(char *s, size_t n, void *ctx)
{
    (void)ctx;
    size_t w = 0;
    for (size_t k = 0; k < n;) {
        unsigned cp;
        char c;
        size_t m = s[k] != '&' ? 0 : k + 1 < n && s[k + 1] == '#' ? char_ref(s + k, n - k, &cp) : 0;
        if (!m && s[k] == '&' && (m = named_ref(s + k, n - k, &c)) != 0) {
            k += m;                    /* "&nbsp;", "&amp;" … */
            s[w++] = c;
            continue;
        }
        if (!m) {
            s[w++] = s[k++];
            continue;
        }
        k += m;                        /* the UTF-8 of any code point is shorter than its reference */
        cp = fold_cp(cp);
        if (cp)
            w += (size_t)encode(cp, s + w);
    }
    return w;
}

void text_decode_refs(gk_text *t)
{
    rewrite_lines(t, "&", decode_refs, NULL);
}

/* The count hex digits at s (all of them hex): their value in *v; else 0. */
static int hex_value(const char *s, int count, unsigned *v)
{
    unsigned x = 0;
    for (int d = 0; d < count; d++) {
        char c = s[d];
        int h = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (h < 0)
            return 0;
        x = x * 16 + (unsigned)h;
    }
    *v = x;
    return 1;
}

/* One element of a list literal at s[*k..n): a quoted string (Python's '…'
 * or "…", JSON's "…", its escapes read), None, null or NaN (an empty cell),
 * or a bare number; its text appended at out[*w] (a tab or a line break in
 * it a space).  0 when s[*k] starts none of these. */
static int list_element(const char *s, size_t n, size_t *k, char *out, size_t *w)
{
    size_t i = *k;
    char q = s[i];
    if (q == '\'' || q == '"') {
        for (i++; i < n && s[i] != q; i++) {
            if (s[i] != '\\') {
                out[(*w)++] = s[i] == '\t' ? ' ' : s[i];
                continue;
            }
            if (++i >= n)
                return 0;
            unsigned cp = 0;
            int hex = s[i] == 'x' ? 2 : s[i] == 'u' ? 4 : s[i] == 'U' ? 8 : 0;
            if (hex) {
                if (i + (size_t)hex >= n || !hex_value(s + i + 1, hex, &cp))
                    return 0;
                i += (size_t)hex;
                unsigned lo = 0;       /* JSON writes one beyond the BMP as a pair: \ud840\udc00 */
                if (hex == 4 && cp >= 0xD800 && cp <= 0xDBFF && i + 6 < n && s[i + 1] == '\\' &&
                    s[i + 2] == 'u' && hex_value(s + i + 3, 4, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
                cp = cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ? 0 : fold_cp(cp);
                if (cp)                /* shorter than its escape */
                    *w += (size_t)encode(cp < 0x20 ? ' ' : cp, out + *w);
            } else {
                char c = s[i];
                out[(*w)++] = c == 'n' || c == 't' || c == 'r' ? ' ' : c;
            }
        }
        if (i >= n)
            return 0;
        *k = i + 1;
        return 1;
    }
    static const char *const NONE[] = {"None", "null", "nan", "NaN"};
    for (size_t j = 0; j < sizeof NONE / sizeof *NONE; j++) {
        size_t l = strlen(NONE[j]);
        if (n - i >= l && !memcmp(s + i, NONE[j], l) && (i + l == n || s[i + l] == ',' || s[i + l] == ']' ||
                                                          s[i + l] == ' ')) {
            *k = i + l;
            return 1;
        }
    }
    size_t b = i;
    while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == '-' || s[i] == '+'))
        out[(*w)++] = s[i++];
    if (i == b)
        return 0;
    *k = i;
    return 1;
}

/* s[0..n) a list literal of two or more cells and nothing else — a row a
 * program printed: Python's repr of a table's row ("['规章', None, '0', '3']":
 * pdfplumber's extract_table() printed row by row), a JSON array
 * ("[\"规章\", null, \"0\"]") — rewritten in place as its cells separated by
 * tabs, the length returned (shorter: the quotes, commas and escapes gone);
 * 0 (s untouched) when it is not one. */
static size_t list_row(char *s, size_t n, char *tmp)
{
    size_t k = 0, w = 0;
    while (k < n && s[k] == ' ')
        k++;
    while (n > k && s[n - 1] == ' ')
        n--;
    if (n - k < 4 || s[k] != '[' || s[n - 1] != ']')
        return 0;
    k++;
    int cells = 0, strings = 0;
    for (;;) {
        while (k < n && s[k] == ' ')
            k++;
        strings += s[k] == '\'' || s[k] == '"';
        if (cells)
            tmp[w++] = '\t';
        if (!list_element(s, n - 1, &k, tmp, &w))
            return 0;
        cells++;
        while (k < n && s[k] == ' ')
            k++;
        if (k == n - 1)
            break;
        if (s[k] != ',')
            return 0;
        k++;
    }
    if (cells < 2 || !strings)
        return 0;
    memcpy(s, tmp, w);
    return w;
}

/* list_row() with its scratch (ctx: a struct scratch, grown to the line). */
struct scratch {
    char *s;
    size_t cap;
};

static size_t list_row_in(char *s, size_t n, void *ctx)
{
    struct scratch *tmp = ctx;
    if (n > tmp->cap) {
        tmp->cap = n;
        tmp->s = xrealloc(tmp->s, n);
    }
    size_t w = list_row(s, n, tmp->s);
    return w ? w : n;
}

void text_list_rows(gk_text *t)
{
    struct scratch tmp = {NULL, 0};
    rewrite_lines(t, "[", list_row_in, &tmp);
    free(tmp.s);
}

/* The HTML tag at s[0..n) ('<' first) whose name is one of a web page's
 * (formatting, blocks, tables): its length, and in *kind 1 for a table
 * cell's (td, th: a cell boundary), 2 for an inline one (span, font, b …:
 * nothing), 0 for the others (a block's, br: a space); 0 when there is none
 * or it does not end on the line. */
static size_t html_tag(const char *s, size_t n, int *kind)
{
    static const struct {
        const char *name;
        int kind;
    } TAGS[] = {
        {"td", 1},    {"th", 1},     {"span", 2}, {"font", 2},  {"b", 2},     {"strong", 2}, {"em", 2},
        {"i", 2},     {"u", 2},      {"s", 2},    {"sup", 2},   {"sub", 2},   {"a", 2},      {"o:p", 2},
        {"small", 2}, {"big", 2},    {"strike", 2}, {"code", 2}, {"label", 2}, {"br", 0},     {"p", 0},
        {"div", 0},   {"tr", 3},     {"table", 0}, {"tbody", 0}, {"thead", 0}, {"tfoot", 0},  {"col", 0},
        {"colgroup", 0}, {"caption", 0}, {"center", 0}, {"h1", 0}, {"h2", 0}, {"h3", 0},     {"h4", 0},
        {"h5", 0},    {"h6", 0},     {"hr", 0},   {"li", 0},    {"ul", 0},    {"ol", 0},     {"img", 0},
        {"section", 0}, {"article", 0}, {"blockquote", 0}, {"pre", 0},
    };
    size_t k = 1 + (n > 1 && s[1] == '/');
    size_t b = k;
    while (k < n && (((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z') || (s[k] >= '0' && s[k] <= '9') || s[k] == ':'))
        k++;
    if (k == b || k >= n || (s[k] != '>' && s[k] != ' ' && s[k] != '/' && s[k] != '\t'))
        return 0;
    size_t len = k - b;
    int found = -1;
    for (size_t j = 0; j < sizeof TAGS / sizeof *TAGS && found < 0; j++)
        if (strlen(TAGS[j].name) == len && !strncasecmp(s + b, TAGS[j].name, len))
            found = TAGS[j].kind;
    if (found < 0)
        return 0;
    for (char q = 0; k < n; k++) {    /* to its '>', a quoted attribute's '>' passed over */
        if (q) {
            q = s[k] == q ? 0 : q;
        } else if (s[k] == '"' || s[k] == '\'') {
            q = s[k];
        } else if (s[k] == '>') {
            *kind = s[1] == '/' && found == 1 ? 2 : found;   /* a cell's end: nothing */
            return k + 1;
        } else if (s[k] == '<') {
            return 0;                  /* "a<b <c>": no tag's attributes */
        }
    }
    return 0;
}

/* The tags in s[0..n) taken out (text_strip_tags()); the new length.  A row's
 * tag ("<tr>", "</tr>") after cells begun on the line is GK_ROW_MARK (a table
 * written on one line, turndown keeping a table as HTML: its rows apart),
 * and *(int *)ctx set. */
static size_t strip_tags(char *s, size_t n, void *ctx)
{
    size_t w = 0;
    int space = 0;                     /* a block's tag before the next character: a space */
    int cells = 0;                     /* table cells begun on the line (since a row mark) */
    int mark = 0;                      /* a row ended after cells: a mark before what follows */
    for (size_t k = 0; k < n;) {
        int kind;
        size_t m = s[k] == '<' ? html_tag(s + k, n - k, &kind) : 0;
        if (!m) {
            if (mark && s[k] == ' ') {
                k++;                   /* spaces between rows */
                continue;
            }
            if (mark) {
                s[w++] = GK_ROW_MARK;  /* text after the row */
                *(int *)ctx = 1;
                mark = space = 0;
            }
            if (space && s[w - 1] != ' ' && s[w - 1] != '\t' && s[w - 1] != GK_ROW_MARK && s[k] != ' ')
                s[w++] = ' ';
            space = 0;
            s[w++] = s[k++];
            continue;
        }
        k += m;
        if (kind == 1) {
            if (mark) {
                s[w++] = GK_ROW_MARK;  /* the next row's first cell */
                *(int *)ctx = 1;
                mark = 0;
            } else if (cells || w > 0) {
                s[w++] = '\t';         /* a cell begins after another on the line */
            }
            cells++;
            space = 0;
        } else if (kind == 3 && cells) {
            mark = 1;                  /* a row ends, or the next begins, after cells */
            cells = space = 0;
        } else if ((kind == 0 || kind == 3) && w > 0 && !mark) {
            space = 1;
        }
    }
    return w;
}

void text_strip_tags(gk_text *t)
{
    rewrite_lines(t, "<", strip_tags, &t->row_marks);
}

static int only_space(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            return 0;
    return 1;
}

/* A lone page number: an integer of one to three digits, alone on its line
 * (spaces before it: atoi() reads it). */
static int lone_page_number(const gk_line *l)
{
    size_t i = 0, d = 0;
    while (i < l->len && l->s[i] == ' ')
        i++;
    while (i + d < l->len && l->s[i + d] >= '0' && l->s[i + d] <= '9')
        d++;
    size_t e = i + d;
    while (e < l->len && l->s[e] == ' ')
        e++;
    return d >= 1 && d <= 3 && e == l->len;
}

/* A dash of a page footer at s: its length, or 0 ("-", "—", "–", "－"). */
static size_t footer_dash(const char *s)
{
    if (*s == '-')
        return 1;
    return !strncmp(s, "—", 3) || !strncmp(s, "–", 3) || !strncmp(s, "－", 3) ? 3 : 0;
}

/* One to three digits at s: how many, and their value in *v. */
static size_t footer_digits(const char *s, int *v)
{
    size_t d = 0;
    *v = 0;
    while (d < 4 && s[d] >= '0' && s[d] <= '9')
        *v = *v * 10 + (s[d++] - '0');
    return d >= 1 && d <= 3 ? d : 0;
}

/* What a line of a page footer is, spaces aside: 2 a footer whole ("第2页",
 * "第2页共8页", "共8页", "2/8", "- 2 -", "—2—"), 1 a piece of one (dashes, "/",
 * a lone number: *v its value, else -1), 0 none.  pdftotext without -layout
 * prints "第2页 / 8" a piece a line. */
static int footer_piece(const gk_line *l, int *v)
{
    char b[48];
    size_t n = 0;
    for (size_t i = 0; i < l->len; i++)
        if (l->s[i] != ' ' && l->s[i] != '\t') {
            if (n + 1 >= sizeof b)
                return 0;
            b[n++] = l->s[i];
        }
    b[n] = '\0';
    *v = -1;
    if (!n)
        return 0;
    const char *p = b;
    size_t d, k;
    int w;
    if (!strncmp(p, "第", 3) && (d = footer_digits(p + 3, &w)) && !strncmp(p + 3 + d, "页", 3)) {
        p += 6 + d;                    /* 第N页, then 共M页 or /M or nothing */
        if (!*p)
            return 2;
        if (*p == '/' && (d = footer_digits(p + 1, &w)) && !p[1 + d])
            return 2;
    }
    if (!strncmp(p, "共", 3) && (d = footer_digits(p + 3, &w)) && !strcmp(p + 3 + d, "页"))
        return 2;
    if ((d = footer_digits(b, v))) {
        if (!b[d])
            return 1;                  /* a lone number */
        if (b[d] == '/' && (k = footer_digits(b + d + 1, &w)) && !b[d + 1 + k] && *v <= w)
            return 2;                  /* N/M */
        return 0;
    }
    *v = -1;
    if ((k = footer_dash(b))) {        /* - N -, or dashes alone */
        size_t at = k;
        while ((k = footer_dash(b + at)))
            at += k;
        if (!b[at])
            return 1;
        if ((d = footer_digits(b + at, &w)) && (k = footer_dash(b + at + d))) {
            at += d + k;
            while ((k = footer_dash(b + at)))
                at += k;
            return b[at] ? 0 : 2;
        }
        return 0;
    }
    return !strcmp(b, "/") ? 1 : 0;
}

/* l's text without the spaces around it: *n bytes from the result. */
static const char *trimmed(const gk_line *l, size_t *n)
{
    const char *p = l->s, *e = l->s + l->len;
    while (p < e && *p == ' ')
        p++;
    while (e > p && e[-1] == ' ')
        e--;
    *n = (size_t)(e - p);
    return p;
}

/* A page marker as pdf-parse (pdf.js) joins a document's pages: "-- 2 of 5 --"
 * alone on its line, spaces aside: the number of the page it ends (1 to 999,
 * no more than the pages), else 0. */
static int page_joiner(const gk_line *l)
{
    size_t n, d;
    const char *p = trimmed(l, &n), *e = p + n;
    int v, w;
    if (n < 12 || memcmp(p, "--", 2) || memcmp(e - 2, "--", 2))
        return 0;
    p += 2;
    while (*p == ' ')
        p++;
    if (!(d = footer_digits(p, &v)))
        return 0;
    p += d;
    if (strncmp(p, " of ", 4))
        return 0;
    p += 4;
    if (!(d = footer_digits(p, &w)))
        return 0;
    p += d;
    while (*p == ' ')
        p++;
    return p == e - 2 && v >= 1 && v <= w ? v : 0;
}

/* pdf2json's page break, alone on its line: "----------------Page (0) Break----------------". */
static int pdf2json_break(const gk_line *l)
{
    size_t n;
    const char *p = trimmed(l, &n), *e = p + n;
    if (n < 20 || memcmp(p, "----", 4) || memcmp(e - 4, "----", 4))
        return 0;
    while (p < e && *p == '-')
        p++;
    if ((size_t)(e - p) < 13 || memcmp(p, "Page (", 6))
        return 0;
    p += 6;
    const char *d = p;
    while (p < e && *p >= '0' && *p <= '9')
        p++;
    if (p == d || p - d > 4 || (size_t)(e - p) < 7 || memcmp(p, ") Break", 7))
        return 0;
    for (p += 7; p < e && *p == '-'; p++)
        ;
    return p == e;
}

/* Where a page ends: a line of pdf2json's or pdf-parse's page break, or one holding a form feed. */
static int page_break_line(const gk_text *t, size_t i)
{
    const gk_line *n = &t->norm[i];
    size_t k = 0;
    while (k < n->len && n->s[k] == ' ')
        k++;
    return (!t->no_ff && memchr(t->orig[i].s, '\f', t->orig[i].len)) ||
           (k + 1 < n->len && n->s[k] == '-' && n->s[k + 1] == '-' && (page_joiner(n) || pdf2json_break(n)));
}

/* The numbering at the start of a line, spaces, empty cells (tabs) and "#" aside: its
 * kind (1 "三、", 2 "（三）" or "(三)", 3 "3." "3、" "3．" "3)" "3）" not before a digit) and
 * value (1 to 99), 0 none. */
static int line_numbering(const gk_line *l, int *kind)
{
    static const char *const CN[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    const char *p = l->s, *e = l->s + l->len;
    while (p < e && (*p == ' ' || *p == '\t' || *p == '#'))
        p++;                           /* (a markdown heading's marks too: "#### (四) …") */
    size_t n = (size_t)(e - p);
    unsigned char c = p < e ? (unsigned char)*p : 0;
    if (!(c >= '1' && c <= '9') && c != '(' && c != 0xEF && c != 0xE4 && c != 0xE5)
        return 0;                      /* (the numerals' and "（"'s first bytes) */
    int open = 0;
    if (n >= 3 && !memcmp(p, "（", 3))
        open = 3;
    else if (n >= 1 && *p == '(')
        open = 1;
    if (n >= 2 && !open && *p >= '1' && *p <= '9') {
        int v = 0, d = 0;
        for (; p < e && *p >= '0' && *p <= '9' && d < 3; p++, d++)
            v = v * 10 + (*p - '0');
        if (d > 2 || p >= e)
            return 0;
        size_t m = *p == '.' || *p == ')' ? 1
                   : (e - p >= 3 && (!memcmp(p, "、", 3) || !memcmp(p, "．", 3) || !memcmp(p, "）", 3))) ? 3
                                                                                                          : 0;
        if (!m || (p + m < e && p[m] >= '0' && p[m] <= '9'))
            return 0;
        *kind = 3;
        return v;
    }
    p += open;
    if (e - p < 3 || ((unsigned char)*p != 0xE4 && (unsigned char)*p != 0xE5))
        return 0;                      /* (一 … 十 begin so) */
    for (int v = 0; v < 10; v++)
        if (p[1] == CN[v][1] && p[2] == CN[v][2] && p[0] == CN[v][0]) {
            p += 3;
            if (!open && e - p >= 3 && !memcmp(p, "、", 3))
                *kind = 1;
            else if (open && ((e - p >= 3 && !memcmp(p, "）", 3)) || (e - p >= 1 && *p == ')')))
                *kind = 2;
            else
                return 0;
            return v + 1;
        }
    return 0;
}

/* Whether the numbering at lines' starts runs down far more often than up: how
 * often a line's follows the last of its kind on the page by one up and by one
 * down; looked at no further once it runs up four times and never down, or
 * eight times for each time or less it runs down three times (a text read top
 * down, nearly every one: its first headings "一、" "（一）" "（二）" …). */
int text_looks_bottom_up(const gk_text *t)
{
    if (t->page || !t->nlines)
        return 0;                      /* a PDF read here: its lines in the page's order */
    int last[4] = {0}, up = 0, down = 0;
    for (size_t i = 0; i < t->nlines && !(up >= 4 && !down) && !(up >= 8 && 3 * down <= up); i++) {
        const gk_line *l = &t->norm[i];
        if (!l->len)
            continue;
        if (page_break_line(t, i)) {
            memset(last, 0, sizeof last);
            continue;
        }
        int kind = 0, v = line_numbering(l, &kind);
        if (!v)
            continue;
        up += last[kind] && v == last[kind] + 1;
        down += last[kind] && v == last[kind] - 1;
        last[kind] = v;
    }
    return down >= 5 && down > 3 * up;
}

/* t's lines rebuilt in buf[0..len) (malloc'd, a NUL after; taken), nlines of
 * them, fileline[] (taken) the file's line of each: the new text, t freed — or t
 * itself, buf and fileline freed, when the rebuilt text does not split into as many
 * lines (never: each line of buf ends with a newline). */
static gk_text *rebuilt(gk_text *t, char *buf, size_t len, int *fileline, size_t nlines)
{
    const char *why = NULL;
    gk_text *u = text_decode_adopt(buf, len, NULL, &why);
    if (!u || u->nlines != nlines) {
        text_free(u);
        free(fileline);
        return t;
    }
    u->encoding = t->encoding;
    u->replaced = t->replaced;
    u->crlf = t->crlf;
    u->fileline = fileline;
    text_free(t);
    return u;
}

/* Whether line i of t is blank: spaces and no-break spaces only. */
static int blank_line_at(const gk_text *t, size_t i)
{
    const char *s = t->orig[i].s;
    size_t n = t->orig[i].len;
    for (size_t k = 0; k < n; k++) {
        if (s[k] == ' ')
            continue;
        if (k + 1 < n && (unsigned char)s[k] == 0xC2 && (unsigned char)s[k + 1] == 0xA0) {
            k++;
            continue;
        }
        return 0;
    }
    return 1;
}

/* A cell's paragraph after line i: i holds a tab and ends with one (spaces
 * aside), then one blank line, a line of text without a tab (*para), and one
 * blank line before a line beginning with a tab (the row goes on: that line's
 * index returned) or two or more (the paragraph was the row's last cell: 1
 * returned, *para set); 0 when not so. */
static size_t cell_paragraph(const gk_text *t, size_t i, size_t *para)
{
    if (i + 4 >= t->nlines || !blank_line_at(t, i + 1) || blank_line_at(t, i + 2) || !blank_line_at(t, i + 3))
        return 0;                      /* (the lines after first: most lines are followed by text) */
    size_t e;
    const char *l = trimmed(&t->orig[i], &e);
    if (!e || l[e - 1] != '\t' || memchr(t->orig[i + 2].s, '\t', t->orig[i + 2].len))
        return 0;
    *para = i + 2;
    if (blank_line_at(t, i + 4))
        return 1;                      /* the row's last cell */
    const char *p = t->orig[i + 4].s, *z = p + t->orig[i + 4].len;
    return p < z && *p == '\t' ? i + 4 : 0;
}

/* The first of lines[from..n) that may begin a cell's paragraph
 * (cell_paragraph()), n when none does: one ending with a tab or a space
 * (most end otherwise) before a line that may be blank (empty, or a space
 * or a no-break space first: its NUL, or a byte of either).  The lines
 * lines[n] may be read: n is four before the last. */
static size_t paragraph_from(const gk_line *lines, size_t from, size_t n)
{
    for (; from < n; from++) {
        const gk_line *l = &lines[from];
        if (!l->len || (l->s[l->len - 1] != '\t' && l->s[l->len - 1] != ' '))
            continue;
        unsigned char c = (unsigned char)l[1].s[0];
        if (c == ' ' || c == 0xC2 || c == 0)
            break;
    }
    return from;
}

gk_text *text_join_cell_paragraphs(gk_text *t)
{
    if (!t || t->nlines < 5 || t->page || t->fileline)
        return t;
    size_t n = t->nlines, joins = 0, para;
    for (size_t i = 0; (i = paragraph_from(t->orig, i, n - 4)) < n - 4 && joins < 2; i++)
        joins += cell_paragraph(t, i, &para) != 0;
    if (joins < 2)
        return t;                      /* (one may be a note's paragraph between two tab lines) */
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += t->orig[i].len + 1;
    char *buf = xmalloc(len + 1), *p = buf;
    int *from = xmalloc(n * sizeof *from), out = 0;
    for (size_t i = 0; i < n;) {
        from[out++] = (int)i + 1;
        size_t at = i, m;
        memcpy(p, t->orig[i].s, t->orig[i].len);
        p += t->orig[i].len;
        /* the row goes on: the paragraph's text (trimmed) in the cell, and the line after */
        while ((m = cell_paragraph(t, at, &para)) != 0) {
            size_t pl;
            const char *s = trimmed(&t->orig[para], &pl);
            while (p > buf && p[-1] == ' ')
                p--;                   /* (spaces after the tab) */
            memcpy(p, s, pl);
            p += pl;
            if (m == 1) {              /* the row's last cell: the row ends with it */
                at = para;
                break;
            }
            memcpy(p, t->orig[m].s, t->orig[m].len);
            p += t->orig[m].len;
            at = m;
        }
        *p++ = '\n';
        i = at + 1;
    }
    *p = '\0';
    return rebuilt(t, buf, (size_t)(p - buf), xrealloc(from, (size_t)out * sizeof *from), (size_t)out);
}

int text_pdf2json_marked(const char *bytes, size_t len)
{
    static const char mark[] = ") Break----";
    return len >= sizeof mark && util_find(bytes, len, mark, sizeof mark - 1) != NULL;
}

gk_text *text_bottom_up(gk_text *t)
{
    if (!t || !t->nlines || !text_looks_bottom_up(t))
        return t;
    size_t n = t->nlines, len = 0;
    int *from = xmalloc(n * sizeof *from);
    for (size_t i = 0; i < n;) {       /* each page's lines last to first; a break stays */
        if (page_break_line(t, i)) {
            from[i] = (int)i;
            i++;
            continue;
        }
        size_t e = i;
        while (e < n && !page_break_line(t, e))
            e++;
        for (size_t k = i; k < e; k++)
            from[k] = (int)(e - 1 - (k - i));
        i = e;
    }
    for (size_t i = 0; i < n; i++)
        len += t->orig[i].len + 1;
    char *buf = xmalloc(len + 1), *p = buf;
    for (size_t i = 0; i < n; i++) {   /* each line ended by a newline: as many lines again */
        const gk_line *o = &t->orig[from[i]];
        memcpy(p, o->s, o->len);
        p += o->len;
        *p++ = '\n';
    }
    *p = '\0';
    for (size_t i = 0; i < n; i++)
        from[i]++;
    return rebuilt(t, buf, len, from, n);
}

/* The first of lines[from..n) whose first byte is a digit, a space or a
 * dash (a blank line's is its NUL), n when none is: the lines
 * blank_numbers_before_heads() looks at further, found in a loop of its
 * own (in the loop there the lines' index is loaded again for each). */
static size_t digit_line_from(const gk_line *lines, size_t from, size_t n)
{
    for (; from < n; from++) {
        unsigned c = (unsigned char)lines[from].s[0];
        if (c == ' ' || c == '-' || c - '0' <= 9u)
            break;
    }
    return from;
}

/* Which of the heads hs[0..nh) (lengths hn) line i of t is, spaces aside; -1 none. */
static int head_at(const gk_text *t, size_t i, const char *const *hs, const size_t *hn, int nh)
{
    size_t n;
    const char *p = trimmed(&t->norm[i], &n);
    for (int h = 0; h < nh; h++)
        if (n == hn[h] && !memcmp(p, hs[h], n))
            return h;
    return -1;
}

/* Whether one of t's lines [from, to] holds a form feed as written. */
static int form_feed_within(const gk_text *t, size_t from, size_t to)
{
    if (t->no_ff)
        return 0;
    for (size_t k = from; k <= to; k++)
        if (memchr(t->orig[k].s, '\f', t->orig[k].len))
            return 1;
    return 0;
}

/* Pages run together without a break (PyMuPDF's pages joined, pypdf, pdf-parse
 * without its markers): a page's running head (one of the text's first three
 * lines, printed again at each page's top: "政府信息公开工作年度报告") and, on the
 * line before it (two blank lines between at most), the number of the page before
 * — a number alone, the head's k-th time again after its first, page 1's,
 * numbered k — is blanked, when two pages or more end so: no number of a
 * table running over the break.  Returns 1, blanking nothing, when a line is
 * a page marker (page_joiner()): the pages are told by them. */
static int blank_numbers_before_heads(gk_text *t)
{
    enum { HEADS = 3, MAX_CAND = 64 };
    const char *hs[HEADS];
    size_t hn[HEADS], i = 0;
    int nh = 0, seen[HEADS] = {0}, ok[HEADS] = {0}, nc = 0;
    struct cand {
        size_t line;                   /* a number alone before a head, its page's */
        int head;
    } cand[MAX_CAND];
    for (int lines = 0; i < t->nlines && lines < HEADS; i++) {   /* the first three lines */
        size_t n;
        const char *p = trimmed(&t->norm[i], &n);
        if (!n)
            continue;
        lines++;
        int wide = 0;                  /* a character of three bytes or more: a title's words */
        for (size_t q = 0; q < n && !wide; q++)
            wide = (unsigned char)p[q] >= 0xE0;
        if (n <= 120 && wide)
            hs[nh] = p, hn[nh++] = n;
    }
    size_t scan = i;                   /* the heads' returns are counted from here up to `scan` */
    for (size_t q = 1; (q = digit_line_from(t->norm, q, t->nlines)) < t->nlines; q++) {
        /* a number alone (a digit or a space first: most lines are passed over
         * at their first byte), then a head after two blank lines at most; or
         * a page marker ("--" first): the text's pages are told by them */
        const gk_line *l = &t->norm[q];
        const char *p = l->s, *e = l->s + l->len;
        while (p < e && *p == ' ')
            p++;
        if (p == e || ((*p < '0' || *p > '9') && *p != '-'))
            continue;
        if (*p == '-') {
            if (page_joiner(l))
                return 1;
            continue;
        }
        if (!lone_page_number(l))
            continue;
        size_t at = q + 1;
        while (at < t->nlines && at - q <= 2 && only_space(t->norm[at].s, t->norm[at].len))
            at++;
        int h = at < t->nlines && at >= i ? head_at(t, at, hs, hn, nh) : -1;   /* (a return, not page 1's) */
        if (h < 0 || nc == MAX_CAND || form_feed_within(t, q, at))
            continue;                  /* (a break a form feed marks is the form feeds' pass's) */
        for (; scan <= at; scan++) {
            int hh = head_at(t, scan, hs, hn, nh);
            if (hh >= 0)
                seen[hh]++;
        }
        size_t n;
        const char *d = trimmed(l, &n);
        if (atoi(d) != seen[h])        /* the page before the head's k-th return is page k */
            continue;
        cand[nc++] = (struct cand){q, h};
        ok[h]++;
    }
    /* two pages or more so numbered: a breadcrumb or a title written twice on a
     * web page, a table's last number before it, is no page's head */
    for (int c = 0; c < nc; c++)
        if (ok[cand[c].head] >= 2)
            memset(t->norm[cand[c].line].s, ' ', t->norm[cand[c].line].len);
    return 0;
}

/* A blank line after most of the text's lines (pdftotext without -layout). */
static int mostly_double_spaced(const gk_text *t)
{
    size_t lines = 0, followed = 0;
    for (size_t k = 0; k + 1 < t->nlines; k++)
        if (!only_space(t->norm[k].s, t->norm[k].len)) {
            lines++;
            followed += only_space(t->norm[k + 1].s, t->norm[k + 1].len);
        }
    return followed * 10 > lines * 7;
}

/* The spaces and tabs line i of t begins with as it was written (its normalised
 * line is trimmed): -layout centres a page's number. */
static size_t orig_indent(const gk_text *t, size_t i)
{
    const char *o = t->orig[i].s;
    size_t n = 0;
    while (o[n] == ' ' || o[n] == '\t')
        n++;
    return n;
}

void text_blank_page_numbers(gk_text *t)
{
    if (!t->nlines)
        return;
    const char *a = t->orig[0].s, *z = t->orig[t->nlines - 1].s + t->orig[t->nlines - 1].len;
    /* ff: the first form feed at or after `from`, NULL when none is before z */
    const char *from = a, *ff = t->no_ff ? NULL : memchr(a, '\f', (size_t)(z - a));
    /* the running heads are asked even when form feeds are there: a text may mark
     * some of its breaks and not others (pages joined from two sources, a form feed
     * kept from the text a page was made of); a break a form feed marks is read
     * below, not there */
    int markers = blank_numbers_before_heads(t);
    if (!ff && !markers)
        return;                        /* no form feed, no page marker (page_joiner()) */
    int page = 0;                      /* the page a form feed ends (1: the first) */
    int double_spaced = -1;            /* a blank line after most lines: -1 not yet counted */
    enum { MAX_CAND = 64 };
    struct {
        size_t line;                   /* a lone number at a page's end: a page number? */
        int val, page, tight;          /* its value, the page it ends, no blank line before it */
        int strict;                    /* its page's own only when another page ends with its own
                                          (a text with a blank line after most lines; after a footer) */
        int known;                     /* the page's number told by a page marker (page_joiner()) */
    } cand[MAX_CAND];
    int ncand = 0;
    for (size_t i = 1; i < t->nlines; i++) {
        /* whether line i holds a form feed: the lines follow one another in
         * [a, z), so one search from a line to the next form feed answers for
         * every line up to it (a line elsewhere is searched alone) */
        const gk_line *o = &t->orig[i];
        int has_ff;
        if (o->s >= from && o->s <= z && o->len <= (size_t)(z - o->s)) {
            if (ff && ff < o->s) {
                from = o->s;
                ff = memchr(from, '\f', (size_t)(z - from));
            }
            has_ff = ff && ff < o->s + o->len;   /* (from <= o->s <= ff: no form feed in between) */
        } else {
            has_ff = !t->no_ff && memchr(o->s, '\f', o->len) != NULL;
        }
        int known = 0;
        if (!has_ff) {
            /* or a page marker on a line of its own: the break, and the page it ends */
            if (!(known = page_joiner(&t->norm[i])))
                continue;
            memset(t->norm[i].s, ' ', t->norm[i].len);
            page = known;
        } else {
            page++;
        }
        size_t j = i, blanks = 0;
        while (j > 0 && i - j < 6 && only_space(t->norm[j - 1].s, t->norm[j - 1].len))
            j--;                       /* blank lines after it */
        if (j == 0)
            continue;
        while (j - 1 > blanks && blanks < 2 && only_space(t->norm[j - 2 - blanks].s, t->norm[j - 2 - blanks].len))
            blanks++;                  /* ... and before it */
        /* a footer, whole or a piece a line (within the page's last five lines):
         * the footer and the pieces after it */
        size_t piece[5];
        int np = 0, strong = -1, pv[5];    /* pv: a piece's number, -1 for a dash or "/" */
        for (size_t k = j; k > 0 && np < 5 && strong < 0; k--) {
            if (only_space(t->norm[k - 1].s, t->norm[k - 1].len))
                continue;
            int what = footer_piece(&t->norm[k - 1], &pv[np]);
            if (!what)
                break;
            if (what == 2)
                strong = np;
            piece[np++] = k - 1;
        }
        if (strong >= 0) {
            /* the pieces after it are the footer's when they read "/ M" and dashes
             * ("第2页" "/" "8"); a number alone after it is a table's cell that
             * pdftotext printed after the footer */
            int tail = 0, q = strong - 1;
            if (q >= 1 && t->norm[piece[q]].s[0] == '/' && pv[q - 1] >= 0)
                q -= 2;
            while (q >= 0 && pv[q] < 0 && t->norm[piece[q]].s[0] != '/')
                q--;
            tail = q < 0;
            for (int k = tail ? 0 : strong; k <= strong; k++)
                memset(t->norm[piece[k]].s, ' ', t->norm[piece[k]].len);
            /* a lone number the page's own, right before the break, indented far (centred)
             * and two blank lines or more after the footer (only blank lines lie between
             * two pieces): the page's number printed below a footer of the text's own (a
             * PDF made from a text with its pages) */
            if (!tail && strong == 1 && piece[0] == j - 1 && pv[0] == page && piece[0] >= piece[1] + 3 &&
                orig_indent(t, piece[0]) >= 10) {
                memset(t->norm[piece[0]].s, ' ', t->norm[piece[0]].len);
                continue;
            }
            /* a lone number right after the footer and right before the break, the
             * page's own (or one less), in a single-spaced text: the page's number
             * printed after a footer of the text's own (pdftohtml's pages) when a run
             * of such page ends says so, as for the others below */
            if (!tail && strong == 1 && blanks == 0 && piece[0] == j - 1 && piece[1] == j - 2 && pv[0] >= 0 &&
                pv[0] >= page - 1 && pv[0] <= page && ncand < MAX_CAND) {
                if (double_spaced < 0)
                    double_spaced = mostly_double_spaced(t);
                if (!double_spaced) {
                    cand[ncand].line = j - 1, cand[ncand].val = pv[0], cand[ncand].strict = 0;
                    cand[ncand].known = known, cand[ncand].page = page, cand[ncand++].tight = 1;
                }
            }
            /* a lone number the page's own right before the break, a blank line after
             * the footer (mutool: "- 3 -", "", "2"): when another page ends with its own */
            if (!tail && strong == 1 && piece[0] == j - 1 && pv[0] == page && piece[1] + 2 == piece[0] &&
                ncand < MAX_CAND) {
                cand[ncand].line = j - 1, cand[ncand].val = pv[0], cand[ncand].strict = 1;
                cand[ncand].known = known, cand[ncand].page = page, cand[ncand++].tight = 0;
            }
            continue;                  /* (a dash before it stays: a table's blank cell as often) */
        }
        gk_line *l = &t->norm[j - 1];
        size_t indent = orig_indent(t, j - 1);
        /* or after a blank line in a text whose lines are mostly single-spaced, its
         * number the page's own or in a run of such (mutool prints it at the left so);
         * pdftotext without -layout puts a blank line after every line, a table's
         * cells' too: there only the page's own number, another page ending so too */
        if (double_spaced < 0)
            double_spaced = mostly_double_spaced(t);
        if (lone_page_number(l) && (indent >= 10 || blanks >= 2))
            memset(l->s, ' ', l->len);
        else if (lone_page_number(l) && blanks <= 1 && ncand < MAX_CAND) {
            cand[ncand].line = j - 1, cand[ncand].val = atoi(l->s);   /* decided below, with the others */
            cand[ncand].page = page, cand[ncand].strict = double_spaced, cand[ncand].known = known;
            cand[ncand++].tight = blanks == 0;
        }
    }
    /* a candidate whose number is its page's, or one more or less than the candidate
     * before or after it (1, 2, 3 … at the pages' ends: a cover page unnumbered, or a
     * footer of the report's own text counted as a page, shifts them) */
    int owns = 0;                      /* candidates whose number is their page's */
    for (int c = 0; c < ncand; c++)
        owns += cand[c].val == cand[c].page;
    for (int c = 0; c < ncand; c++) {
        /* right after the page's last line (pdftohtml's pages: no blank line at all):
         * only the page's number, in a run — the pages' ends one after another
         * numbered one after another (a table's cell ending a page may be its
         * page's number once) */
        int before = c > 0 && cand[c].val == cand[c - 1].val + 1;
        int after = c + 1 < ncand && cand[c + 1].val == cand[c].val + 1;
        int run = (before && cand[c].page == cand[c - 1].page + 1) || (after && cand[c + 1].page == cand[c].page + 1);
        run &= cand[c].val >= cand[c].page - 1 && cand[c].val <= cand[c].page;   /* the page's number (a cover
                                                                                     unnumbered: one less) */
        int own = cand[c].val == cand[c].page && owns >= 2;   /* strict: its page's, and another's too */
        /* a page marker tells the page: its own number is its number */
        if ((cand[c].known && cand[c].val == cand[c].page) ||
            (cand[c].strict ? own : cand[c].tight ? run : cand[c].val == cand[c].page || before || after))
            memset(t->norm[cand[c].line].s, ' ', t->norm[cand[c].line].len);
    }
}

size_t text_display_width(const char *s, size_t n)
{
    size_t col = 0;
    for (size_t k = 0; k < n;) {
        unsigned cp;
        int m = decode(s + k, n - k, &cp);
        if (m <= 0) {
            k++, col++;
            continue;
        }
        col += (size_t)text_cp_width(cp);
        k += (size_t)m;
    }
    return col;
}

/* The byte of s[0..n) at display column col, -1 when none begins there. */
static long byte_at(const char *s, size_t n, size_t col)
{
    size_t c = 0, k = 0;
    while (k < n && c < col) {
        unsigned cp;
        int m = decode(s + k, n - k, &cp);
        if (m <= 0)
            m = 1, cp = (unsigned char)s[k];
        c += (size_t)text_cp_width(cp);
        k += (size_t)m;
    }
    return c == col ? (long)k : -1;
}

/* A line of numbers only, each after two spaces or more (a row's cell wrapped onto
 * the next line: pandoc's multiline tables, a cell with a line break). */
static int numbers_only(const char *s, size_t n)
{
    int numbers = 0;
    for (size_t k = 0; k < n;) {
        if (s[k] == ' ') {
            k++;
            continue;
        }
        if (k > 0 && k < 2)
            return 0;
        if (k >= 2 && (s[k - 1] != ' ' || s[k - 2] != ' '))
            return 0;
        size_t e = k;
        while (e < n && ((s[e] >= '0' && s[e] <= '9') || s[e] == '.'))
            e++;
        if (e == k || (e < n && s[e] != ' ') || s[k] == '.')
            return 0;
        numbers++;
        k = e;
    }
    return numbers;
}

/* The first line of [l, end) that numbers_only() may take: three bytes or
 * more, two spaces first (a number after one space alone is none) and a
 * digit after its spaces (where the line's NUL stops them); end when none
 * is.  In a loop of its own, the lines walked as they are. */
static gk_line *wrapped_from(gk_line *l, const gk_line *end)
{
    for (; l < end; l++) {
        if (l->len < 3 || l->s[0] != ' ' || l->s[1] != ' ')
            continue;
        const char *p = l->s + 2;
        while (*p == ' ')
            p++;
        if ((unsigned)(*p - '0') <= 9u)
            break;
    }
    return l;
}

static int blank_or_rule(const gk_line *l)
{
    size_t k = 0;
    while (k < l->len && (l->s[k] == ' ' || l->s[k] == '-'))
        k++;
    return k == l->len;
}

/* pandoc's multiline tables (and a cell holding a line break, as a web page's
 * "&nbsp;<br/>1"): a row written over two lines between blank lines or rules, its
 * second line numbers only, each under a column the first line leaves empty
 * ("2、行政规范性文件          0     0" over "         1"): each number written into
 * the first line at its column, the second line blanked — read in the stream's
 * order they were 0 0 1, another row's cells.  On the normalised lines, which keep
 * the written ones' columns (a no-break space a space). */
void text_join_wrapped_cells(gk_text *t)
{
    if (t->nlines < 4)
        return;
    /* cont: the line under the row (lines 2 .. nlines - 2), walked by a
     * pointer read once: the bytes written into the lines below do not
     * change the index, which the compiler cannot tell (it would load it
     * again for every line) */
    gk_line *cont = t->norm + 2, *end = t->norm + t->nlines - 1;
    for (; (cont = wrapped_from(cont, end)) < end; cont++) {
        gk_line *row = cont - 1;
        if (!numbers_only(cont->s, cont->len) ||
            !blank_or_rule(row - 1) || !blank_or_rule(cont + 1))
            continue;                  /* (numbers under a column: the line begins with spaces) */
        size_t first = 0;
        while (first < row->len && row->s[first] == ' ')
            first++;
        size_t label_end = first, digits = 0;   /* the row's label: up to its first two spaces */
        while (label_end + 1 < row->len && !(row->s[label_end] == ' ' && row->s[label_end + 1] == ' '))
            digits += (row->s[label_end] >= '0' && row->s[label_end] <= '9') || row->s[label_end] == '.',
                label_end++;
        if (first == row->len || digits == label_end - first)
            continue;                  /* no label first */
        int fits = 1;
        for (int pass = 0; pass < 2 && fits; pass++)   /* 0: every number fits; 1: written */
            for (size_t k = 0; k < cont->len && fits;) {
                if (cont->s[k] == ' ') {
                    k++;
                    continue;
                }
                size_t e = k;
                while (e < cont->len && cont->s[e] != ' ')
                    e++;
                long at = byte_at(row->s, row->len, text_display_width(cont->s, k));
                if (!pass) {
                    fits = at > (long)label_end && (size_t)at + (e - k) + 1 < row->len;
                    for (size_t q = fits ? (size_t)at - 1 : 0; fits && q <= (size_t)at + (e - k); q++)
                        fits = row->s[q] == ' ';   /* spaces there, and one on either side */
                } else {
                    memcpy(row->s + at, cont->s + k, e - k);
                }
                k = e;
            }
        if (!fits)
            continue;
        memset(cont->s, ' ', cont->len);
        cont++;
    }
}

gk_text *text_decode(const char *bytes, size_t len, const char **why)
{
    return text_decode_until(bytes, len, NULL, NULL, NULL, why);
}

/* How bytes that are not UTF-16 become UTF-8. */
enum { AS_UTF8, AS_UTF8_REPAIR, AS_GB18030 };

static char *to_utf8(const char *bytes, size_t len, int how, size_t *ulen, size_t *replaced)
{
    if (how == AS_UTF8) {
        *ulen = len;
        return xstrndup(bytes, len);
    }
    if (how == AS_UTF8_REPAIR)
        return utf8_repair(bytes, len, ulen, replaced);
    char *u = gb18030_simple(bytes, len, ulen);
    return u ? u : text_iconv_utf8("GB18030", bytes, len, ulen, replaced, 0);
}

/* The title peek needs the first lines only: this many bytes of whole lines
 * hold them in nearly every report. */
#define HEAD_BYTES 2048

/* For text_decode_until() with a stop, on UTF-8 (repaired or not): splits
 * the lines of a prefix of whole lines.  A line end byte is never part of
 * a character, so the decoded prefix is the prefix of the decoded whole,
 * and UTF-8 never fails to decode.  (Not GB18030: a prefix that decodes
 * says nothing of whether iconv takes the whole.)  The verdicts on the
 * whole file (encoding, binary, empty) are the caller's; a file this short
 * has fewer than TEXT_MAX_LINES lines.  Returns 1 when stop() ended the
 * split within the prefix; otherwise 0, with t as it was. */
static int decode_head(gk_text *t, const char *bytes, size_t len, int how, text_stop_fn stop, void *ctx)
{
    const char *nl = len > HEAD_BYTES && len < TEXT_MAX_LINES ? memrchr(bytes, '\n', HEAD_BYTES) : NULL;
    if (!nl || how == AS_GB18030)
        return 0;
    size_t cut = (size_t)(nl + 1 - bytes), ulen = 0, replaced = 0;
    char *u = to_utf8(bytes, cut, how, &ulen, &replaced);
    if (split_lines(t, u, ulen, memchr(u, '\r', ulen) != NULL, stop, ctx) == 1) {
        t->replaced = replaced;
        return 1;
    }
    release_lines(t);
    return 0;
}

/* What utf16_to_utf8() finds in the whole of in[0..inlen), without
 * converting it: *bad its replacements (exactly: the same steps), *nul
 * whether the text holds a NUL (a unit 0), *text whether it holds anything
 * but spaces, tabs and line ends. */
static void utf16_scan(const char *input, size_t inlen, int be, size_t *bad_out, int *nul, int *text)
{
    const unsigned char *in = (const unsigned char *)input;
    size_t i = 0, bad = 0;
    int zero = 0, other = 0;
    const int hi = be ? 0 : 1, lo = be ? 1 : 0;
    while (i < inlen) {
#ifdef __SSE2__
        /* once past a unit that is not a space, eight units at a time
         * while none is a surrogate or 0: each is a character that is not
         * NUL and needs no replacement */
        if (other)
            for (; inlen - i >= 16; i += 16) {
                __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(in + i));
                if (be)
                    v = _mm_or_si128(_mm_slli_epi16(v, 8), _mm_srli_epi16(v, 8));
                const __m128i sur = _mm_cmpeq_epi16(_mm_and_si128(v, _mm_set1_epi16((short)0xF800)),
                                                    _mm_set1_epi16((short)0xD800));
                if (_mm_movemask_epi8(_mm_or_si128(sur, _mm_cmpeq_epi16(v, _mm_setzero_si128()))))
                    break;
            }
        if (i == inlen)
            break;
#endif
        /* one unit, as utf16_to_utf8() takes it */
        if (inlen - i < 2) {           /* a byte left over */
            bad++;
            other = 1;
            break;
        }
        unsigned u = (unsigned)in[i + hi] << 8 | in[i + lo];
        if (u < 0xD800 || u > 0xDFFF) {
            zero |= u == 0;
            other |= u != ' ' && u != '\t' && u != '\n' && u != '\r';
            i += 2;
            continue;
        }
        other = 1;                     /* a pair, or U+FFFD */
        if (u <= 0xDBFF) {             /* a high surrogate */
            if (inlen - i < 4) {       /* the input ends inside the pair */
                bad++;
                break;
            }
            unsigned v = (unsigned)in[i + 2 + hi] << 8 | in[i + 2 + lo];
            if (v >= 0xDC00 && v <= 0xDFFF) {
                i += 4;
                continue;
            }
        }
        bad++;                         /* an unpaired surrogate */
        i += 2;
    }
    *bad_out = bad;
    *nul = zero;
    *text = other;
}

/* decode_head() for UTF-16 after a byte order mark (in: the units after
 * it): when the whole converts (utf16_scan(): few enough replacements, no
 * NUL, not only spaces) and has too few bytes to make more than
 * TEXT_MAX_LINES lines, converts and splits only the units up to the last
 * LF among the first HEAD_BYTES.  A LF unit is never part of a pair, so
 * those convert to the prefix of the whole's text.  Returns 1 when stop()
 * ended the split within them; otherwise 0, with t as it was. */
static int utf16_head(gk_text *t, const char *in, size_t inlen, int be, text_stop_fn stop, void *ctx)
{
    if (inlen <= HEAD_BYTES || inlen / 2 * 3 + 8 >= TEXT_MAX_LINES)
        return 0;
    const unsigned char *b = (const unsigned char *)in;
    size_t cut = 0;
    for (size_t k = HEAD_BYTES; k >= 2 && !cut; k -= 2)
        if (b[k - 2 + be] == '\n' && b[k - 1 - be] == 0)
            cut = k;
    if (!cut)
        return 0;
    size_t bad, ulen = 0, head_bad = 0;
    int nul, text;
    utf16_scan(in, inlen, be, &bad, &nul, &text);
    if ((bad && bad * 100 > inlen) || nul || !text)
        return 0;                      /* the whole is refused: the caller says why */
    char *u = utf16_to_utf8(in, cut, be, &ulen, &head_bad);
    if (!u)
        return 0;
    if (split_lines(t, u, ulen, memchr(u, '\r', ulen) != NULL, stop, ctx) == 1) {
        t->replaced = bad;
        return 1;
    }
    release_lines(t);
    return 0;
}

#ifdef __SSE2__
/* The common case of choose(), sixteen bytes at a time (where the
 * processor has no AVX2, or text_fast_utf8 is 2): bytes that are
 * valid UTF-8 made of ASCII without NUL, two-byte sequences (C2..DF) and
 * three-byte ones that need no closer look (E1..EF but ED).  Returns 1 and
 * the count of control bytes (as scan_bytes() counts them) when they are;
 * 0 when anything else is met (NUL, invalid or rarer sequences), for the
 * byte-by-byte scan to decide.  Each block's continuation bytes must be
 * exactly those its leads and the previous block's expect. */
static int plain_utf8_sse2(const unsigned char *s, size_t len, size_t *ctl_out)
{
    const __m128i below_c0 = _mm_set1_epi8((char)0xC0), c1 = _mm_set1_epi8((char)0xC1),
                  e0 = _mm_set1_epi8((char)0xE0), f0 = _mm_set1_epi8((char)0xF0), ed = _mm_set1_epi8((char)0xED),
                  x1f = _mm_set1_epi8(0x1F);
    size_t i = 0, ctl = 0;
    unsigned carry = 0;                /* continuations still expected by the previous block */
    for (; i + 16 <= len; i += 16) {
        const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        /* the bytes below 0x20 (a line end or two, usually) one by one */
        for (unsigned low = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(v, x1f), v)); low;
             low &= low - 1) {
            unsigned char c = s[i + (unsigned)__builtin_ctz(low)];
            if (!c)
                return 0;
            ctl += (byte_class[c] & B_CTL) != 0;
        }
        unsigned high = (unsigned)_mm_movemask_epi8(v);
        if (!high) {
            if (carry)
                return 0;
            continue;
        }
        /* as signed bytes: 80..BF < C0, C1 < C2..DF < E0, E0 < E1..EF < F0 */
        unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, below_c0));
        unsigned lead2 = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, c1), _mm_cmplt_epi8(v, e0)));
        unsigned lead3 = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, e0), _mm_cmplt_epi8(v, f0))) &
                         ~(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, ed));
        if (high & ~(cont | lead2 | lead3))
            return 0;                  /* C0, C1, E0, ED, F0..FF */
        unsigned expect = carry | lead2 << 1 | lead3 << 1 | lead3 << 2;
        if ((expect & 0xFFFF) != cont)
            return 0;
        carry = expect >> 16;
    }
    if (carry) {                       /* back to the lead of the sequence the last block cut */
        while ((s[i - 1] & 0xC0) == 0x80)
            i--;
        i--;
    }
    while (i < len) {                  /* the rest, byte by byte */
        if (s[i] < 0x80) {
            if (!s[i])
                return 0;
            ctl += (byte_class[s[i]] & B_CTL) != 0;
            i++;
            continue;
        }
        unsigned cp;
        int n = decode((const char *)s + i, len - i, &cp);
        if (!n)
            return 0;
        i += (size_t)n;
    }
    *ctl_out = ctl;
    return 1;
}
#endif

#ifdef TEXT_AVX2
/* plain_utf8() 32 bytes at once: whether the bytes are valid UTF-8 (as
 * decode() takes it: no overlong form, no surrogate, nothing past U+10FFFF,
 * no sequence cut off) without NUL, and then their control bytes (as
 * scan_bytes() counts them).  The check is the "lookup" algorithm of
 * Keiser and Lemire, "Validating UTF-8 in less than one instruction per
 * byte" (Software: Practice and Experience, 2021), as simdjson writes it:
 * each byte and the one before it (its high nibble, its low nibble, and
 * the high nibble of the byte itself) look up three sets of the errors
 * the pair may be part of; a bit left in all three is an error, except
 * TWO_CONTS (two continuation bytes in a row), which must be there exactly
 * where a three- or four-byte lead two or three bytes before expects it.
 * A lead the last block leaves without its continuation bytes is an error
 * when the next block (or the end) does not bring them. */
enum {
    U8_TOO_SHORT = 1 << 0,             /* a lead, then no continuation byte */
    U8_TOO_LONG = 1 << 1,              /* ASCII, then a continuation byte */
    U8_OVERLONG_3 = 1 << 2,            /* E0, then 80..9F */
    U8_TOO_LARGE = 1 << 3,             /* past U+10FFFF: F4, then 90..BF; F5..FF */
    U8_SURROGATE = 1 << 4,             /* ED, then A0..BF */
    U8_OVERLONG_2 = 1 << 5,            /* C0 or C1 */
    U8_TOO_LARGE_1000 = 1 << 6,        /* F5..FF, then 80..8F */
    U8_OVERLONG_4 = 1 << 6,            /* F0, then 80..8F */
    U8_TWO_CONTS = 1 << 7,             /* a continuation byte after one */
    U8_CARRY = U8_TOO_SHORT | U8_TOO_LONG | U8_TWO_CONTS
};

/* The byte n places before each byte of `in`, those of `prev` (the block
 * before) for the first n. */
#define U8_PREV(in, prev, n) _mm256_alignr_epi8((in), _mm256_permute2x128_si256((prev), (in), 0x21), 16 - (n))

/* A 16-entry table, the same in both halves, for _mm256_shuffle_epi8(). */
#define U8_TABLE(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p)                                                      \
    _mm256_setr_epi8((char)(a), (char)(b), (char)(c), (char)(d), (char)(e), (char)(f), (char)(g), (char)(h),           \
                     (char)(i), (char)(j), (char)(k), (char)(l), (char)(m), (char)(n), (char)(o), (char)(p), (char)(a), \
                     (char)(b), (char)(c), (char)(d), (char)(e), (char)(f), (char)(g), (char)(h), (char)(i), (char)(j), \
                     (char)(k), (char)(l), (char)(m), (char)(n), (char)(o), (char)(p))

/* The constants of plain_utf8_avx2(), kept in registers: left to
 * itself the compiler builds several of them again in every block. */
typedef struct {
    __m256i lo4, x1f, ends, high_1, low_1, high_2, third, fourth, x80, max;
} u8_consts;

/* The errors of the 32 bytes of `in` after those of `prev` (nonzero bytes
 * where there is one); `in` holds a byte of 80..FF. */
static inline __attribute__((always_inline, target("avx2"))) __m256i u8_block_errors(const u8_consts *k, __m256i in,
                                                                                     __m256i prev)
{
    const __m256i prev1 = U8_PREV(in, prev, 1);
    const __m256i byte_1_high = _mm256_shuffle_epi8(k->high_1, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), k->lo4));
    const __m256i byte_1_low = _mm256_shuffle_epi8(k->low_1, _mm256_and_si256(prev1, k->lo4));
    const __m256i byte_2_high = _mm256_shuffle_epi8(k->high_2, _mm256_and_si256(_mm256_srli_epi16(in, 4), k->lo4));
    const __m256i special = _mm256_and_si256(_mm256_and_si256(byte_1_high, byte_1_low), byte_2_high);
    /* where a third or fourth byte is due: E0..FF two bytes before, F0..FF three */
    const __m256i third = _mm256_subs_epu8(U8_PREV(in, prev, 2), k->third);
    const __m256i fourth = _mm256_subs_epu8(U8_PREV(in, prev, 3), k->fourth);
    const __m256i due = _mm256_and_si256(_mm256_or_si256(third, fourth), k->x80);
    return _mm256_xor_si256(due, special);
}

/* One block (in, the 32 bytes at p) of plain_utf8_avx2(): its control
 * bytes into *ctl, its errors into *err; 0 when it holds a NUL. */
static inline __attribute__((always_inline, target("avx2"))) int u8_block(const u8_consts *k, __m256i in,
                                                                          const unsigned char *p, __m256i *prev,
                                                                          __m256i *err, __m256i *incomplete,
                                                                          size_t *ctl)
{
    /* the bytes below 0x20 but tab, LF and CR (each of those is its own
     * entry of k->ends, which no other byte below 0x20 equals) */
    const __m256i low = _mm256_cmpeq_epi8(_mm256_min_epu8(in, k->x1f), in);
    const __m256i end = _mm256_cmpeq_epi8(_mm256_shuffle_epi8(k->ends, in), in);
    for (unsigned m = (unsigned)_mm256_movemask_epi8(_mm256_andnot_si256(end, low)); m; m &= m - 1) {
        unsigned char c = p[__builtin_ctz(m)];
        if (!c)
            return 0;
        *ctl += (byte_class[c] & B_CTL) != 0;
    }
    if (!_mm256_movemask_epi8(in)) {   /* ASCII: nothing may be due from before */
        *err = _mm256_or_si256(*err, *incomplete);
        *incomplete = _mm256_setzero_si256();
    } else {
        *err = _mm256_or_si256(*err, u8_block_errors(k, in, *prev));
        /* the last bytes' leads that need more bytes than the block has left */
        *incomplete = _mm256_subs_epu8(in, k->max);
    }
    *prev = in;
    return 1;
}

static __attribute__((target("avx2"))) int plain_utf8_avx2(const unsigned char *s, size_t len, size_t *ctl_out)
{
    u8_consts k = {
        _mm256_set1_epi8(0x0F),
        _mm256_set1_epi8(0x1F),
        U8_TABLE(-1, -1, -1, -1, -1, -1, -1, -1, -1, '\t', '\n', -1, -1, '\r', -1, -1),
        U8_TABLE(U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG,
                 U8_TOO_LONG, U8_TWO_CONTS, U8_TWO_CONTS, U8_TWO_CONTS, U8_TWO_CONTS, U8_TOO_SHORT | U8_OVERLONG_2,
                 U8_TOO_SHORT, U8_TOO_SHORT | U8_OVERLONG_3 | U8_SURROGATE,
                 U8_TOO_SHORT | U8_TOO_LARGE | U8_TOO_LARGE_1000 | U8_OVERLONG_4),
        U8_TABLE(U8_CARRY | U8_OVERLONG_3 | U8_OVERLONG_2 | U8_OVERLONG_4, U8_CARRY | U8_OVERLONG_2, U8_CARRY,
                 U8_CARRY, U8_CARRY | U8_TOO_LARGE, U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
                 U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000, U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
                 U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000, U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
                 U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000, U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
                 U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
                 U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000 | U8_SURROGATE,
                 U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000, U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000),
        U8_TABLE(U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT,
                 U8_TOO_SHORT,
                 U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_OVERLONG_3 | U8_TOO_LARGE_1000 | U8_OVERLONG_4,
                 U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_OVERLONG_3 | U8_TOO_LARGE,
                 U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_SURROGATE | U8_TOO_LARGE,
                 U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_SURROGATE | U8_TOO_LARGE, U8_TOO_SHORT,
                 U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT),
        _mm256_set1_epi8((char)(0xE0 - 0x80)),
        _mm256_set1_epi8((char)(0xF0 - 0x80)),
        _mm256_set1_epi8((char)0x80),
        _mm256_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                         -1, -1, -1, -1, -1, -1, (char)(0xF0 - 1), (char)(0xE0 - 1), (char)(0xC0 - 1)),
    };
    /* opaque from here on: built once, not again in every block */
    __asm__("" : "+x"(k.lo4), "+x"(k.x1f), "+x"(k.ends), "+x"(k.high_1), "+x"(k.low_1));
    __asm__("" : "+x"(k.high_2), "+x"(k.third), "+x"(k.fourth), "+x"(k.x80), "+x"(k.max));
    __m256i prev = _mm256_setzero_si256(), err = _mm256_setzero_si256(), incomplete = _mm256_setzero_si256();
    size_t i = 0, ctl = 0;
    for (; len - i >= 32; i += 32) {
        const __m256i in = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
        if (!u8_block(&k, in, s + i, &prev, &err, &incomplete, &ctl) || !_mm256_testz_si256(err, err))
            return 0;
    }
    /* the last bytes, followed by spaces (ASCII, not counted), as one more
     * block; then nothing may be due */
    unsigned char pad[32];
    memset(pad, ' ', sizeof pad);
    memcpy(pad, s + i, len - i);
    const __m256i in = _mm256_loadu_si256((const __m256i *)(const void *)pad);
    if (!u8_block(&k, in, pad, &prev, &err, &incomplete, &ctl))
        return 0;
    /* (the padding's spaces already end any sequence cut off: this is a safeguard) */
    err = _mm256_or_si256(err, incomplete);
    if (!_mm256_testz_si256(err, err))
        return 0;
    *ctl_out = ctl;
    return 1;
}
#endif

/* Valid UTF-8 without NUL, byte by byte: the reference of the two above
 * (text_fast_utf8 0). */
static int plain_utf8_ref(const unsigned char *s, size_t len, size_t *ctl_out)
{
    if (memchr(s, 0, len) || valid_prefix(s, len) != len)
        return 0;
    size_t ctl = 0;
    for (size_t i = 0; i < len; i++)
        ctl += (byte_class[s[i]] & B_CTL) != 0;
    *ctl_out = ctl;
    return 1;
}

/* Returns 1 and the control bytes when s[0..len) is valid UTF-8 without
 * NUL; 0 when it is not, and (text_fast_utf8 2 or a processor without
 * AVX2: the sixteen-byte check) when it holds a sequence that check
 * declines: then the scan of choose() decides, which on valid UTF-8
 * without NUL reaches what 1 means (bad 0, the same control bytes). */
static int plain_utf8(const unsigned char *s, size_t len, size_t *ctl_out)
{
    if (!text_fast_utf8)
        return plain_utf8_ref(s, len, ctl_out);
#ifdef TEXT_AVX2
    if (fast_avx2())
        return plain_utf8_avx2(s, len, ctl_out);
#endif
#ifdef __SSE2__
    return plain_utf8_sse2(s, len, ctl_out);
#else
    return plain_utf8_ref(s, len, ctl_out);
#endif
}

int text_utf8_plain(const char *s, size_t len, size_t *ctl)
{
    return plain_utf8((const unsigned char *)s, len, ctl);
}

int text_fast_utf8 = 1;

#ifdef __SSE2__

/* What split_plain() has done so far: s is where the input goes on, o
 * where the output does; ls and ns are where the current line starts in
 * each; n lines are in orig and norm (t's, with room for cap), t->nlines
 * set only at the end (kept here, the byte stores into the output cannot
 * make the compiler read them again). */
typedef struct {
    const unsigned char *s, *end, *ls;
    char *o, *ns;
    gk_line *orig, *norm;
    size_t n, cap, ctl;
    int cr, ff;                        /* a CR, a form feed seen */
} plain_state;

/* The room of t's line index grown from `cap` to one line more than its n
 * lines (the state's own fields never have their address taken, so that
 * they stay in registers); 0 past TEXT_MAX_LINES. */
static __attribute__((noinline, cold)) size_t plain_grow(gk_text *t, size_t n, size_t cap)
{
    t->nlines = n;
    return lines_room(t, &cap, n + 1) ? cap : 0;
}

/* Records the line from st->ls to eol, its normalised form from st->ns to
 * st->o; 0 when it would be more than TEXT_MAX_LINES. */
static inline __attribute__((always_inline)) int plain_line(gk_text *t, plain_state *st, const unsigned char *eol)
{
    if (st->n == st->cap) {
        size_t cap = plain_grow(t, st->n, st->cap);
        if (!cap)
            return 0;
        st->cap = cap;
        st->orig = t->orig;
        st->norm = t->norm;
    }
    st->orig[st->n] = (gk_line){(char *)st->ls, (size_t)(eol - st->ls)};
    st->norm[st->n] = (gk_line){st->ns, (size_t)(st->o - st->ns)};
    st->n++;
    return 1;
}

/* A line end c ('\n' or '\r') at s, for plain_event() and block_event():
 * the line is recorded and st->s steps past it (CR LF as one line end).
 * `bounded`: s + 1 may be the text's end.  Returns 0 when plain_line()
 * refuses (too many lines), 2 when a CR LF left the output a byte further
 * behind the input, else 1. */
static inline __attribute__((always_inline)) int plain_line_end(gk_text *t, plain_state *st, const unsigned char *s,
                                                                unsigned c, int bounded)
{
    if (!plain_line(t, st, s))
        return 0;
    *st->o++ = '\0';
    s++;
    int r = 1;
    if (c == '\r') {
        st->cr = 1;
        if ((!bounded || s < st->end) && *s == '\n') {
            t->crlf = 1;
            s++;
            r = 2;
        }
    }
    st->s = st->ls = s;
    st->ns = st->o;
    return r;
}

/* A control byte or DEL c (below 0x80, no line end) at s: fold_cp()
 * blanks it, and it is counted as scan_bytes() counts it.  Returns 0 for a
 * NUL (the general path decides), else 1. */
static inline __attribute__((always_inline)) int plain_control(plain_state *st, const unsigned char *s, unsigned c)
{
    if (!c)
        return 0;
    st->ctl += (byte_class[c] & B_CTL) != 0;
    st->ff |= c == '\f';
    *st->o++ = ' ';
    st->s = s + 1;
    return 1;
}

/* One byte that split_plain() cannot copy as it is, at st->s: a line end
 * (the line is recorded), a control byte or DEL (blanked), or a sequence
 * that decode() checks and fold_cp() may change.  Returns 0 for what the
 * general path must decide (NUL, an invalid sequence, too many lines). */
static inline __attribute__((always_inline)) int plain_event(gk_text *t, plain_state *st)
{
    const unsigned char *s = st->s;
    unsigned c = *s;
    if (c == '\n' || c == '\r')
        return plain_line_end(t, st, s, c, 1) != 0;
    if (c < 0x80)
        return plain_control(st, s, c);
    unsigned cp;
    int n;
    if ((byte_class[c] & B_LEAD3) && st->end - s >= 3 && two_continuations(s + 1)) {
        /* a lead that is no B_FOLD (E1, E4..EC, EE: the ideographs' among them),
         * or U+3040..U+3FFF: fold_cp() changes none */
        if (!(byte_class[c] & B_FOLD) || (c == 0xE3 && s[1] != 0x80)) {
            st->o[0] = (char)c;
            st->o[1] = (char)s[1];
            st->o[2] = (char)s[2];
            st->o += 3;
            st->s = s + 3;
            return 1;
        }
        cp = (c & 0x0F) << 12 | (unsigned)(s[1] & 0x3F) << 6 | (unsigned)(s[2] & 0x3F);
        unsigned f = fold_cp(cp);
        if (f == cp) {
            st->o[0] = (char)c;
            st->o[1] = (char)s[1];
            st->o[2] = (char)s[2];
            st->o += 3;
        } else if (f < 0x80) {
            if (f)
                *st->o++ = (char)f;
        } else {
            st->o += encode(f, st->o);
        }
        st->s = s + 3;
        return 1;
    } else if (!(n = decode((const char *)s, (size_t)(st->end - s), &cp))) {
        return 0;
    }
    unsigned f = fold_cp(cp);
    if (f == cp) {                     /* unchanged: its (shortest) encoding is the bytes read */
        memcpy(st->o, s, (size_t)n);
        st->o += n;
    } else if (f) {
        st->o += encode(f, st->o);
    }
    st->s = s + n;
    return 1;
}

/* block_event()'s other sequences (a lead C2..DF or E1..EF that the block's
 * check vouches for, or one it cannot, which decode() checks: C0, C1, E0,
 * ED, F0..FF) at s, whose fold is written at o (four bytes for a sequence
 * left as it is: the caller's copy may have stopped inside it).  Returns
 * the bytes written, *n those read; -1 for what the general path must
 * decide.  Out of line and cold (the sequences are rare): a call in the
 * loop of events makes the compiler give up that loop's registers around
 * the whole loop, and only around the call when the call is rare. */
static __attribute__((noinline, cold)) int block_rare(const unsigned char *s, const unsigned char *end, char *o, int *n)
{
    unsigned c = s[0], s1 = s[1], s2 = s[2], cp;
    if (c < 0xC2 || c == 0xE0 || c == 0xED || c >= 0xF0) {
        if (!(*n = decode((const char *)s, (size_t)(end - s), &cp)))
            return -1;
    } else if (c < 0xE0) {             /* C2..DF */
        cp = (c & 0x1F) << 6 | (s1 & 0x3F);
        *n = 2;
    } else {                           /* E1..EF */
        cp = (c & 0x0F) << 12 | (s1 & 0x3F) << 6 | (s2 & 0x3F);
        *n = 3;
    }
    unsigned f = fold_cp(cp);
    if (f == cp) {                     /* unchanged: its (shortest) encoding is the bytes read */
        memcpy(o, s, 4);
        return *n;
    }
    return f ? encode(f, o) : 0;       /* no fold lengthens: to ASCII, nothing, or U+2015's U+2014 */
}

/* plain_event() for an event inside one of split_plain()'s blocks: the
 * block's check has passed (each lead byte has its continuation bytes where
 * it is in the block; those past its end are checked with the next block,
 * or by the caller after the last block) and 32 bytes or more follow the
 * block, so a sequence is read without checking its length or its
 * continuation bytes.  The event is one plain_masks16() marks: a control
 * byte (line ends and NUL included), DEL, or a lead byte (any but
 * C4..DF, E4..EC).
 * Returns 0 for what the general path must decide (NUL, too many lines),
 * 1 when the output is still as far behind the input as before, 2 when it
 * fell further behind (what was copied after the event is no longer in its
 * place).  A sequence left as it is is written again (four bytes: the
 * caller's copy may have stopped inside it). */
static inline __attribute__((always_inline)) int block_event(gk_text *t, plain_state *st)
{
    const unsigned char *s = st->s;
    unsigned c = *s;
    if (c == '\n' || c == '\r')      /* in a block: the byte after a CR may be read */
        return plain_line_end(t, st, s, c, 0);
    if (c < 0x80)
        return plain_control(st, s, c);
    unsigned s1 = s[1], s2 = s[2];
    if (c == 0xE3) {                   /* U+3000..U+3FFF: only U+3000, U+300C and U+300D fold */
        if (s1 == 0x80 && (s2 == 0x80 || s2 == 0x8C || s2 == 0x8D)) {
            *st->o++ = s2 == 0x80 ? ' ' : '"';
            st->s = s + 3;
            return 2;
        }
        memcpy(st->o, s, 4);
        st->o += 3;
        st->s = s + 3;
        return 1;
    }
    if (c == 0xEF && ((s1 == 0xBC && s2 >= 0x81) || (s1 == 0xBD && s2 <= 0x9E))) {
        /* U+FF01..U+FF5E, full-width ASCII: the code point less 0xFEE0 */
        *st->o++ = (char)(s1 == 0xBC ? s2 - 0x60 : s2 - 0x20);
        st->s = s + 3;
        return 2;
    }
    if (c == 0xC2 && s1 == 0xA0) {     /* U+00A0, a no-break space (a web page's &nbsp;): a space */
        *st->o++ = ' ';
        st->s = s + 2;
        return 2;
    }
    if (c == 0xE2 && s1 - 0x94u <= 0x95u - 0x94u) {
        /* U+2500..U+257F, box drawing (a w3m dump's borders draw thousands): box_fold()'s
         * ASCII, or the diagonals as they are */
        unsigned f = box_fold(0x2000 | (s1 & 0x3F) << 6 | (s2 & 0x3F));
        st->s = s + 3;
        if (f >= 0x80) {
            memcpy(st->o, s, 4);
            st->o += 3;
            return 1;
        }
        *st->o++ = (char)f;
        return 2;
    }
    int n, w = block_rare(s, st->end, st->o, &n);
    if (w < 0)
        return 0;
    st->o += w;
    st->s = s + n;
    return w == n ? 1 : 2;             /* kept as it was (U+2015 too), or shortened */
}

/* split_plain(): the lines of `b` (len > 0 bytes) in one pass, when they are valid UTF-8
 * without NUL (what nearly every report is): the validation of
 * plain_utf8(), the count of control bytes of scan_bytes(), and the split
 * and normalisation of split_lines().  t gets the lines, its `orig` ones
 * pointing into b (their line ends not yet replaced by NULs), and t->crlf;
 * *ctl_out gets the control bytes and *has_cr whether a CR was seen.
 * Returns 0 and leaves t without lines on anything else (a NUL, an invalid
 * sequence, more than TEXT_MAX_LINES lines) and on four-byte sequences
 * (the block check declines them, but for one a block's end lets through
 * to block_event(), which reads it right): the general path decides then.
 *
 Sixty-four bytes at a time, as long as sixty-four more follow (then
 * thirty-two, while thirty-two more do): the block
 * is checked as two- and three-byte UTF-8 (each continuation byte exactly
 * where a lead expects one); the bytes that may need more (plain_masks16())
 * are events, handled in turn by block_event(), and the bytes between them
 * copied a block's width at a time, once per block and again after an event that
 * shortens the output (the output is never ahead of the input).  An event
 * is never a continuation byte; one may take up to two bytes of the next
 * block (which its own check sees), so a block's events start where the
 * input has got to.  The last bytes go one at a time (plain_event()). */
/* split_plain()'s masks of the sixteen bytes at p, bit k for p[k]: *ev
 * the events, *high the bytes 80..FF, *cont the continuation bytes
 * (80..BF), *ge_e0 those of E0..FF.  The events are a superset of what
 * block_event() must see: the control bytes but tab (line ends and NUL
 * included), DEL, the leads whose sequences fold_cp() may change (C2, E2,
 * E3, EF), and the leads the block check does not tell apart from valid
 * ones (C0, C1, E0, ED, F0..FF), which block_event() checks itself; with
 * them C3, E1 and EE, cheaper to take than to leave out. */
static inline __attribute__((always_inline)) void plain_masks16(const unsigned char *p, unsigned *ev, unsigned *high,
                                                                unsigned *cont, unsigned *ge_e0)
{
    const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i ctl = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);     /* v <= 0x1F */
    ctl = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')), ctl);
    ctl = _mm_or_si128(ctl, _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
    /* C0..C3 and E0..E3: 110x 00xx */
    __m128i lead = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xDC)), _mm_set1_epi8((char)0xC0));
    lead = _mm_or_si128(lead, _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8((char)0xED)), v));   /* ED..FF */
    *ev = (unsigned)_mm_movemask_epi8(_mm_or_si128(ctl, lead));
    *high = (unsigned)_mm_movemask_epi8(v);
    /* as signed bytes: 80..BF < C0, and E0..FF > DF (as ASCII is: masked by high) */
    *cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8((char)0xC0)));
    *ge_e0 = (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(v, _mm_set1_epi8((char)0xDF)));
}

/* Copies 32 bytes from s to o (the output is never ahead of the input). */
static inline void copy32(char *o, const unsigned char *s)
{
    __m128i a = _mm_loadu_si128((const __m128i *)(const void *)s),
            z = _mm_loadu_si128((const __m128i *)(const void *)(s + 16));
    _mm_storeu_si128((__m128i *)(void *)o, a);
    _mm_storeu_si128((__m128i *)(void *)(o + 16), z);
}

/* The masks of a 32-byte block (plain_masks16()'s, bit k for byte k). */
typedef struct {
    uint32_t ev, high, cont, ge_e0;
} block_masks;

static inline __attribute__((always_inline)) block_masks plain_masks32_sse2(const unsigned char *p)
{
    unsigned ev0, ev1, high0, high1, cont0, cont1, e00, e01;
    plain_masks16(p, &ev0, &high0, &cont0, &e00);
    plain_masks16(p + 16, &ev1, &high1, &cont1, &e01);
    return (block_masks){ev0 | ev1 << 16, high0 | high1 << 16, cont0 | cont1 << 16, e00 | e01 << 16};
}

#ifdef TEXT_AVX2
/* The same 32 bytes at once, each byte's classes looked up by its high
 * and its low nibble (two tables of bit sets; a byte is in a class when
 * both of its entries hold the class's bit), as in the UTF-8 check of
 * plain_utf8_avx2():
 *   M_CTL   00..08, 0A..0F (the controls below 0x10 but tab)
 *   M_HIGH  10..1F and F0..FF
 *   M_DEL   7F
 *   M_LEAD  C0..C3 and E0..E3
 *   M_EDFF  ED..EF (with M_HIGH: ED..FF)
 *   M_GE_E0 E0..FF
 *   M_CONT  80..BF
 * The events (plain_masks16()'s) are the bytes in one of the first five;
 * ge_e0 holds E0..FF only, which is the same once masked by high. */
enum { M_CTL = 1, M_HIGH = 2, M_DEL = 4, M_LEAD = 8, M_EDFF = 16, M_GE_E0 = 64, M_CONT = 128 };
#define ALL_LO (M_HIGH | M_GE_E0 | M_CONT)
static const unsigned char mask_hi_nibble[16] = {
    M_CTL, M_HIGH, 0, 0, 0, 0, 0, M_DEL, M_CONT, M_CONT, M_CONT, M_CONT, M_LEAD, 0, M_LEAD | M_EDFF | M_GE_E0,
    M_HIGH | M_GE_E0,
};
static const unsigned char mask_lo_nibble[16] = {
    ALL_LO | M_CTL | M_LEAD, ALL_LO | M_CTL | M_LEAD, ALL_LO | M_CTL | M_LEAD, ALL_LO | M_CTL | M_LEAD,
    ALL_LO | M_CTL,          ALL_LO | M_CTL,          ALL_LO | M_CTL,          ALL_LO | M_CTL,
    ALL_LO | M_CTL,          ALL_LO,                  ALL_LO | M_CTL,          ALL_LO | M_CTL,
    ALL_LO | M_CTL,          ALL_LO | M_CTL | M_EDFF, ALL_LO | M_CTL | M_EDFF, ALL_LO | M_CTL | M_EDFF | M_DEL,
};
#undef ALL_LO

static inline __attribute__((always_inline, target("avx2"))) block_masks plain_masks32_avx2(const unsigned char *p)
{
    const __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)p);
    const __m256i lo4 = _mm256_set1_epi8(0x0F);
    const __m256i hi_tab = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)mask_hi_nibble));
    const __m256i lo_tab = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)mask_lo_nibble));
    const __m256i x = _mm256_and_si256(_mm256_shuffle_epi8(hi_tab, _mm256_and_si256(_mm256_srli_epi16(v, 4), lo4)),
                                       _mm256_shuffle_epi8(lo_tab, _mm256_and_si256(v, lo4)));
    /* a class bit among the low five carries into bit 7 */
    const __m256i ev = _mm256_add_epi8(_mm256_and_si256(x, _mm256_set1_epi8(0x1F)), _mm256_set1_epi8(0x7F));
    return (block_masks){
        (uint32_t)_mm256_movemask_epi8(ev),
        (uint32_t)_mm256_movemask_epi8(v),
        (uint32_t)_mm256_movemask_epi8(x),                         /* M_CONT: bit 7 */
        (uint32_t)_mm256_movemask_epi8(_mm256_add_epi8(x, x)),     /* M_GE_E0: bit 6 */
    };
}
#endif

/* One block of split_plain() (described above): the `width` (32 or 64)
 * bytes at blk, whose masks (bit k for byte k) are m, while `width` more
 * bytes follow it.  *carry is what the previous block's leads still expect
 * of this one's first two bytes, and becomes what this block's expect of
 * the next.  Returns 0 for what the general path must decide. */
static inline __attribute__((always_inline)) int plain_block(gk_text *t, plain_state *st, const unsigned char *blk,
                                                             uint64_t ev, uint64_t high, uint64_t cont,
                                                             uint64_t ge_e0, unsigned width, uint64_t *carry)
{
    const uint64_t all = width == 64 ? ~0ull : (1ull << width) - 1;
    /* each lead expects one continuation byte after it, E0..FF a second
     * one after that; the continuation bytes must be exactly those
     * expected (a lead the check takes wrongly, as C0 or F0, is an
     * event: see plain_masks16()) */
    uint64_t lead = high & ~cont, lead3 = high & ge_e0;
    uint64_t expect = *carry | lead << 1 | lead3 << 2;
    if ((expect ^ cont) & all)
        return 0;
    uint64_t next = width == 64 ? lead >> 63 | lead3 >> 62 : expect >> 32;
    /* made here, so that lead and lead3 are not kept through the events
     * (the compiler would rather compute it after them, keeping both in
     * registers the events need) */
    __asm__("" : "+r"(next));
    *carry = next;
    /* the bytes an event of the previous block took (up to two) are not this block's */
    ev &= ~0ull << (st->s - blk);
    /* the rest of the block is copied once, and again only after an
     * event that leaves the output further behind the input */
    for (unsigned k = 0; k < width; k += 32)
        copy32(st->o + k, st->s + k);
    while (ev) {
        const unsigned char *e = blk + __builtin_ctzll(ev);
        st->o += e - st->s;
        st->s = e;
        int r = block_event(t, st);
        if (r == 1) {
            ev &= ev - 1;              /* an event took no other event's byte */
            continue;
        }
        if (!r)
            return 0;
        size_t done = (size_t)(st->s - blk);
        if (done >= width)
            break;                     /* (the shift below would be too wide) */
        for (unsigned k = 0; k < width; k += 32)
            copy32(st->o + k, st->s + k);
        ev &= ~0ull << done;           /* CR LF: the LF too */
    }
    if (st->s < blk + width) {
        st->o += blk + width - st->s;
        st->s = blk + width;
    }
    return 1;
}

/* split_plain() (described above) with the block masks of `masks` (a
 * constant where it is inlined: the SSE2 or the AVX2 function): blocks of
 * 64 bytes (two of the masks' 32) while 64 more follow, then one of 32
 * while 32 more do. */
static inline __attribute__((always_inline)) int split_plain_with(gk_text *t, const unsigned char *b, size_t len,
                                                                  size_t *ctl_out, int *has_cr,
                                                                  block_masks (*masks)(const unsigned char *))
{
    plain_state st = {b, b + len, b, NULL, NULL, NULL, NULL, 0, 0, 0, 0, 0};
    size_t cap = 0;
    /* room for lines of 16 bytes on average: a report's are longer, and
     * growing the index (a copy of it) would cost more than the room */
    if (!lines_room(t, &cap, len / 16 + 16))
        return 0;
    st.cap = cap;
    st.orig = t->orig;
    st.norm = t->norm;
    t->nbuf = st.o = st.ns = xmalloc(len + 2);
    t->nlines = 0;
    const unsigned char *blk = b;
    uint64_t carry = 0;                /* continuations the previous block still expects */
    /* (a copy of a block's width from anywhere in it stays inside the input) */
    for (; st.end - blk >= 128; blk += 64) {
        block_masks m = masks(blk), n = masks(blk + 32);
        if (!plain_block(t, &st, blk, m.ev | (uint64_t)n.ev << 32, m.high | (uint64_t)n.high << 32,
                         m.cont | (uint64_t)n.cont << 32, m.ge_e0 | (uint64_t)n.ge_e0 << 32, 64, &carry))
            goto fail;
    }
    if (st.end - blk >= 64) {
        block_masks m = masks(blk);
        if (!plain_block(t, &st, blk, m.ev, m.high, m.cont, m.ge_e0, 32, &carry))
            goto fail;
        blk += 32;
    }
    if (carry) {
        if (st.s == blk) {             /* back to the lead of the sequence the last block cut (copied, not checked) */
            do {
                st.s--;
                st.o--;
            } while ((*st.s & 0xC0) == 0x80);
        } else {                       /* an event took it: check the continuation bytes it took here */
            for (unsigned k = 0; k < 2; k++)
                if ((carry >> k & 1) && (blk[k] & 0xC0) != 0x80)
                    goto fail;
        }
    }
    while (st.s < st.end) {            /* the last bytes, one at a time */
        if (*st.s < 0x80 && !(byte_class[*st.s] & B_FOLD))
            *st.o++ = (char)*st.s++;
        else if (!plain_event(t, &st))
            goto fail;
    }
    if (st.ls < st.end) {              /* the last line, without a line end */
        if (!plain_line(t, &st, st.end))
            goto fail;
        *st.o = '\0';
    }
    t->nlines = st.n;
    t->no_ff = !st.ff;
    *ctl_out = st.ctl;
    *has_cr = st.cr;
    return 1;
fail:
    release_lines(t);
    return 0;
}

static int split_plain_sse2(gk_text *t, const unsigned char *b, size_t len, size_t *ctl_out, int *has_cr)
{
    return split_plain_with(t, b, len, ctl_out, has_cr, plain_masks32_sse2);
}

#ifdef TEXT_AVX2
static __attribute__((target("avx2"))) int split_plain_avx2(gk_text *t, const unsigned char *b, size_t len,
                                                            size_t *ctl_out, int *has_cr)
{
    return split_plain_with(t, b, len, ctl_out, has_cr, plain_masks32_avx2);
}
#endif

/* The masks of 32 bytes at once where the processor can (text_fast_utf8
 * 1), else and when asked (2) of sixteen twice; the rest is the same code. */
static int split_plain(gk_text *t, const unsigned char *b, size_t len, size_t *ctl_out, int *has_cr)
{
#ifdef TEXT_AVX2
    if (fast_avx2())
        return split_plain_avx2(t, b, len, ctl_out, has_cr);
#endif
    return split_plain_sse2(t, b, len, ctl_out, has_cr);
}
#endif

#ifdef __SSE2__
/* Completes the lines split_plain() found in src[0..len): their storage is
 * *adopt when given (the same bytes, with a NUL after them; *adopt becomes
 * NULL), else a copy; each line end becomes the line's NUL. */
static gk_text *own_lines(gk_text *t, const char *src, size_t len, char **adopt, int has_cr)
{
    char *u;
    if (adopt) {
        u = *adopt;
        *adopt = NULL;
    } else {
        u = xstrndup(src, len);
    }
    gk_line *l = t->orig, *end = l + t->nlines;
    if (u != src)                      /* a copy: the lines point into it instead */
        for (gk_line *k = l; k < end; k++)
            k->s = u + (k->s - src);
    for (; l < end; l++)
        l->s[l->len] = '\0';          /* the last line's is u[len] when it has no line end */
    t->obuf = u;
    t->crlf_scan = has_cr;
    return t;
}
#endif

#ifdef __SSE2__
/* 1 when the bytes surely are no UTF-8 that choose() would read as such:
 * every good sequence scan_bytes() counts begins with a byte C2..F4, and
 * each byte C0, C1 or F5..FF (no sequence's first byte, nor a later one)
 * is one of its bad ones; so when nine times those outnumber these, good <
 * 9 * bad however the rest reads (GB18030 shows it at once: its lead and
 * trail bytes run to FE).  Sixteen bytes at a time, each lane counting up
 * to 255 before it is summed. */
static int surely_not_utf8(const unsigned char *s, size_t len)
{
    const __m128i zero = _mm_setzero_si128(), c0 = _mm_set1_epi8((char)0xC0), one = _mm_set1_epi8(1),
                  f5 = _mm_set1_epi8((char)0xF5), c2 = _mm_set1_epi8((char)0xC2), leads_span = _mm_set1_epi8(0xF4 - 0xC2);
    size_t invalid = 0, leads = 0, i = 0;
    while (len - i >= 16) {
        __m128i inv_acc = zero, lead_acc = zero;
        for (int blocks = 0; blocks < 255 && len - i >= 16; blocks++, i += 16) {
            const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            const __m128i t = _mm_sub_epi8(v, c0), u = _mm_sub_epi8(v, c2);
            const __m128i inv = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(t, one), t),   /* C0, C1 */
                                             _mm_cmpeq_epi8(_mm_max_epu8(v, f5), v));   /* F5..FF */
            inv_acc = _mm_sub_epi8(inv_acc, inv);
            lead_acc = _mm_sub_epi8(lead_acc, _mm_cmpeq_epi8(_mm_min_epu8(u, leads_span), u));   /* C2..F4 */
        }
        const __m128i a = _mm_sad_epu8(inv_acc, zero), b = _mm_sad_epu8(lead_acc, zero);
        invalid += (size_t)_mm_cvtsi128_si32(a) + (size_t)_mm_cvtsi128_si32(_mm_unpackhi_epi64(a, a));
        leads += (size_t)_mm_cvtsi128_si32(b) + (size_t)_mm_cvtsi128_si32(_mm_unpackhi_epi64(b, b));
    }
    for (; i < len; i++) {
        invalid += s[i] == 0xC0 || s[i] == 0xC1 || s[i] >= 0xF5;
        leads += s[i] >= 0xC2 && s[i] <= 0xF4;
    }
    return 9 * invalid > leads;
}
#endif

/* The choice of reading for bytes without a byte order mark, taken on all
 * of them: UTF-16 (by its NUL pattern), binary, or UTF-8 (repaired when a
 * tenth at most of its sequences are invalid), else GB18030. */
static text_verdict choose(const char *bytes, size_t len)
{
    byte_stats st;
    int be = 0;
#ifdef __SSE2__
    size_t ctl;
    if (plain_utf8((const unsigned char *)bytes, len, &ctl))
        return ctl * 20 > len ? TEXT_BINARY : TEXT_UTF8;
    if (text_fast_utf8 && surely_not_utf8((const unsigned char *)bytes, len)) {
        /* no UTF-8: the counts below need only its controls exact (as
         * scan_bytes() counts them, all of them) and good < 9 * bad */
        memset(&st, 0, sizeof st);
        count_controls((const unsigned char *)bytes, len, &st);
        st.bad = 1;
    } else
#endif
        scan_bytes(bytes, len, &st, 0);
    if (st.nul && looks_utf16(bytes, len, &be))
        return be ? TEXT_UTF16BE : TEXT_UTF16LE;
    if (st.nul || st.ctl * 20 > len)
        return TEXT_BINARY;
    if (st.bad == 0)
        return TEXT_UTF8;
    double share = (double)st.good / (double)(st.good + st.bad);
    return share >= 0.9 ? TEXT_UTF8_REPAIR : TEXT_GB18030;
}

/* 1 when bytes that are no GB18030 are mostly UTF-8: at least twice as many
 * good sequences as broken bytes over the whole text, and twenty of them. */
static int mostly_utf8(const char *bytes, size_t len)
{
    byte_stats st;
    scan_bytes(bytes, len, &st, 1);
    return st.good >= 20 && st.good >= 2 * st.bad;
}

/* text_decode_until(); given `adopt` (a malloc'd copy of bytes with a NUL
 * after them), plain UTF-8 keeps that buffer as the text's own instead of
 * copying it, and *adopt becomes NULL. */
static gk_text *decode_text(const char *bytes, size_t len, char **adopt, text_stop_fn stop, void *ctx,
                            text_verdict *verdict, const char **why)
{
    const unsigned char *b = (const unsigned char *)bytes;
    char *u = NULL;
    size_t ulen = 0;
    gk_text *t = xcalloc(1, sizeof *t);
    int how = -1;
    size_t skip = 0;                   /* a UTF-8 byte order mark */

    if (len == 0 || only_space(bytes, len)) {
        *why = "文件为空";
        free(t);
        return NULL;
    }
    if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
        int be = b[0] == 0xFE;
        t->encoding = be ? "UTF-16BE" : "UTF-16LE";
        if (stop && utf16_head(t, bytes + 2, len - 2, be, stop, ctx))
            return t;
        u = utf16_to_utf8(bytes + 2, len - 2, be, &ulen, &t->replaced);
        if (!u)
            *why = "UTF-16 编码损坏";
    } else if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        t->encoding = "UTF-8 BOM";
        how = AS_UTF8_REPAIR;
        skip = 3;
#ifdef __SSE2__
        /* what utf8_repair() copies unchanged, checked as the lines are split */
        size_t ctl;
        int has_cr;
        if (!stop && text_fast_utf8 && len > 3 && split_plain(t, b + 3, len - 3, &ctl, &has_cr)) {
            if (only_space(bytes + 3, len - 3)) {
                release_lines(t);
                free(t);
                *why = "文件为空";
                return NULL;
            }
            return own_lines(t, bytes + 3, len - 3, NULL, has_cr);
        }
#endif
    } else {
#ifdef __SSE2__
        /* plain UTF-8 as choose() finds it, split in the same pass */
        size_t ctl;
        int has_cr;
        if (!stop && text_fast_utf8 && (!verdict || *verdict == TEXT_UNKNOWN || *verdict == TEXT_UTF8) &&
            split_plain(t, b, len, &ctl, &has_cr)) {
            text_verdict v = (verdict && *verdict == TEXT_UTF8) || ctl * 20 <= len ? TEXT_UTF8 : TEXT_BINARY;
            if (verdict)
                *verdict = v;
            if (v == TEXT_BINARY) {
                release_lines(t);
                free(t);
                *why = "二进制文件（含 NUL 或大量控制字符），不是文本报告";
                return NULL;
            }
            t->encoding = "UTF-8";
            return own_lines(t, bytes, len, adopt, has_cr);   /* no NUL, not only spaces (above) */
        }
#endif
        text_verdict v = verdict && *verdict != TEXT_UNKNOWN ? *verdict : choose(bytes, len);
        if (verdict)
            *verdict = v;
        if (v == TEXT_UTF16LE || v == TEXT_UTF16BE) {
            t->encoding = v == TEXT_UTF16BE ? "UTF-16BE" : "UTF-16LE";
            u = utf16_to_utf8(bytes, len, v == TEXT_UTF16BE, &ulen, &t->replaced);
            if (u && mostly_controls(u, ulen)) {
                free(u);
                u = NULL;
                *why = "二进制文件（含 NUL 或大量控制字符），不是文本报告";
            } else if (!u) {
                *why = "疑似无 BOM 的 UTF-16，但编码损坏";
            }
        } else if (v == TEXT_BINARY) {
            *why = "二进制文件（含 NUL 或大量控制字符），不是文本报告";
        } else {
            how = v == TEXT_UTF8 ? AS_UTF8 : v == TEXT_UTF8_REPAIR ? AS_UTF8_REPAIR : AS_GB18030;
            t->encoding = how == AS_GB18030 ? "GB18030" : "UTF-8";
        }
    }
    if (how >= 0) {
        /* the checks below on the decoded whole hold already, except after
         * a byte order mark: there no scan has seen the bytes (no
         * character decodes to NUL or to a space from anything else) */
        if (stop && !(skip && (memchr(bytes + skip, 0, len - skip) || only_space(bytes + skip, len - skip))) &&
            decode_head(t, bytes + skip, len - skip, how, stop, ctx))
            return t;
        if (adopt && how == AS_UTF8) {
            u = *adopt;
            ulen = len;
            *adopt = NULL;
        } else {
            u = to_utf8(bytes + skip, len - skip, how, &ulen, &t->replaced);
        }
        if (!u && how == AS_GB18030 && mostly_utf8(bytes + skip, len - skip)) {
            /* no GB18030, and UTF-8 but for a share of broken bytes (a converter that
               cut characters in two): read as UTF-8, each broken byte U+FFFD — the
               cells they touch are not numbers */
            t->encoding = "UTF-8";
            u = to_utf8(bytes + skip, len - skip, AS_UTF8_REPAIR, &ulen, &t->replaced);
        }
        if (!u)
            *why = "编码无法识别（既不是有效的 UTF-8，也不是有效的 GB18030）";
    }
    if (!u) {
        free(t);
        return NULL;
    }
    if (memchr(u, 0, ulen)) {
        *why = "文本中含有 NUL 字符，不是文本报告";
        free(u);
        free(t);
        return NULL;
    }
    if (only_space(u, ulen)) {
        *why = "文件为空";
        free(u);
        free(t);
        return NULL;
    }
    /* every decoder above leaves u NUL-terminated: room for the last line's NUL.
     * A stop is not heeded where the text could have too many lines: that
     * verdict is on the whole. */
    stop = ulen < TEXT_MAX_LINES ? stop : NULL;
#ifdef __SSE2__
    /* without a stop, the decoded text (valid UTF-8 without NUL) is split in
     * split_plain()'s one pass; what it declines (four-byte sequences, too
     * many lines) split_lines() takes */
    size_t ctl;
    int cr;
    if (!stop && text_fast_utf8 && split_plain(t, (const unsigned char *)u, ulen, &ctl, &cr))
        return own_lines(t, u, ulen, &u, cr);
#endif
    int has_cr = memchr(u, '\r', ulen) != NULL;
    if (split_lines(t, u, ulen, has_cr, stop, ctx) < 0) {
        *why = "行数过多（超过 500 万行），不是年度报告";
        text_free(t);
        return NULL;
    }
    return t;
}

gk_text *text_decode_until(const char *bytes, size_t len, text_stop_fn stop, void *ctx, text_verdict *verdict,
                           const char **why)
{
    return decode_text(bytes, len, NULL, stop, ctx, verdict, why);
}

gk_text *text_decode_adopt(char *bytes, size_t len, text_verdict *verdict, const char **why)
{
    char *own = bytes;
    gk_text *t = decode_text(bytes, len, &own, NULL, NULL, verdict, why);
    free(own);
    return t;
}

void text_free(gk_text *t)
{
    if (!t)
        return;
    release_lines(t);
    free(t->page);
    free(t->fileline);
    free(t);
}
