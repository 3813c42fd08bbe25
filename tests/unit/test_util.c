/* test_util.c — arena_strdup() gives intact copies
 * across blocks; xasprintf() and sbuf_printf() (formatted once where the
 * text fits) give what snprintf() gives, at every length around the stack
 * buffer's and the sbuf's room; util_find() agrees with memmem() and util_find_scalar()
 * (memchr() on the needle's last byte, as first written) on seeded random
 * haystacks long enough for its 64-byte blocks: small alphabets of CJK
 * bytes and ASCII (so that the needle's last two bytes recur often), the
 * needle planted at block edges and at the very end, runs of one byte,
 * needles of one to a dozen bytes, haystacks cut at any offset;
 * util_read_listed() (no fstat(): a growing buffer, a short read the end)
 * gives what util_read_file() gives — the same bytes, code and reason — on
 * seeded random files of every size around each power of two from 1 KB to
 * 1 MB and random sizes, with the limit below, at and above the size, and
 * on an empty file, a missing one and a directory; util_utf8_cut() gives
 * the longest prefix within the limit that ends between two characters, on
 * seeded random strings of one- to four-byte characters, at every limit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static uint64_t rnd(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static size_t rn(uint64_t *s, size_t n)
{
    return (size_t)(rnd(s) % n);
}

/* The three agree on hay[0..hl) and needle[0..nl); hay is a malloc'd copy
 * of exactly hl bytes, so that ASan sees any read past it. */
static void check(const char *src, size_t hl, const char *needle, size_t nl, int round)
{
    char *hay = malloc(hl ? hl : 1);
    memcpy(hay, src, hl);
    const char *want = memmem(hay, hl, needle, nl);
    const char *got = util_find(hay, hl, needle, nl);
    const char *scalar = util_find_scalar(hay, hl, needle, nl);
    if (want != got || want != scalar)
        fail_msg("round %d: %zu bytes, needle of %zu: memmem at %td, util_find at %td, scalar at %td", round, hl, nl,
                 want ? want - hay : -1, got ? got - hay : -1, scalar ? scalar - hay : -1);
    free(hay);
}

static void test_random(void **state)
{
    (void)state;
    uint64_t seed = 0x9E3779B97F4A7C15u;
    /* "统计" "日期" "函" in UTF-8 and their bytes alone, ASCII */
    const char *alpha[] = {"统", "计", "日", "期", "函", "\xE7", "\xBB", "\x9F", "\xA1", "a", "2", " ", "中"};
    const size_t NA = sizeof alpha / sizeof alpha[0];
    static char hay[4200];
    for (int round = 0; round < 6000; round++) {
        size_t want_len = rn(&seed, 4) == 0 ? rn(&seed, 600) : 400 + rn(&seed, 3600);
        int small = (int)rn(&seed, 3) + 2;     /* alphabet size: few symbols, many near misses */
        size_t hl = 0;
        while (hl + 3 <= want_len) {
            const char *a = alpha[rn(&seed, (size_t)small + (rn(&seed, 8) == 0 ? NA - (size_t)small : 0))];
            size_t al = strlen(a);
            memcpy(hay + hl, a, al);
            hl += al;
        }
        char needle[16];
        size_t nl = 0;
        if (rn(&seed, 2) && hl) {              /* a piece of the haystack: found at least once */
            nl = 1 + rn(&seed, hl < 12 ? hl : 12);
            memcpy(needle, hay + rn(&seed, hl - nl + 1), nl);
        } else {
            size_t words = 1 + rn(&seed, 3);
            for (size_t k = 0; k < words; k++) {
                const char *a = alpha[rn(&seed, (size_t)small)];
                memcpy(needle + nl, a, strlen(a));
                nl += strlen(a);
            }
        }
        if (rn(&seed, 3) == 0 && hl >= nl) {   /* planted at a block edge or the very end */
            size_t at = rn(&seed, 2) ? hl - nl : (rn(&seed, hl / 64 + 1) * 64 + rn(&seed, 3)) % (hl - nl + 1);
            memcpy(hay + at, needle, nl);
        }
        check(hay, hl, needle, nl, round);
        size_t cut = hl ? rn(&seed, hl + 1) : 0;   /* the same text cut anywhere */
        check(hay + (hl - cut), cut, needle, nl, round);
    }
}

/* Runs of one byte with the needle's last two bytes everywhere, the needle
 * whole nowhere, or only at the end, or only straddling the last block. */
static void test_hostile(void **state)
{
    (void)state;
    static char hay[3000];
    for (size_t hl = 500; hl < 700; hl++) {
        memset(hay, 'a', hl);
        check(hay, hl, "ba", 2, (int)hl);
        check(hay, hl, "baa", 3, (int)hl);
        check(hay, hl, "aaa", 3, (int)hl);
        memcpy(hay + hl - 3, "baa", 3);
        check(hay, hl, "baa", 3, (int)hl);
        check(hay, hl, "aab", 3, (int)hl);
        for (size_t at = hl - 80; at + 3 <= hl; at++) {
            memset(hay, 'a', hl);
            memcpy(hay + at, "xya", 3);
            check(hay, hl, "xya", 3, (int)at);
            check(hay, hl, "ya", 2, (int)at);
            check(hay, hl, "axya", 4, (int)at);
        }
    }
    for (size_t hl = 510; hl < 3000; hl += 97) {
        for (size_t k = 0; k < hl; k++)
            hay[k] = "\xE7\xBB\x9F\xE8\xAE\xA1"[k % 6];    /* 统计 again and again */
        check(hay, hl, "统计", 6, (int)hl);
        check(hay, hl, "计统", 6, (int)hl);
        check(hay, hl, "统统", 6, (int)hl);
        check(hay, hl, "\xBB\x9F", 2, (int)hl);
        check(hay, hl, "\xA1\xE7", 2, (int)hl);
    }
}

/* arena_strdup() of seeded random strings (empty, short, a few bytes short
 * of or past the room of a block, longer than a block) gives equal copies,
 * each still intact once all are made. */
static void test_arena(void **state)
{
    (void)state;
    uint64_t seed = 77;
    enum { N = 3000 };
    static char src[N][80];
    static char big[9000];
    char *copy[N];
    gk_arena a = {NULL};
    for (int k = 0; k < N; k++) {
        size_t len = rn(&seed, 8) == 0 ? rn(&seed, 79) : rn(&seed, 9);
        for (size_t i = 0; i < len; i++)
            src[k][i] = (char)(1 + rn(&seed, 255));
        src[k][len] = '\0';
        copy[k] = arena_strdup(&a, src[k]);
        if (rn(&seed, 500) == 0) {     /* now and then one longer than a block */
            size_t bl = 4000 + rn(&seed, 4999);
            memset(big, 'x', bl);
            big[bl] = '\0';
            char *c = arena_strdup(&a, big);
            if (strcmp(c, big))
                fail_msg("string of %zu bytes copied wrong", bl);
        }
    }
    for (int k = 0; k < N; k++)
        if (strcmp(copy[k], src[k]))
            fail_msg("copy %d differs", k);
    arena_free(&a);
}

/* xasprintf() and sbuf_printf() of seeded random strings and numbers, of
 * every length from empty to past the 256-byte stack buffer, appended to
 * sbufs of random fill (the text fitting their room, filling it exactly, or
 * not), equal snprintf() of the same format. */
static void test_printf(void **state)
{
    (void)state;
    uint64_t seed = 99;
    char src[700], want[1500];
    for (int round = 0; round < 4000; round++) {
        size_t len = round < 700 ? (size_t)round : rn(&seed, sizeof src);
        for (size_t i = 0; i < len; i++)
            src[i] = (char)(1 + rn(&seed, 255));
        src[len] = '\0';
        int num = (int)rnd(&seed), prec = (int)rn(&seed, 8);
        snprintf(want, sizeof want, "%s|%d|%.*s", src, num, prec, src);
        char *got = xasprintf("%s|%d|%.*s", src, num, prec, src);
        if (strcmp(got, want))
            fail_msg("round %d: xasprintf of %zu bytes differs", round, len);
        free(got);
        sbuf b;
        sbuf_init(&b);
        size_t fill = rn(&seed, 200);
        for (size_t i = 0; i < fill; i++)
            sbuf_addc(&b, 'a');
        sbuf_printf(&b, "%s|%d|%.*s", src, num, prec, src);
        sbuf_printf(&b, "%s", "");
        if (b.len != fill + strlen(want) || strlen(b.s) != b.len || strspn(b.s, "a") < fill ||
            strcmp(b.s + fill, want))
            fail_msg("round %d: sbuf_printf of %zu bytes after %zu differs", round, len, fill);
        sbuf_free(&b);
    }
}

/* util_read_listed() and util_read_file() on path with the limit max agree. */
static void same_read(const char *path, size_t max, const char *what)
{
    char *a = NULL, *b = NULL;
    size_t al = 7, bl = 9;
    const char *aw = NULL, *bw = NULL;
    int ae = util_read_file(path, max, &a, &al, &aw);
    int be = util_read_listed(path, max, &b, &bl, &bw);
    if (ae != be || al != bl || (ae && strcmp(aw, bw)) || (!ae && (memcmp(a, b, al) || b[bl] != '\0')))
        fail_msg("%s (limit %zu): util_read_file %d, %zu bytes, %s; util_read_listed %d, %zu bytes, %s", what, max, ae,
                 al, ae ? aw : "-", be, bl, be ? bw : "-");
    free(a);
    free(b);
}

static void test_read_listed(void **state)
{
    (void)state;
    char dir[] = "/tmp/gk_read_listedXXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/f", dir);
    uint64_t seed = 0x5EEDF11E5ull;
    size_t sizes[200];
    int ns = 0;
    sizes[ns++] = 0;
    for (size_t p = 1024; p <= (1u << 20); p *= 2)
        for (int d = -2; d <= 2; d++)
            sizes[ns++] = p + (size_t)(ptrdiff_t)d;
    while (ns < 120)
        sizes[ns++] = 1 + rn(&seed, 300000);
    char *bytes = malloc((1u << 20) + 3);
    for (int k = 0; k < ns; k++) {
        size_t n = sizes[k];
        for (size_t i = 0; i < n; i++)
            bytes[i] = (char)rnd(&seed);
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        assert_int_equal(fwrite(bytes, 1, n, f), n);
        assert_int_equal(fclose(f), 0);
        char what[64];
        snprintf(what, sizeof what, "a file of %zu bytes", n);
        same_read(path, n, what);
        same_read(path, n + 1, what);
        same_read(path, 64u << 20, what);
        if (n)
            same_read(path, n - 1, what);
    }
    free(bytes);
    unlink(path);
    same_read(path, 1024, "a missing file");
    same_read(dir, 1024, "a directory");
    assert_int_equal(rmdir(dir), 0);
}

/* Whether a string may end before s[i]: at its end or before a byte that
 * begins a character. */
static int boundary(const char *s, size_t i)
{
    return !s[i] || ((unsigned char)s[i] & 0xC0) != 0x80;
}

/* util_concat() gives what xasprintf() gives for the same pieces as "%s"s:
 * seeded random pieces of CJK and ASCII, empty ones among them, one to
 * five of them, as long as 300 bytes in all. */
static void test_concat(void **state)
{
    (void)state;
    uint64_t seed = 0x2545F4914F6CDD1Du;
    const char *alpha[] = {"缺", "失", "：", "a", " ", "「", "%", "%s"};
    for (int round = 0; round < 3000; round++) {
        char p[5][80];
        int n = 1 + (int)rn(&seed, 5);
        for (int k = 0; k < 5; k++) {
            size_t len = 0, want = rn(&seed, 4) == 0 ? 0 : rn(&seed, 60);
            while (len < want) {
                const char *a = alpha[rn(&seed, sizeof alpha / sizeof *alpha)];
                memcpy(p[k] + len, a, strlen(a));
                len += strlen(a);
            }
            p[k][len] = '\0';
        }
        char *got = n == 1 ? util_concat(p[0], (char *)NULL)
                  : n == 2 ? util_concat(p[0], p[1], (char *)NULL)
                  : n == 3 ? util_concat(p[0], p[1], p[2], (char *)NULL)
                  : n == 4 ? util_concat(p[0], p[1], p[2], p[3], (char *)NULL)
                           : util_concat(p[0], p[1], p[2], p[3], p[4], (char *)NULL);
        char *want = n == 1 ? xasprintf("%s", p[0])
                   : n == 2 ? xasprintf("%s%s", p[0], p[1])
                   : n == 3 ? xasprintf("%s%s%s", p[0], p[1], p[2])
                   : n == 4 ? xasprintf("%s%s%s%s", p[0], p[1], p[2], p[3])
                            : xasprintf("%s%s%s%s%s", p[0], p[1], p[2], p[3], p[4]);
        if (strcmp(got, want))
            fail_msg("round %d: util_concat gave 「%s」, xasprintf 「%s」", round, got, want);
        free(got);
        free(want);
    }
}

static void test_utf8_cut(void **state)
{
    (void)state;
    static const char *const CHARS[] = {"a", "7", "é", "·", "政", "０", "，", "😀", "𠀋"};
    uint64_t seed = 0xC0FFEE17ull;
    for (int round = 0; round < 2000; round++) {
        char s[256];
        size_t len = 0;
        int n = (int)rn(&seed, 40);
        for (int k = 0; k < n; k++) {
            const char *c = CHARS[rn(&seed, sizeof CHARS / sizeof *CHARS)];
            memcpy(s + len, c, strlen(c));
            len += strlen(c);
        }
        s[len] = '\0';
        for (int max = 0; max <= (int)len + 2; max++) {
            int got = util_utf8_cut(s, max);
            int want = max < (int)len ? max : (int)len;
            while (want > 0 && !boundary(s, (size_t)want))
                want--;
            if (got != want || !boundary(s, (size_t)got))
                fail_msg("round %d: util_utf8_cut(\"%s\", %d) = %d, expected %d", round, s, max, got, want);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_printf),
        cmocka_unit_test(test_arena),
        cmocka_unit_test(test_random),
        cmocka_unit_test(test_hostile),
        cmocka_unit_test(test_read_listed),
        cmocka_unit_test(test_utf8_cut),
        cmocka_unit_test(test_concat),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
