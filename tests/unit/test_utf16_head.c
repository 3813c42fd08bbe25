/* test_utf16_head.c — the title peek of UTF-16 after a byte order mark:
 * text_decode_until() converts only the units up to a line end when the
 * whole converts, so its lines, verdict, reason and replacement count must
 * be text_decode()'s, whatever the stop.  Seeded, generated texts in both
 * byte orders: pairs, lone and cut-off surrogates (few, or more than the
 * 1% the conversion allows), NUL units early and late, texts of spaces
 * only, units that hold a LF byte without being LF (U+0A0A, U+0A00), odd
 * lengths, every kind of line end, sizes on both sides of the prefix.
 * And the conversion sixteen units at once against one at a time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int stop_at(const gk_line *norm, size_t index, void *ctx)
{
    (void)norm;
    return index >= *(size_t *)ctx;
}

/* Appends unit u in the byte order. */
static size_t put(unsigned char *b, size_t n, unsigned u, int be)
{
    b[n + (be ? 0 : 1)] = (unsigned char)(u >> 8);
    b[n + (be ? 1 : 0)] = (unsigned char)u;
    return n + 2;
}

/* A random text: the BOM, then about `want` bytes of units; `bad` in
 * 10000 units is a lone surrogate or a NUL. */
static size_t make(unsigned char *b, size_t want, int be, int bad, int spaces_only)
{
    static const unsigned UNITS[] = {'a', '7', ' ', '\t', 0x4E2D, 0x6587, 0x3000, 0xFF10, 0x201C, 0x201D,
                                     0x0A0A, 0x0A00, 0x0D0A, 0x00A0, 0x00E9, 0x3001, 0xFEFF, 0x200B};
    size_t n = put(b, 0, be ? 0xFEFF : 0xFEFF, be);
    while (n + 8 < want) {
        int r = rand() % 10000;
        if (spaces_only) {
            static const unsigned SP[] = {' ', '\t', '\n', '\r'};
            n = put(b, n, SP[rand() % 4], be);
        } else if (r < bad) {
            int k = rand() % 4;
            n = put(b, n, k == 0 ? 0 : k == 1 ? 0xD83D : k == 2 ? 0xDE00 : 0xDBFF, be);
        } else if (r < 300) {
            n = put(b, n, '\n', be);
        } else if (r < 350) {
            n = put(b, n, '\r', be);
            n = put(b, n, '\n', be);
        } else if (r < 370) {
            n = put(b, n, '\r', be);
        } else if (r < 420) {                  /* a pair */
            n = put(b, n, 0xD83D, be);
            n = put(b, n, 0xDE00 + (unsigned)(rand() % 64), be);
        } else if (r < 425) {                  /* a high surrogate before a line end */
            n = put(b, n, 0xD83D, be);
            n = put(b, n, '\n', be);
        } else if (r < 430) {                  /* a low surrogate after one */
            n = put(b, n, '\n', be);
            n = put(b, n, 0xDC00, be);
        } else {
            n = put(b, n, UNITS[rand() % (int)(sizeof UNITS / sizeof *UNITS)], be);
        }
    }
    switch (rand() % 5) {                      /* how it ends */
    case 0: b[n++] = 'x'; break;               /* a byte left over */
    case 1: n = put(b, n, 0xD83D, be); break;  /* cut inside a pair */
    case 2: n = put(b, n, '\n', be); break;
    default: break;
    }
    return n;
}

static void compare(const unsigned char *b, size_t n, unsigned long *heads, unsigned long *refused)
{
    const char *why_whole = NULL;
    gk_text *whole = text_decode((const char *)b, n, &why_whole);
    size_t stops[] = {0, 2, 9, 40, 1000000};
    for (size_t k = 0; k < sizeof stops / sizeof *stops; k++) {
        const char *why = NULL;
        text_verdict v = TEXT_UNKNOWN;
        gk_text *head = text_decode_until((const char *)b, n, stop_at, &stops[k], &v, &why);
        if (!whole) {
            assert_null(head);
            assert_string_equal(why, why_whole);
            (*refused)++;
            continue;
        }
        assert_non_null(head);
        assert_string_equal(head->encoding, whole->encoding);
        assert_int_equal(head->replaced, whole->replaced);
        size_t want = stops[k] + 1 < whole->nlines ? stops[k] + 1 : whole->nlines;
        assert_int_equal(head->nlines, want);
        for (size_t i = 0; i < want; i++) {
            assert_int_equal(head->orig[i].len, whole->orig[i].len);
            assert_memory_equal(head->orig[i].s, whole->orig[i].s, whole->orig[i].len + 1);
            assert_int_equal(head->norm[i].len, whole->norm[i].len);
            assert_memory_equal(head->norm[i].s, whole->norm[i].s, whole->norm[i].len + 1);
        }
        (*heads)++;
        text_free(head);
    }
    text_free(whole);
}

static void test_utf16_head_matches_whole(void **state)
{
    (void)state;
    srand(1616);
    enum { CAP = 40000 };
    unsigned char *b = malloc(CAP);
    assert_non_null(b);
    unsigned long heads = 0, refused = 0;
    for (int round = 0; round < 3000; round++) {
        int be = round % 2;
        size_t want = (size_t)(rand() % 3 == 0 ? rand() % 4000 : rand() % (CAP - 100));
        int bad = rand() % 4 == 0 ? rand() % 400 : rand() % 3;   /* sometimes past 1% */
        size_t n = make(b, want, be, bad, round % 97 == 5);
        compare(b, n, &heads, &refused);
    }
    print_message("utf16 head: %lu compared, %lu refused\n", heads, refused);
    assert_true(heads > 5000 && refused > 500);
    free(b);
}

/* The conversion sixteen units at once (text_fast_utf8 1, AVX2) against
 * one at a time (0): runs of ASCII and of three-byte units long enough to
 * fill blocks, broken at every offset by two-byte units, surrogates (paired
 * or not), NUL and line ends, in both byte orders, and cut at every length. */
static void test_utf16_blocks_match_units(void **state)
{
    (void)state;
    srand(3232);
    enum { CAP = 3000 };
    unsigned char *b = malloc(CAP);
    assert_non_null(b);
    unsigned long compared = 0;
    for (int round = 0; round < 4000; round++) {
        int be = round % 2;
        size_t n = put(b, 0, 0xFEFF, be), want = (size_t)(rand() % (CAP - 200)) + 4;
        while (n + 8 < want) {
            int kind = rand() % 10, run = rand() % 40;
            for (int k = 0; k < run && n + 8 < want; k++) {
                unsigned u;
                switch (kind) {
                case 0: case 1: case 2: u = 0x20 + (unsigned)(rand() % 0x5F); break;          /* ASCII */
                case 3: case 4: case 5: u = 0x4E00 + (unsigned)(rand() % 0x5000); break;     /* CJK */
                case 6: u = rand() % 2 ? 0x0800 : 0xFFFF; break;                            /* edges of three bytes */
                case 7: u = rand() % 2 ? 0xD7FF : 0xE000; break;                            /* around the surrogates */
                case 8: u = 0x80 + (unsigned)(rand() % 0x780); break;                      /* two bytes */
                default: {
                    static const unsigned ODD[] = {0, '\n', '\r', 0x7F, 0x7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0x3000, 0xFF01};
                    u = ODD[rand() % (int)(sizeof ODD / sizeof *ODD)];
                    if (rand() % 50)       /* NUL and lone surrogates rarely */
                        u = u == 0 || (u >= 0xD800 && u <= 0xDFFF) ? 0x4E2D : u;
                }
                }
                n = put(b, n, u, be);
            }
        }
        if (rand() % 3 == 0)
            b[n++] = 'z';                  /* a byte left over */
        for (size_t cut = n > 80 ? n - 80 : 2; cut <= n; cut += (size_t)(rand() % 7) + 1) {
            const char *w0 = NULL, *w1 = NULL;
            text_fast_utf8 = 0;
            gk_text *t0 = text_decode((const char *)b, cut, &w0);
            text_fast_utf8 = 1;
            gk_text *t1 = text_decode((const char *)b, cut, &w1);
            assert_true((t0 == NULL) == (t1 == NULL));
            if (!t0) {
                assert_string_equal(w0, w1);
                continue;
            }
            assert_string_equal(t0->encoding, t1->encoding);
            assert_int_equal(t0->replaced, t1->replaced);
            assert_int_equal(t0->nlines, t1->nlines);
            for (size_t i = 0; i < t0->nlines; i++) {
                assert_int_equal(t0->orig[i].len, t1->orig[i].len);
                assert_memory_equal(t0->orig[i].s, t1->orig[i].s, t0->orig[i].len + 1);
                assert_int_equal(t0->norm[i].len, t1->norm[i].len);
                assert_memory_equal(t0->norm[i].s, t1->norm[i].s, t0->norm[i].len + 1);
            }
            compared++;
            text_free(t0);
            text_free(t1);
        }
    }
    text_fast_utf8 = 1;
    print_message("utf16 blocks: %lu compared\n", compared);
    assert_true(compared > 20000);
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf16_head_matches_whole),
        cmocka_unit_test(test_utf16_blocks_match_units),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
