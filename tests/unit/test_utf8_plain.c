/* test_utf8_plain.c — text_utf8_plain(), the first question the choice of
 * encoding asks of bytes without a byte order mark (valid UTF-8 without
 * NUL? and its control bytes), in its three ways: 32 bytes at once
 * (text_fast_utf8 1, the Keiser–Lemire check where the processor has
 * AVX2), sixteen (2, SSE2; it may decline valid text, never take invalid)
 * and the byte-by-byte reference (0); all three against a decoder written
 * here from utf8_decode().  Seeded and generated: every code point, every
 * two-byte pair and three-byte sequence that starts with a lead, four-byte
 * ones past U+10FFFF and overlong, surrogates, truncations at every
 * offset, NUL and control bytes at every offset of a block, random bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The answer written here: 1 and the control bytes (below 0x20 but NUL,
 * tab, LF, CR, FF and ESC) when s is valid UTF-8 without NUL. */
static int expect_plain(const char *s, size_t n, size_t *ctl)
{
    size_t c = 0;
    for (size_t i = 0; i < n;) {
        unsigned cp;
        int k = utf8_decode(s + i, n - i, &cp);
        if (!k || cp == 0)
            return 0;
        if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' && cp != '\f' && cp != 0x1B)
            c++;
        i += (size_t)k;
    }
    *ctl = c;
    return 1;
}

static unsigned long checked;

/* All three ways against expect_plain(). */
static void check(const char *s, size_t n)
{
    size_t want_ctl = 0, ctl = 12345;
    int want = expect_plain(s, n, &want_ctl);
    checked++;
    text_fast_utf8 = 0;
    int r0 = text_utf8_plain(s, n, &ctl);
    if (r0 != want || (want && ctl != want_ctl)) {
        fprintf(stderr, "reference: %d (%zu ctl) want %d (%zu), %zu bytes\n", r0, ctl, want, want_ctl, n);
        fail();
    }
    text_fast_utf8 = 1;
    ctl = 12345;
    int r1 = text_utf8_plain(s, n, &ctl);
    if (r1 != want || (want && ctl != want_ctl)) {
        fprintf(stderr, "32 bytes: %d (%zu ctl) want %d (%zu), %zu bytes:", r1, ctl, want, want_ctl, n);
        for (size_t i = 0; i < n; i++)
            fprintf(stderr, " %02X", (unsigned char)s[i]);
        fprintf(stderr, "\n");
        fail();
    }
    text_fast_utf8 = 2;
    ctl = 12345;
    int r2 = text_utf8_plain(s, n, &ctl);
    if (r2 && (!want || ctl != want_ctl)) {  /* may decline, never take what is not */
        fprintf(stderr, "16 bytes: %d (%zu ctl) want %d (%zu), %zu bytes\n", r2, ctl, want, want_ctl, n);
        fail();
    }
    text_fast_utf8 = 1;
}

/* Fillers around a piece: ASCII, CJK and both, so that the piece falls on
 * every offset of a block and after either kind of byte. */
static const char *const FILL[] = {
    "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "政府信息公开工作年度报告主动公开政府信息情况收到和处理政府信息公开申请情况行政复议",
    "一、总体情况\t2021年\n本机关（单位）共收到申请123件，其中：\r\n自然人申请9件。",
};

/* buf = `pre` bytes of a filler, the piece, `post` bytes of a filler. */
static size_t place(char *buf, const char *piece, size_t pl, size_t pre, size_t post, unsigned f)
{
    const char *a = FILL[f % 3], *b = FILL[(f / 3) % 3];
    size_t al = strlen(a), bl = strlen(b);
    if (pre > al)
        pre = al;
    if (post > bl)
        post = bl;
    memcpy(buf, a, pre);
    memcpy(buf + pre, piece, pl);
    memcpy(buf + pre + pl, b, post);
    return pre + pl + post;
}

static void test_every_code_point(void **state)
{
    (void)state;
    char buf[512], e[4];
    /* each alone, at a varying offset in varying text (often a cut
     * filler: an invalid text as well) */
    for (unsigned cp = 1; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        int el = utf8_encode(cp, e);
        check(buf, place(buf, e, (size_t)el, cp % 71, (cp / 71) % 53, cp % 9));
    }
    /* all of them one after another, in pieces of every length */
    size_t cap = 5 << 20, n = 0;
    char *all = malloc(cap);
    assert_non_null(all);
    for (unsigned cp = 1; cp <= 0x10FFFF; cp++)
        if (cp < 0xD800 || cp > 0xDFFF)
            n += (size_t)utf8_encode(cp, all + n);
    check(all, n);
    for (size_t at = 0, len = 1; at < n; at += len, len = len % 200 + 1)
        check(all + at, at + len <= n ? len : n - at);
    free(all);
}

static void test_every_short_sequence(void **state)
{
    (void)state;
    char buf[512], seq[4];
    unsigned f = 0;
    /* every pair of bytes that starts past ASCII */
    for (unsigned a = 0x80; a <= 0xFF; a++)
        for (unsigned b = 0; b <= 0xFF; b++, f++) {
            seq[0] = (char)a;
            seq[1] = (char)b;
            check(buf, place(buf, seq, 2, f % 67, 40, f % 9));
        }
    /* every three-byte sequence that starts with E0..FF and a continuation
     * byte (overlongs, surrogates, leads of four bytes cut short) */
    for (unsigned a = 0xE0; a <= 0xFF; a++)
        for (unsigned b = 0x80; b <= 0xBF; b++)
            for (unsigned c = 0; c <= 0xFF; c++, f++) {
                seq[0] = (char)a;
                seq[1] = (char)b;
                seq[2] = (char)c;
                check(buf, place(buf, seq, 3, f % 67, (f / 67) % 45, f % 9));
            }
    /* four bytes from F0..FF: overlong, past U+10FFFF, wrong or missing
     * continuation bytes */
    static const unsigned char third[] = {0x00, 0x41, 0x80, 0x9F, 0xBF, 0xC3, 0xE4, 0xF0};
    static const unsigned char fourth[] = {0x00, 0x0A, 0x41, 0x80, 0xA5, 0xBF, 0xC0, 0xE4, 0xFF};
    for (unsigned a = 0xF0; a <= 0xFF; a++)
        for (unsigned b = 0x70; b <= 0xC0; b++)
            for (size_t c = 0; c < sizeof third; c++)
                for (size_t d = 0; d < sizeof fourth; d++, f++) {
                    seq[0] = (char)a;
                    seq[1] = (char)b;
                    seq[2] = (char)third[c];
                    seq[3] = (char)fourth[d];
                    check(buf, place(buf, seq, 4, f % 67, (f / 67) % 45, f % 9));
                }
}

/* Every control byte, NUL and DEL at every offset of 100 bytes of text. */
static void test_controls_everywhere(void **state)
{
    (void)state;
    char buf[512];
    for (unsigned c = 0; c <= 0x7F; c = c == 0x1F ? 0x7F : c + 1)
        for (size_t at = 0; at < 100; at++)
            for (unsigned f = 0; f < 9; f++) {
                char piece[1] = {(char)c};
                check(buf, place(buf, piece, 1, at, 100 - at, f));
            }
}

static const char *const PIECES[] = {
    "a", " ", "\t", "\n", "\r\n", "\x01", "\x1B", "\x0C", "\x1F", "\x7F", "中", "报告", "，", "\xEF\xBF\xBD",
    "\xC2\xA0", "\xC3\xA9", "\xDF\xBF", "\xE0\xA4\x85", "\xED\x9F\xBF", "\xEE\x80\x80", "\xF0\x9F\x98\x80",
    "\xF4\x8F\xBF\xBF", "\xF0\x90\x80\x80", "\xE2\x80\x9C", "abcdefghijklmnopqrstuvwxyz0123456789",
};

/* A valid text cut at every offset, both ends. */
static void test_truncations(void **state)
{
    (void)state;
    srand(4242);
    char buf[700];
    size_t np = sizeof PIECES / sizeof *PIECES;
    for (int round = 0; round < 60; round++) {
        size_t n = 0;
        while (n < 600) {
            const char *p = PIECES[rand() % (int)np];
            size_t pl = strlen(p);
            memcpy(buf + n, p, pl);
            n += pl;
        }
        for (size_t k = 0; k <= n; k++) {
            check(buf, k);
            check(buf + k, n - k);
        }
    }
}

/* Random bytes drawn mostly from those that matter, in random lengths. */
static void test_random_bytes(void **state)
{
    (void)state;
    srand(777);
    static const unsigned char SOME[] = {0x00, 0x01, 0x09, 0x0A, 0x0C, 0x0D, 0x1B, 0x1F, 0x20, 0x41, 0x7F,
                                         0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
                                         0xE1, 0xE4, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF3, 0xF4, 0xF5, 0xFF};
    char buf[400];
    for (int round = 0; round < 200000; round++) {
        size_t n = (size_t)(rand() % 300);
        int mode = rand() % 3;
        for (size_t i = 0; i < n; i++) {
            if (mode == 0)
                buf[i] = (char)(rand() & 0xFF);
            else
                buf[i] = (char)SOME[rand() % (int)sizeof SOME];
        }
        check(buf, n);
        /* mostly valid: pieces, one byte changed */
        size_t m = 0;
        while (m < n) {
            const char *p = PIECES[rand() % (int)(sizeof PIECES / sizeof *PIECES)];
            size_t pl = strlen(p);
            if (m + pl > sizeof buf)
                break;
            memcpy(buf + m, p, pl);
            m += pl;
        }
        check(buf, m);
        if (m) {
            buf[rand() % (int)m] = (char)SOME[rand() % (int)sizeof SOME];
            check(buf, m);
        }
    }
}

/* The choice of encoding reads the same with each way. */
static int stop_at_first(const gk_line *norm, size_t index, void *ctx)
{
    (void)norm;
    (void)index;
    (void)ctx;
    return 1;
}

static void test_same_verdicts(void **state)
{
    (void)state;
    srand(99);
    char buf[600];
    size_t np = sizeof PIECES / sizeof *PIECES;
    for (int round = 0; round < 20000; round++) {
        size_t n = 0, want = (size_t)(rand() % 500) + 1;
        while (n < want) {
            const char *p = PIECES[rand() % (int)np];
            size_t pl = strlen(p);
            memcpy(buf + n, p, pl);
            n += pl;
            if (rand() % 200 == 0)
                buf[n++] = (char)(0x80 + rand() % 0x80);
        }
        text_verdict v[3];
        for (int way = 0; way < 3; way++) {
            text_fast_utf8 = way;
            v[way] = TEXT_UNKNOWN;
            const char *why = NULL;
            text_free(text_decode_until(buf, n, stop_at_first, NULL, &v[way], &why));
        }
        text_fast_utf8 = 1;
        assert_int_equal(v[1], v[0]);
        assert_int_equal(v[2], v[0]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_code_point),  cmocka_unit_test(test_every_short_sequence),
        cmocka_unit_test(test_controls_everywhere), cmocka_unit_test(test_truncations),
        cmocka_unit_test(test_random_bytes),      cmocka_unit_test(test_same_verdicts),
    };
    int r = cmocka_run_group_tests(tests, NULL, NULL);
    fprintf(stderr, "test_utf8_plain: %lu inputs checked\n", checked);
    return r;
}
