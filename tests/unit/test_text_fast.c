/* test_text_fast.c — the one-pass reading of plain UTF-8 (text_fast_utf8)
 * against the general path (choose(), the conversion, split_lines()), on
 * seeded random texts built from the pieces that matter to it: line ends of
 * every kind, control bytes, NUL, characters that fold and that do not,
 * sequences its block check declines (E0, ED, four bytes), invalid and
 * cut-off sequences, a byte order mark; placed so they fall on every
 * offset of its blocks (16, 32 and 64 bytes). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "text.h"
#include "util.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const PIECES[] = {
    "a", "b", "7", " ", "\t", "abcdefghijklmnop", "0123456789", /* ASCII */
    "\n", "\r\n", "\r", "\n\n", "\r\r\n",                        /* line ends */
    "\x01", "\x1B", "\x0C", "\x7F", "\x1F",                      /* controls, DEL */
    "中", "文", "报告", "政府信息公开", "一、", "。", "《", "》", "〔", /* CJK, E3 that does not fold */
    "，", "（", "）", "：", "；", "０", "９", "～", "\xEF\xBF\xBD",    /* EF: full-width ASCII folds, U+FFFD does not */
    "\xE3\x80\x80", "\xE3\x80\x8C", "\xE3\x80\x8D",             /* U+3000, 「」 fold */
    "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x8B", "\xE2\x80\xAE", "\xE2\x80\x94", "\xE2\x97\x8F",
    "\xE2\x81\xA0", "\xE2\x81\xA6",                              /* E2: quotes, zero width, bidi; — and ● do not */
    "\xE2\x80\x95", "\xE2\x94\x80", "\xE2\x94\x82", "\xE2\x95\xB1", /* ― to — (as long); ─ │ ╱ */
    "\xE2\x94\xBC", "\xE2\x95\x90", "\xE2\x95\xBF", "\xE2\x93\xBF", "\xE2\x96\x80", /* ┼ ═ ╿; ⓿ ▀ either side */
    "\xC2\xA0", "\xC2\x85", "\xC2\xB7", "\xC3\xA9", "\xDF\xBF",  /* two bytes: NBSP, C1 control, ·, é */
    "\xEF\xBB\xBF", "\xEF\xB9\x90",                              /* U+FEFF inside, U+FE50 */
    "\xE0\xA4\x85", "\xED\x9F\xBF", "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF", /* valid: checked by the event, or declined */
};

static const char *const HOSTILE[] = {
    "", "\x80", "\xBF", "\xC0\x80", "\xC1\xBF", "\xE4", "\xE4\xB8", "\xED\xA0\x80", "\xE0\x80\x80",
    "\xF5\x80\x80\x80", "\xFF", "\xF0\x9F", "\xC2", "\xEF\xBC",  /* invalid or cut off */
};

/* A random text of about `want` bytes; `hostile` in 1000 pieces is a NUL or an invalid sequence. */
static size_t make_text(char *buf, size_t cap, size_t want, int hostile)
{
    size_t n = 0, np = sizeof PIECES / sizeof *PIECES, nh = sizeof HOSTILE / sizeof *HOSTILE;
    if (rand() % 6 == 0 && cap > 3) {  /* a byte order mark */
        memcpy(buf, "\xEF\xBB\xBF", 3);
        n = 3;
    }
    while (n < want) {
        const char *p;
        size_t pl;
        int r = rand() % 1000;
        if (r < hostile) {
            if (rand() % 3 == 0) {
                p = "\0";
                pl = 1;
            } else {
                p = HOSTILE[rand() % nh];
                pl = strlen(p);
            }
        } else {
            /* mostly CJK and line ends, as in a report */
            int k = rand() % 3 ? 17 + rand() % 9 : rand() % (int)np;
            if (rand() % 4 == 0)
                k = 7 + rand() % 5;
            p = PIECES[k];
            pl = strlen(p);
        }
        if (n + pl > cap)
            break;
        memcpy(buf + n, p, pl);
        n += pl;
    }
    return n;
}

static void same_text(const gk_text *a, const gk_text *b, const char *why_a, const char *why_b, const char *what)
{
    if ((a == NULL) != (b == NULL))
        fail_msg("%s: fast %s, general %s", what, a ? "decoded" : why_a, b ? "decoded" : why_b);
    if (!a) {
        assert_string_equal(why_a, why_b);
        return;
    }
    assert_string_equal(a->encoding, b->encoding);
    assert_int_equal(a->replaced, b->replaced);
    assert_int_equal(a->crlf, b->crlf);
    assert_int_equal(a->crlf_scan, b->crlf_scan);
    if (a->nlines != b->nlines)
        fail_msg("%s: %zu lines, general %zu", what, a->nlines, b->nlines);
    for (size_t i = 0; i < a->nlines; i++) {
        assert_int_equal(a->orig[i].len, b->orig[i].len);
        assert_int_equal(a->norm[i].len, b->norm[i].len);
        assert_memory_equal(a->orig[i].s, b->orig[i].s, a->orig[i].len + 1);   /* the NUL too */
        assert_memory_equal(a->norm[i].s, b->norm[i].s, a->norm[i].len + 1);
        /* text_norm_find() relies on line i + 1 following line i's NUL */
        if (i + 1 < a->nlines)
            assert_ptr_equal(a->norm[i + 1].s, a->norm[i].s + a->norm[i].len + 1);
    }
}

/* Decodes buf both ways, through text_decode() and text_decode_adopt(),
 * with no verdict, an unknown one and (the second time) the one learnt. */
static int compare_one(const char *buf, size_t n, const char *what)
{
    const char *wf = NULL, *wg = NULL;
    text_verdict vf = TEXT_UNKNOWN, vg = TEXT_UNKNOWN;
    text_fast_utf8 = 0;
    gk_text *g = text_decode_until(buf, n, NULL, NULL, &vg, &wg);
    /* sixteen bytes at a time (SSE2), then the widest the processor has */
    text_fast_utf8 = 2;
    text_verdict v16 = TEXT_UNKNOWN;
    const char *w16 = NULL;
    gk_text *f16 = text_decode_until(buf, n, NULL, NULL, &v16, &w16);
    same_text(f16, g, w16, wg, what);
    assert_int_equal(v16, vg);
    text_free(f16);
    text_fast_utf8 = 1;
    gk_text *f = text_decode_until(buf, n, NULL, NULL, &vf, &wf);
    same_text(f, g, wf, wg, what);
    assert_int_equal(vf, vg);
    /* adopted, with the verdict known */
    char *copy = malloc(n + 1);
    memcpy(copy, buf, n);
    copy[n] = '\0';
    const char *wa = NULL;
    gk_text *a = text_decode_adopt(copy, n, &vf, &wa);
    same_text(a, g, wa, wg, what);
    /* no verdict at all */
    const char *wn = NULL;
    gk_text *nv = text_decode(buf, n, &wn);
    same_text(nv, g, wn, wg, what);
    int decoded = g != NULL;
    text_free(f);
    text_free(g);
    text_free(a);
    text_free(nv);
    return decoded;
}

static void test_fast_matches_general(void **state)
{
    (void)state;
    srand(16);
    static char buf[4096];
    int decoded = 0, refused = 0;
    for (int round = 0; round < 6000; round++) {
        size_t want = (size_t)(rand() % 4 ? rand() % 120 : rand() % 4000);
        int hostile = round % 3 == 0 ? 0 : round % 3 == 1 ? 2 : 30;
        size_t n = make_text(buf, sizeof buf, want, hostile);
        char what[64];
        snprintf(what, sizeof what, "round %d (%zu bytes)", round, n);
        if (compare_one(buf, n, what))
            decoded++;
        else
            refused++;
    }
    print_message("decoded %d, refused %d\n", decoded, refused);
    assert_true(decoded > 3000 && refused > 300);
}

/* Every piece at every offset of a block, between runs of ASCII and of CJK
 * (a sequence cut by the block's end, an event taking bytes of the next
 * block, the last bytes that go one at a time). */
static void test_fast_every_offset(void **state)
{
    (void)state;
    static char buf[512];
    const char *fills[] = {"x", "中", "\n", "\r"};
    /* tails short enough for the bytes that go one at a time, and one long
     * enough that a piece early on falls inside a 64-byte block */
    static const size_t tails[] = {0, 7, 14, 21, 28, 35, 140};
    size_t np = sizeof PIECES / sizeof *PIECES, nh = sizeof HOSTILE / sizeof *HOSTILE;
    int runs = 0;
    for (size_t f = 0; f < 4; f++)
        for (size_t k = 0; k < np + nh; k++) {
            const char *p = k < np ? PIECES[k] : HOSTILE[k - np];
            for (size_t at = 0; at < 136; at++)   /* every offset of a 64-byte block and the 32 after */
                for (size_t ti = 0; ti < sizeof tails / sizeof *tails; ti++) {
                    size_t n = 0, fl = strlen(fills[f]), tail = tails[ti];
                    while (n < at)
                        buf[n++] = 'a';
                    memcpy(buf + n, p, strlen(p));
                    n += strlen(p);
                    for (size_t j = 0; j + fl <= tail; j += fl) {
                        memcpy(buf + n, fills[f], fl);
                        n += fl;
                    }
                    char what[64];
                    snprintf(what, sizeof what, "piece %zu at %zu, fill %zu, tail %zu", k, at, f, tail);
                    compare_one(buf, n, what);
                    runs++;
                }
        }
    assert_true(runs > 10000);
}

/* Every code point (but NUL and the surrogates) in texts long enough for
 * split_plain()'s blocks: each between ASCII and CJK of varying length, so
 * that it falls at every offset of a block, its bytes cut by a block's end
 * too; the fast path folds each as the general path does.  Then the same
 * with each code point's continuation bytes damaged one way or another. */
static void test_fast_every_code_point(void **state)
{
    (void)state;
    static char buf[8192];
    srand(65536);
    int texts = 0;
    for (int damage = 0; damage < 2; damage++) {
        unsigned cp = 1;
        while (cp <= 0x10FFFF) {
            size_t n = 0;
            while (n + 16 < sizeof buf && cp <= 0x10FFFF) {
                if (cp >= 0xD800 && cp <= 0xDFFF)
                    cp = 0xE000;
                char e[4];
                int el = utf8_encode(cp, e);
                if (damage && el > 1)
                    e[1 + rand() % (el - 1)] = (char)(rand() % 3 == 0 ? 'x' : rand() % 2 ? 0xC3 : 0xE4);
                memcpy(buf + n, e, (size_t)el);
                n += (size_t)el;
                for (int k = rand() % 4; k > 0; k--)
                    buf[n++] = 'a';
                for (int k = rand() % 3; k > 0; k--) {
                    memcpy(buf + n, "\xE4\xB8\xAD", 3);   /* 中 */
                    n += 3;
                }
                if (rand() % 8 == 0)
                    buf[n++] = '\n';
                cp = cp < 0x10000 ? cp + 1 : cp + 97;  /* past the BMP, a sample */
                if (cp == 0x10000)
                    break;                 /* four bytes make the fast path decline: a text of their own */
            }
            char what[64];
            snprintf(what, sizeof what, "code points before U+%04X, damage %d", cp, damage);
            compare_one(buf, n, what);
            texts++;
        }
    }
    assert_true(texts > 20);
}

/* Texts of GB18030 pairs, UTF-8 characters, bytes no UTF-8 sequence holds
 * (C0, C1, F5..FF), lone lead and continuation bytes, ASCII, controls and
 * now and then a NUL, in proportions drawn per text so that the share of
 * good UTF-8 sequences falls on both sides of the tenth of bad ones that
 * choose() weighs: its shortcut for bytes that surely are no UTF-8
 * (text_fast_utf8) decides as the whole count does. */
static void test_choose_gb_or_utf8(void **state)
{
    (void)state;
    srand(18030);
    static unsigned char buf[6000];
    int gb = 0, other = 0;
    for (int round = 0; round < 3000; round++) {
        int w_gb = rand() % 10, w_utf8 = rand() % 40, w_bad = rand() % 3, w_lone = rand() % 3, w_ascii = rand() % 20;
        int total = w_gb + w_utf8 + w_bad + w_lone + w_ascii + 1;
        size_t want = (size_t)(rand() % 3 ? 20 + rand() % 400 : rand() % (int)(sizeof buf - 8)), n = 0;
        while (n < want) {
            int r = rand() % total;
            if ((r -= w_gb) < 0) {             /* a GB18030 pair: lead 81..FE, trail 40..FE */
                buf[n++] = (unsigned char)(0x81 + rand() % 0x7E);
                buf[n++] = (unsigned char)(0x40 + rand() % 0xBF);
            } else if ((r -= w_utf8) < 0) {    /* a CJK character, or a two-byte one */
                if (rand() % 4) {
                    buf[n++] = (unsigned char)(0xE4 + rand() % 6);
                    buf[n++] = (unsigned char)(0x80 + rand() % 0x40);
                    buf[n++] = (unsigned char)(0x80 + rand() % 0x40);
                } else {
                    buf[n++] = (unsigned char)(0xC2 + rand() % 0x1E);
                    buf[n++] = (unsigned char)(0x80 + rand() % 0x40);
                }
            } else if ((r -= w_bad) < 0) {     /* in no sequence */
                static const unsigned char NONE[] = {0xC0, 0xC1, 0xF5, 0xF8, 0xFE, 0xFF};
                buf[n++] = NONE[rand() % (int)sizeof NONE];
            } else if ((r -= w_lone) < 0) {    /* a lead without its continuation, or a continuation alone */
                buf[n++] = (unsigned char)(rand() % 2 ? 0xC2 + rand() % 0x33 : 0x80 + rand() % 0x40);
            } else if ((r -= w_ascii) < 0) {
                buf[n++] = (unsigned char)(rand() % 8 ? 'a' + rand() % 26 : rand() % 2 ? '\n' : '\r');
            } else {                           /* a control or a NUL */
                static const unsigned char CTL[] = {0x01, 0x07, 0x1B, 0x0C, 0x1F, 0x00};
                buf[n++] = CTL[rand() % (rand() % 50 ? 5 : 6)];
            }
        }
        char what[64];
        snprintf(what, sizeof what, "round %d (%zu bytes)", round, n);
        compare_one((const char *)buf, n, what);
        const char *why = NULL;
        gk_text *t = text_decode((const char *)buf, n, &why);
        if (t && !strcmp(t->encoding, "GB18030"))
            gb++;
        else
            other++;
        text_free(t);
    }
    print_message("GB18030 %d, other readings %d\n", gb, other);
    assert_true(gb > 300 && other > 300);
}

/* iconv's UTF-8 for GB18030 bytes, each invalid or cut-off sequence as
 * U+FFFD (as text_iconv_utf8() does); *bad counts them. */
static char *gb_reference(const unsigned char *in, size_t n, size_t *bad)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    assert_true(cd != (iconv_t)-1);
    size_t cap = n * 4 + 16, il = n, ol = cap - 1;
    char *out = malloc(cap), *ip = (char *)in, *op = out;
    *bad = 0;
    while (il > 0) {
        if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1)
            break;
        (*bad)++;
        memcpy(op, "\xEF\xBF\xBD", 3);
        op += 3;
        ol -= 3;
        size_t skip = errno == EINVAL ? il : 1;
        ip += skip;
        il -= skip;
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    iconv_close(cd);
    *op = '\0';
    return out;
}

/* GB18030 with many four-byte characters (the same few again and again, as
 * U+00A0 in a table, and random ones: BMP, past it, unassigned) against
 * iconv: the text decoded is iconv's, line by line. */
static void test_gb18030_four_bytes(void **state)
{
    (void)state;
    srand(18030);
    static const unsigned char common[][4] = {{0x81, 0x30, 0x84, 0x36}, {0x81, 0x36, 0xA6, 0x31}, {0x81, 0x30, 0x81, 0x30},
                                              {0x84, 0x31, 0xA4, 0x39}, {0x90, 0x30, 0x81, 0x30}, {0xE3, 0x32, 0x9A, 0x35}};
    int compared = 0, four = 0;
    for (int round = 0; round < 2000; round++) {
        unsigned char buf[900];
        size_t n = 0;
        int count = 1 + rand() % 200;
        for (int k = 0; k < count && n + 4 < sizeof buf; k++) {
            int kind = rand() % 100;
            if (k == 0 || kind < 45) {             /* 中 文 报 告 (two-byte, assigned) */
                static const unsigned char two[][2] = {{0xD6, 0xD0}, {0xCE, 0xC4}, {0xB1, 0xA8}, {0xB8, 0xE6}};
                memcpy(buf + n, two[rand() % 4], 2);
                n += 2;
            } else if (kind < 55) {                /* any two-byte code: most leads, rarely unassigned or invalid */
                buf[n++] = (unsigned char)(0x81 + rand() % 126);
                buf[n++] = (unsigned char)(0x40 + rand() % 191);
            } else if (kind < 70) {
                buf[n++] = rand() % 8 ? (unsigned char)(0x20 + rand() % 95) : '\n';
            } else if (kind < 90) {
                memcpy(buf + n, common[rand() % 6], 4);
                n += 4;
                four++;
            } else if (kind < 98) {                /* any four-byte code: in the BMP, past it, rarely unassigned */
                int r = rand() % 20;
                buf[n++] = (unsigned char)(r < 12 ? 0x81 + rand() % 4 : r < 19 ? 0x90 + rand() % 84 : 0x85 + rand() % 121);
                buf[n++] = (unsigned char)(0x30 + rand() % 10);
                buf[n++] = (unsigned char)(0x81 + rand() % 126);
                buf[n++] = (unsigned char)(0x30 + rand() % 10);
                four++;
            } else if (round % 5 == 0) {           /* a four-byte code cut short */
                buf[n++] = 0x81;
                buf[n++] = 0x30;
                if (rand() % 2)
                    buf[n++] = 0x84;
            }
        }
        size_t bad;
        char *ref = gb_reference(buf, n, &bad);
        const char *why = NULL;
        gk_text *t = text_decode((const char *)buf, n, &why);
        if (!t || strcmp(t->encoding, "GB18030")) {   /* refused, or read as something else */
            text_free(t);
            free(ref);
            continue;
        }
        assert_int_equal(t->replaced, bad);
        /* the original lines joined by \n are iconv's text, up to its line ends */
        size_t off = 0;
        for (size_t i = 0; i < t->nlines; i++) {
            assert_memory_equal(ref + off, t->orig[i].s, t->orig[i].len);
            off += t->orig[i].len;
            if (ref[off] == '\r')
                off++;
            if (ref[off] == '\n')
                off++;
        }
        assert_int_equal(off, strlen(ref));
        compared++;
        text_free(t);
        free(ref);
    }
    print_message("gb18030: %d compared, %d four-byte codes\n", compared, four);
    assert_true(compared > 500);
}

/* UTF-16 with a byte order mark, both orders, decoded by hand: the text is
 * what text_iconv_utf8() gives (iconv, each invalid or cut-off unit as
 * U+FFFD), line by line, with as many replacements: ASCII, CJK, two-byte
 * characters, pairs, a byte left over at the end. */
static void test_utf16_against_iconv(void **state)
{
    (void)state;
    srand(1616);
    int compared = 0;
    for (int round = 0; round < 3000; round++) {
        int be = round % 2;
        unsigned char buf[1200];
        size_t n = 0;
        buf[n++] = be ? 0xFE : 0xFF;
        buf[n++] = be ? 0xFF : 0xFE;
        int count = 1 + rand() % 500;
        for (int k = 0; k < count && n + 6 < sizeof buf; k++) {
            int kind = rand() % 100;
            unsigned u[2], nu = 1;
            if (kind < 35)
                u[0] = 0x20 + (unsigned)rand() % 95;
            else if (kind < 65)
                u[0] = 0x4E00 + (unsigned)rand() % 0x5200;
            else if (kind < 75)
                u[0] = 0x80 + (unsigned)rand() % 0x780;
            else if (kind < 80)
                u[0] = 0xE000 + (unsigned)rand() % 0x2000;
            else if (kind < 90)
                u[0] = rand() % 3 ? '\n' : '\r';
            else if (kind < 97) {
                u[0] = 0xD800 + (unsigned)rand() % 0x400;
                u[1] = 0xDC00 + (unsigned)rand() % 0x400;
                nu = 2;
            } else {
                /* not an unpaired surrogate: the hand decoder takes one as
                 * one U+FFFD where text_iconv_utf8() counts otherwise (and
                 * may refuse the text), whatever the run loop does */
                u[0] = 0x3000 + (unsigned)rand() % 0x40;
            }
            for (unsigned j = 0; j < nu; j++) {
                buf[n + (size_t)!be] = (unsigned char)(u[j] >> 8);
                buf[n + (size_t)be] = (unsigned char)u[j];
                n += 2;
            }
        }
        if (round % 7 == 0)
            buf[n++] = 'x';                /* a byte left over */
        size_t rlen = 0, bad = 0;
        char *ref = text_iconv_utf8(be ? "UTF-16BE" : "UTF-16LE", (const char *)buf + 2, n - 2, &rlen, &bad, 0);
        const char *why = NULL;
        gk_text *t = text_decode((const char *)buf, n, &why);
        if (!ref || !t) {
            assert_true(!ref == !t);      /* refused both ways, or the text was only spaces */
            text_free(t);
            free(ref);
            continue;
        }
        assert_string_equal(t->encoding, be ? "UTF-16BE" : "UTF-16LE");
        assert_int_equal(t->replaced, bad);
        size_t off = 0;
        for (size_t i = 0; i < t->nlines; i++) {
            assert_memory_equal(ref + off, t->orig[i].s, t->orig[i].len);
            off += t->orig[i].len;
            if (ref[off] == '\r')
                off++;
            if (off > 0 && ref[off - 1] == '\r' ? ref[off] == '\n' : ref[off] == '\n')
                off++;
        }
        assert_int_equal(off, rlen);
        compared++;
        text_free(t);
        free(ref);
    }
    print_message("utf-16: %d compared\n", compared);
    assert_true(compared > 1000);
}

/* Bytes that are not UTF-8 (GB18030 two-byte codes) with control bytes,
 * NULs and line ends at densities around the one that makes a file binary
 * (a control byte in twenty): the verdict, the refusal and the lines are
 * the general path's (count_controls() sixteen bytes at a time). */
static void test_controls_in_gb18030(void **state)
{
    (void)state;
    srand(2020);
    static unsigned char buf[3000];
    int binary = 0, text = 0;
    for (int round = 0; round < 3000; round++) {
        size_t want = (size_t)(20 + rand() % 2900), n = 0;
        int ctl_per_mille = rand() % 200, nul = rand() % 10 == 0;
        while (n + 2 <= want) {
            int r = rand() % 1000;
            if (r < ctl_per_mille)
                buf[n++] = (unsigned char)(rand() % 0x20);   /* NUL, tab, line ends, ESC and the rest */
            else if (r < ctl_per_mille + 80)
                buf[n++] = rand() % 3 ? (unsigned char)(0x20 + rand() % 95) : '\n';
            else {
                buf[n++] = (unsigned char)(0xB0 + rand() % 0x48);
                buf[n++] = (unsigned char)(0xA1 + rand() % 0x5E);
            }
            if (!nul && n && !buf[n - 1])
                buf[n - 1] = 0x01;
        }
        char what[64];
        snprintf(what, sizeof what, "gb18030 round %d (%zu bytes)", round, n);
        if (compare_one((const char *)buf, n, what))
            text++;
        else
            binary++;
    }
    print_message("controls in gb18030: %d read, %d refused\n", text, binary);
    assert_true(text > 300 && binary > 300);
}

/* The text split after a conversion (GB18030, UTF-16 with and without a
 * byte order mark): split_plain() takes the decoded text where the
 * general path takes split_lines(); random texts of the pieces (four-byte
 * characters among them, which split_plain() declines) in each encoding,
 * compared as compare_one() compares. */
static void test_fast_decoded_texts(void **state)
{
    (void)state;
    srand(2216);
    static char buf[4096], conv[3 * 4096 + 2];
    static const char *const to[] = {"GB18030", "UTF-16LE", "UTF-16BE"};
    int decoded = 0;
    for (int round = 0; round < 3000; round++) {
        size_t want = (size_t)(rand() % 4 ? rand() % 200 : rand() % 2000);
        size_t n = make_text(buf, sizeof buf, want, 0);
        int e = round % 3, bom = e && round % 2;
        iconv_t cd = iconv_open(to[e], "UTF-8");
        assert_true(cd != (iconv_t)-1);
        size_t off = 0;
        if (bom) {                     /* U+FEFF in the text's order */
            conv[0] = e == 1 ? '\xFF' : '\xFE';
            conv[1] = e == 1 ? '\xFE' : '\xFF';
            off = 2;
        }
        char *ip = buf, *op = conv + off;
        size_t il = n, ol = sizeof conv - off;
        assert_true(iconv(cd, &ip, &il, &op, &ol) != (size_t)-1);
        iconv_close(cd);
        char what[64];
        snprintf(what, sizeof what, "%s%s round %d (%zu bytes)", to[e], bom ? " BOM" : "", round, n);
        decoded += compare_one(conv, (size_t)(op - conv), what);
    }
    print_message("decoded %d\n", decoded);
    assert_true(decoded > 2000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fast_matches_general),
        cmocka_unit_test(test_fast_every_offset),
        cmocka_unit_test(test_fast_every_code_point),
        cmocka_unit_test(test_gb18030_four_bytes),
        cmocka_unit_test(test_choose_gb_or_utf8),
        cmocka_unit_test(test_controls_in_gb18030),
        cmocka_unit_test(test_utf16_against_iconv),
        cmocka_unit_test(test_fast_decoded_texts),
    };
    return cmocka_run_group_tests_name("text_fast", tests, NULL, NULL);
}
