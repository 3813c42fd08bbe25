/* safe.c — neutralising text for terminals and spreadsheets (see safe.h).
 * Owns no state. */
#include "safe.h"
#include "text.h"

#include <stdarg.h>
#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__GNUC__) && defined(__x86_64__)
/* clean_run() passes 32 bytes at a time where the processor has AVX2
 * (asked at run time), as util_find() does */
#define SAFE_AVX2 1
#include <immintrin.h>
#endif
#include <stdlib.h>
#include <string.h>

/* Bidi embeddings, overrides, isolates and marks, by name. */
static const struct {
    unsigned cp;
    const char *name;
} BIDI[] = {
    {0x061C, "ALM"}, {0x200E, "LRM"}, {0x200F, "RLM"}, {0x202A, "LRE"}, {0x202B, "RLE"},
    {0x202C, "PDF"}, {0x202D, "LRO"}, {0x202E, "RLO"}, {0x2066, "LRI"}, {0x2067, "RLI"},
    {0x2068, "FSI"}, {0x2069, "PDI"},
};

/* Invisible format characters (as view_text.c), and the tag characters. */
static int is_format(unsigned cp)
{
    return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) ||
           cp == 0xFEFF || cp == 0x180E || cp == 0x061C || (cp >= 0xFFF9 && cp <= 0xFFFB) ||
           (cp >= 0xE0000 && cp <= 0xE007F);
}

/* Whether code point cp is shown as a placeholder (keep: SAFE_KEEP_*). */
static int needs_placeholder(unsigned cp, int keep)
{
    if (cp == '\n')
        return !(keep & SAFE_KEEP_NL);
    if (cp == '\t')
        return !(keep & SAFE_KEEP_TAB);
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || is_format(cp);
}

int safe_placeholder(unsigned cp, char *buf, size_t n)
{
    if (cp < 0x20 || cp == 0x7F)       /* caret notation: ESC is ^[ */
        return snprintf(buf, n, "^%c", cp == 0x7F ? '?' : (char)(cp + 0x40));
    for (size_t i = 0; i < sizeof BIDI / sizeof BIDI[0]; i++)
        if (BIDI[i].cp == cp)
            return snprintf(buf, n, "<%s>", BIDI[i].name);
    return snprintf(buf, n, "<U+%04X>", cp);
}

static void add_placeholder(sbuf *out, unsigned cp)
{
    char buf[16];
    int len = safe_placeholder(cp, buf, sizeof buf);
    sbuf_add(out, buf, (size_t)len);
}

/* The usual characters of a message besides ASCII, none a control or
 * format character, told by their bytes (no decode, no look-up) at u[0 ..
 * n): C2 A0..BF is U+00A0..U+00BF (· among them); E3..E9 and two
 * continuation bytes U+3000..U+9FFF (Chinese and its punctuation), E2
 * 82..BF and one U+2080..U+2FFF (− ① ≠, past the format characters of
 * U+2000..U+206F), EF BC/BD and one U+FF00..U+FF7F (full-width forms).
 * Returns the character's length, or 0 for any other. */
static inline int usual(const unsigned char *u, size_t n)
{
    unsigned char c = u[0];
    if (c == 0xC2)
        return n >= 2 && u[1] >= 0xA0 && u[1] <= 0xBF ? 2 : 0;
    if (n < 3 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
        return 0;
    return (c >= 0xE3 && c <= 0xE9) || (c == 0xE2 && u[1] >= 0x82) || (c == 0xEF && (u[1] == 0xBC || u[1] == 0xBD))
               ? 3
               : 0;
}

#ifdef __SSE2__
/* How far the characters starting in the 16 bytes at u pass unchanged when
 * each is printable ASCII or one of usual(): 16 to 18 (a character that
 * starts in the block may end in the two bytes after it), or 0 when any is
 * another (clean_run() looks at them one by one).  The bytes are sorted
 * into ASCII, continuation bytes and the leads of two and three bytes; each
 * lead must be followed by its continuation bytes and no continuation byte
 * stand elsewhere; a lead of three bytes E3..E9 is then Chinese, any other
 * lead (· − ① ，, a few a line) is looked at by usual().  u starts a
 * character; 32 bytes are readable. */
static inline size_t clean_block(const unsigned char *u)
{
    const __m128i lo = _mm_loadu_si128((const __m128i *)(const void *)u),
                  hi = _mm_loadu_si128((const __m128i *)(const void *)(u + 16));
    const __m128i x1f = _mm_set1_epi8(0x1F), x7f = _mm_set1_epi8(0x7F), c0 = _mm_set1_epi8((char)0xC0),
                  e0 = _mm_set1_epi8((char)0xE0), f0 = _mm_set1_epi8((char)0xF0), e3 = _mm_set1_epi8((char)0xE3),
                  six = _mm_set1_epi8(6);
    /* signed, a byte from 80 up is negative: printable ASCII is 20..7E,
     * a continuation byte 80..BF below C0 */
    unsigned ascii = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(lo, x1f), _mm_cmplt_epi8(lo, x7f)));
    unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(lo, c0)) |
                    (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(hi, c0)) << 16;
    unsigned lead2 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(lo, e0), c0));   /* C0..DF */
    unsigned lead3 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(lo, f0), e0));   /* E0..EF */
    const __m128i t = _mm_sub_epi8(lo, e3);
    unsigned cjk = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(t, six), t));      /* E3..E9 */
    unsigned want = (lead2 << 1) | (lead3 << 1) | (lead3 << 2);
    if (((ascii | cont | lead2 | lead3) & 0xFFFF) != 0xFFFF || (cont & 0xFFFF) != (want & 0xFFFF) ||
        (want & ~cont & 0x30000))
        return 0;
    for (unsigned odd = (lead2 | lead3) & ~cjk; odd; odd &= odd - 1)
        if (!usual(u + __builtin_ctz(odd), 32 - (size_t)__builtin_ctz(odd)))
            return 0;
    return 16 + (lead3 >> 15 ? 2 : ((lead2 | lead3) >> 15) | ((lead3 >> 14) & 1));
}
#endif

/* The length of the character at s[i] when it passes unchanged, 0 when it
 * does not (clean_run() one character at a time). */
static inline size_t clean_char(const char *s, size_t i, size_t len, int keep)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char c = u[i];
    if (c >= 0x20 && c < 0x7F)
        return 1;
    int k = usual(u + i, len - i);
    if (k)
        return (size_t)k;
    unsigned cp;
    int n = c < 0x80 ? 1 : utf8_decode(s + i, len - i, &cp);
    if (c < 0x80)
        cp = c;
    if (n <= 0 || needs_placeholder(cp, keep))
        return 0;
    return (size_t)n;
}

#ifdef SAFE_AVX2
/* clean_block() over the 32 bytes at u, which start a character: how far
 * the characters that lie wholly in them pass unchanged — 30 to 32 (a
 * character cut by the block's end is left to the next block) — or 0 when
 * any is another, with *bad a position in the block at or before the first
 * character that is (clean_run() goes one by one up to it).  The same
 * sorting as clean_block(): each lead followed by its continuation bytes,
 * no continuation byte elsewhere, a lead of three bytes E3..E9 Chinese;
 * the other leads usual() passes are told here by masks too — C2 before
 * A0..BF, E2 before 82..BF (not 80 or 81), EF before BC or BD — and any
 * other lead refuses the block. */
/* The bytes clean_block32() compares with, each repeated over 32 bytes: read
 * from memory as operands, not built in registers at each block. */
enum { K_01, K_20, K_C0, K_E0, K_F0, K_1D, K_06, K_C2, K_E2, K_EF, K_A0, K_FE, K_80, K_BC, K_COUNT };
#define R4(b) b, b, b, b
#define R32(b) {R4(b), R4(b), R4(b), R4(b), R4(b), R4(b), R4(b), R4(b)}
static const unsigned char K32[K_COUNT][32] __attribute__((aligned(32))) = {
    R32(0x01), R32(0x20), R32(0xC0), R32(0xE0), R32(0xF0), R32(0x1D), R32(0x06),
    R32(0xC2), R32(0xE2), R32(0xEF), R32(0xA0), R32(0xFE), R32(0x80), R32(0xBC)};
#undef R4
#undef R32

static inline __attribute__((target("avx2"), always_inline)) size_t clean_block32(const unsigned char *u,
                                                                                  const unsigned char (*k32)[32],
                                                                                  size_t *bad)
{
#define K(x) _mm256_load_si256((const __m256i *)(const void *)k32[K_##x])
#define MASK(m) ((uint32_t)_mm256_movemask_epi8(m))
    const __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)u);
    /* signed, a byte from 80 up is negative: printable ASCII 20..7E is what
     * is above 20 once 1 is added (7F becomes negative), a continuation
     * byte 80..BF is below C0 */
    uint32_t ascii = MASK(_mm256_cmpgt_epi8(_mm256_add_epi8(v, K(01)), K(20)));
    uint32_t cont = MASK(_mm256_cmpgt_epi8(K(C0), v));
    uint32_t lead2 = MASK(_mm256_cmpeq_epi8(_mm256_and_si256(v, K(E0)), K(C0)));
    uint32_t lead3 = MASK(_mm256_cmpeq_epi8(_mm256_and_si256(v, K(F0)), K(E0)));
    uint64_t want = (uint64_t)lead2 << 1 | (uint64_t)lead3 << 1 | (uint64_t)lead3 << 2;
    uint32_t wrong = ~(ascii | cont | lead2 | lead3) | (cont ^ (uint32_t)want);
    if (wrong) {
        *bad = (size_t)__builtin_ctz(wrong);
        return 0;
    }
    /* a character cut at the end — a lead of three bytes at 30 or 31, of two
     * at 31 — ends what is looked at (32 when there is none) */
    uint64_t cut = (lead3 & 0xC0000000u) | (lead2 & 0x80000000u) | (uint64_t)1 << 32;
    uint32_t whole = (uint32_t)((cut & -cut) - 1);   /* the leads of the characters looked at */
    const __m256i t = _mm256_add_epi8(v, K(1D));     /* E3..E9 becomes 00..06 */
    uint32_t cjk = MASK(_mm256_cmpeq_epi8(_mm256_min_epu8(t, K(06)), t));
    uint32_t odd = (lead2 | lead3) & ~cjk & whole;
    if (odd) {
        uint32_t c2 = MASK(_mm256_cmpeq_epi8(v, K(C2))), e2 = MASK(_mm256_cmpeq_epi8(v, K(E2))),
                 ef = MASK(_mm256_cmpeq_epi8(v, K(EF)));
        uint32_t a0_bf = MASK(_mm256_cmpeq_epi8(_mm256_and_si256(v, K(E0)), K(A0)));
        uint32_t x80_81 = MASK(_mm256_cmpeq_epi8(_mm256_and_si256(v, K(FE)), K(80)));
        uint32_t bc_bd = MASK(_mm256_cmpeq_epi8(_mm256_and_si256(v, K(FE)), K(BC)));
        /* each lead's own bit when the byte after it is not the one it needs
         * (a lead in whole has its next byte in the block) */
        uint32_t no = (odd & ~(c2 | e2 | ef)) | (odd & c2 & ~(a0_bf >> 1)) | (odd & e2 & (x80_81 >> 1)) |
                      (odd & ef & ~(bc_bd >> 1));
        if (no) {
            *bad = (size_t)__builtin_ctz(no);
            return 0;
        }
    }
#undef K
#undef MASK
    return (size_t)__builtin_ctzll(cut);
}

/* clean_run() by blocks of 32 bytes; the last bytes, fewer than 32, are
 * looked at as a block too, copied with spaces after them (a character
 * they cut then has no continuation bytes: the block is refused). */
static __attribute__((target("avx2"))) size_t clean_run_avx2(const char *s, size_t len, int keep)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, scalar_to = 0;       /* after a block refused: one by one up to here */
    /* the table through a pointer the compiler cannot follow: else it
     * builds each constant again in registers at every block */
    const unsigned char(*k32)[32] = K32;
    __asm__("" : "+r"(k32));
    while (i < len) {
        if (i >= scalar_to) {
            size_t k, bad = 0;
            if (len - i >= 32) {
                k = clean_block32(u + i, k32, &bad);
            } else {
                unsigned char tail[32];
                memset(tail, ' ', sizeof tail);
                memcpy(tail, u + i, len - i);
                k = clean_block32(tail, k32, &bad);
                if (k >= len - i)
                    return len;
            }
            if (k) {
                i += k;
                continue;
            }
            scalar_to = i + bad + 1;
        }
        size_t n = clean_char(s, i, len, keep);
        if (!n)
            break;
        i += n;
    }
    return i;
}
#endif

/* Length of the run at s that passes unchanged (printable ASCII and valid,
 * harmless UTF-8). */
static size_t clean_run(const char *s, size_t len, int keep)
{
#ifdef SAFE_AVX2
    if (__builtin_cpu_supports("avx2"))
        return clean_run_avx2(s, len, keep);
#endif
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
#ifdef __SSE2__
    size_t scalar_to = 0;              /* after a block clean_block() refused: one by one up to here */
#endif
    while (i < len) {
#ifdef __SSE2__
        if (i >= scalar_to && i + 32 <= len) {
            size_t k = clean_block(u + i);
            if (k) {
                i += k;
                continue;
            }
            scalar_to = i + 16;
        }
#endif
        size_t n = clean_char(s, i, len, keep);
        if (!n)
            break;
        i += n;
    }
    return i;
}

void safe_add(sbuf *out, const char *s, size_t len, int keep)
{
    size_t i = 0;
    while (i < len) {
        size_t run = clean_run(s + i, len - i, keep);
        if (run)
            sbuf_add(out, s + i, run);
        i += run;
        if (i >= len)
            break;
        unsigned cp;
        unsigned char c = (unsigned char)s[i];
        int n = c < 0x80 ? 1 : utf8_decode(s + i, len - i, &cp);
        if (c < 0x80)
            cp = c;
        if (n <= 0) {
            sbuf_adds(out, "\xEF\xBF\xBD");   /* U+FFFD, one per invalid byte */
            i++;
            continue;
        }
        add_placeholder(out, cp);
        i += (size_t)n;
    }
}

int safe_is_clean(const char *s, size_t len, int keep)
{
    return clean_run(s, len, keep) == len;
}

char *safe_dup(const char *s, int keep)
{
    sbuf b;
    sbuf_init(&b);
    safe_add(&b, s, strlen(s), keep);
    return sbuf_steal(&b);
}

char *safe_excerpt(const char *s, size_t len, size_t max_chars)
{
    size_t i = 0, chars = 0;
    while (i < len && chars < max_chars) {
        unsigned cp;
        int n = utf8_decode(s + i, len - i, &cp);
        i += n > 0 ? (size_t)n : 1;
        chars++;
    }
    sbuf b;
    sbuf_init(&b);
    safe_add(&b, s, i, 0);
    if (i < len)
        sbuf_adds(&b, "…");
    return sbuf_steal(&b);
}

void safe_fputs(FILE *f, const char *s)
{
    size_t len = strlen(s);
    if (safe_is_clean(s, len, 0)) {
        fputs(s, f);
        return;
    }
    sbuf b;
    sbuf_init(&b);
    safe_add(&b, s, len, 0);
    fputs(b.s, f);
    sbuf_free(&b);
}

/* text[0..len) neutralised, one final newline kept. */
static char *neutral_line(const char *text, size_t len)
{
    int nl = len && text[len - 1] == '\n';
    sbuf b;
    sbuf_init(&b);
    safe_add(&b, text, len - (size_t)nl, 0);
    if (nl)
        sbuf_addc(&b, '\n');
    return sbuf_steal(&b);
}

char *safe_asprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = NULL;
    int n = vasprintf(&text, fmt, ap);
    va_end(ap);
    if (n < 0 || !text) {
        free(text);
        return xstrdup("");
    }
    char *s = neutral_line(text, (size_t)n);
    free(text);
    return s;
}

void safe_fprintf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = NULL;
    int n = vasprintf(&text, fmt, ap);
    va_end(ap);
    if (n < 0 || !text) {
        free(text);
        return;
    }
    if (safe_is_clean(text, (size_t)n, SAFE_KEEP_NL) && !memchr(text, '\n', n ? (size_t)n - 1 : 0)) {
        fputs(text, f);                /* the usual case: nothing to change */
        free(text);
        return;
    }
    char *s = neutral_line(text, (size_t)n);
    fputs(s, f);
    free(s);
    free(text);
}

/* "-3", "+2", "12.5": a number, which no spreadsheet runs as a formula. */
static int plain_number(const char *s)
{
    if (*s == '-' || *s == '+')
        s++;
    if (!(*s >= '0' && *s <= '9'))
        return 0;
    while (*s >= '0' && *s <= '9')
        s++;
    if (*s == '.') {
        s++;
        if (!(*s >= '0' && *s <= '9'))
            return 0;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    return *s == '\0';
}

int safe_csv_formula(const char *s)
{
    static const char *const FULL[] = {"＝", "＋", "－", "＠"};
    unsigned char c = (unsigned char)s[0];
    if (c == '=' || c == '@' || c == '\t' || c == '\r')
        return 1;
    if (c == '+' || c == '-')
        return !plain_number(s);
    for (size_t i = 0; i < sizeof FULL / sizeof FULL[0]; i++)
        if (!strncmp(s, FULL[i], strlen(FULL[i])))
            return 1;
    return 0;
}
