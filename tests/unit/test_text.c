/* test_text.c — decoding and normalisation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "gen.h"
#include "text.h"
#include "util.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *convert(const char *to, const char *s, size_t *outlen)
{
    iconv_t cd = iconv_open(to, "UTF-8");
    assert_true(cd != (iconv_t)-1);
    size_t inlen = strlen(s), cap = inlen * 4 + 8, ol = cap;
    char *out = malloc(cap), *op = out, *ip = (char *)s;
    assert_true(iconv(cd, &ip, &inlen, &op, &ol) != (size_t)-1);
    iconv_close(cd);
    *outlen = cap - ol;
    return out;
}

static const char *SAMPLE = "卫辉市汲水镇 2023 年政府信息公开工作年度报告\r\n一、总体情况\r\n共收到申请６件（含１件）\r\n";

static void test_utf8_crlf_lines(void **state)
{
    (void)state;
    const char *why = NULL;
    gk_text *t = text_decode(SAMPLE, strlen(SAMPLE), &why);
    assert_non_null(t);
    assert_string_equal(t->encoding, "UTF-8");
    assert_int_equal(t->nlines, 3);
    assert_true(t->crlf);
    assert_string_equal(t->orig[1].s, "一、总体情况");
    assert_string_equal(t->orig[2].s, "共收到申请６件（含１件）");
    assert_string_equal(t->norm[2].s, "共收到申请6件(含1件)");
    text_free(t);
}

static void test_utf8_bom(void **state)
{
    (void)state;
    char *s = xasprintf("\xEF\xBB\xBF%s", "规章\t0\n");
    const char *why = NULL;
    gk_text *t = text_decode(s, strlen(s), &why);
    assert_non_null(t);
    assert_string_equal(t->encoding, "UTF-8 BOM");
    assert_int_equal(t->nlines, 1);
    assert_string_equal(t->orig[0].s, "规章\t0");
    text_free(t);
    free(s);
}

static void test_utf16_with_bom(void **state)
{
    (void)state;
    size_t n;
    char *le = convert("UTF-16LE", SAMPLE, &n);
    char *buf = malloc(n + 2);
    buf[0] = (char)0xFF;
    buf[1] = (char)0xFE;
    memcpy(buf + 2, le, n);
    const char *why = NULL;
    gk_text *t = text_decode(buf, n + 2, &why);
    assert_non_null(t);
    assert_string_equal(t->encoding, "UTF-16LE");
    assert_int_equal(t->nlines, 3);
    assert_string_equal(t->norm[2].s, "共收到申请6件(含1件)");
    text_free(t);
    free(le);
    free(buf);

    char *be = convert("UTF-16BE", SAMPLE, &n);
    buf = malloc(n + 2);
    buf[0] = (char)0xFE;
    buf[1] = (char)0xFF;
    memcpy(buf + 2, be, n);
    t = text_decode(buf, n + 2, &why);
    assert_non_null(t);
    assert_string_equal(t->encoding, "UTF-16BE");
    assert_string_equal(t->orig[1].s, "一、总体情况");
    text_free(t);
    free(be);
    free(buf);
}

static void test_utf16_without_bom(void **state)
{
    (void)state;
    size_t n;
    const char *ascii_heavy = "2023 report\nline 2 of text\n规章 0 0 0\n";
    char *le = convert("UTF-16LE", ascii_heavy, &n);
    const char *why = NULL;
    gk_text *t = text_decode(le, n, &why);
    assert_non_null(t);
    assert_string_equal(t->encoding, "UTF-16LE");
    assert_string_equal(t->orig[2].s, "规章 0 0 0");
    text_free(t);
    free(le);
    /* Chinese-heavy text: few zero bytes, and 一 (U+4E00) puts some on the other side */
    char *cjk = convert("UTF-16LE",
                        "一、总体情况\n一是加强领导，二是完善制度。\n共收到政府信息公开申请6件，予以公开3件。\n"
                        "统计期限为2023年1月1日至12月31日。\n",
                        &n);
    t = text_decode(cjk, n, &why);
    assert_non_null(t);
    assert_string_equal(t->encoding, "UTF-16LE");
    assert_string_equal(t->orig[0].s, "一、总体情况");
    text_free(t);
    free(cjk);
}

static void test_gb18030(void **state)
{
    (void)state;
    size_t n;
    char *gb = convert("GB18030", SAMPLE, &n);
    const char *why = NULL;
    gk_text *t = text_decode(gb, n, &why);
    assert_non_null(t);
    assert_string_equal(t->encoding, "GB18030");
    assert_string_equal(t->orig[0].s, "卫辉市汲水镇 2023 年政府信息公开工作年度报告");
    text_free(t);
    free(gb);
}

static void test_rejects_empty_binary_and_garbage(void **state)
{
    (void)state;
    const char *why = NULL;
    assert_null(text_decode("", 0, &why));
    assert_string_equal(why, "文件为空");
    assert_null(text_decode(" \n\t\r\n", 5, &why));
    assert_string_equal(why, "文件为空");
    const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    why = NULL;
    assert_null(text_decode(png, sizeof png - 1, &why));
    assert_non_null(strstr(why, "二进制"));
    /* bytes valid neither as UTF-8 nor as GB18030 (0xFF is never a GB18030 lead byte) */
    const char bad[] = "\xff\xfe\xfd\xff abc \xff\xff\xff\xfa\xfb";
    why = NULL;
    gk_text *t = text_decode(bad + 2, sizeof bad - 3, &why);
    assert_null(t);
    assert_non_null(strstr(why, "编码"));
}

static void test_mostly_utf8_repaired(void **state)
{
    (void)state;
    const char s[] = "一、总体情况\n二、主动公开政府信息情况\xff\n三、收到和处理\n";
    const char *why = NULL;
    gk_text *t = text_decode(s, sizeof s - 1, &why);
    assert_non_null(t);
    assert_int_equal(t->replaced, 1);
    assert_string_equal(t->orig[1].s, "二、主动公开政府信息情况\xEF\xBF\xBD");
    text_free(t);
}

static void test_normalise(void **state)
{
    (void)state;
    struct {
        const char *in, *out;
    } cases[] = {
        {"０１２３４５６７８９", "0123456789"},
        {"（一）予以公开", "(一)予以公开"},
        {"\xE3\x80\x80两个\xC2\xA0空格", " 两个 空格"},
        {"危及“三安全一稳定”", "危及\"三安全一稳定\""},
        {"a\x1b[31mb", "a [31mb"},
        {"本年收费金额（单位：万元）", "本年收费金额(单位:万元)"},
        {"x\xE2\x80\xAEy", "xy"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *n = text_normalise(cases[i].in, strlen(cases[i].in));
        assert_string_equal(n, cases[i].out);
        free(n);
    }
}

/* Every box-drawing character: one with a vertical stroke reads '|', one
 * without reads '-', the diagonals stay — through text_normalise() and as
 * a decoded line alike; a drawn table reads as a pipe table. */
static void test_normalise_box_drawing(void **state)
{
    (void)state;
    for (unsigned cp = 0x2500; cp <= 0x257F; cp++) {
        char in[8] = {(char)(0xE0 | cp >> 12), (char)(0x80 | (cp >> 6 & 0x3F)), (char)(0x80 | (cp & 0x3F)), 'x', 0};
        char *n = text_normalise(in, 4);
        const char *why = NULL;
        gk_text *t = text_decode(in, 4, &why);
        assert_non_null(t);
        assert_string_equal(t->norm[0].s, n);
        if (cp >= 0x2571 && cp <= 0x2573)
            assert_string_equal(n, in);
        else if (cp == 0x2500 || cp == 0x2501 || cp == 0x2550 || (cp >= 0x2504 && cp <= 0x250B && !(cp & 2)) ||
                 cp == 0x254C || cp == 0x254D || (cp >= 0x2574 && cp <= 0x257F && !(cp & 1)))
            assert_string_equal(n, "-x");
        else
            assert_string_equal(n, "|x");
        free(n);
        text_free(t);
    }
    char *n = text_normalise("┌──┬─┐ │甲│1│ ╞══╪═╡", strlen("┌──┬─┐ │甲│1│ ╞══╪═╡"));
    assert_string_equal(n, "|--|-| |甲|1| |--|-|");
    free(n);
}

static void test_line_numbers_kept(void **state)
{
    (void)state;
    const char s[] = "a\n\nb\rc\r\n\nd";
    const char *why = NULL;
    gk_text *t = text_decode(s, sizeof s - 1, &why);
    assert_non_null(t);
    assert_int_equal(t->nlines, 6);
    assert_string_equal(t->orig[2].s, "b");
    assert_string_equal(t->orig[3].s, "c");
    assert_string_equal(t->orig[5].s, "d");
    text_free(t);
}

/* Every code point fold_cp() changes, its neighbours that it keeps, and
 * enough CJK text and ASCII for the word-at-a-time paths: the same result
 * through text_normalise() and as lines of text_decode(). */
static const char FOLD_IN[] =
    "\xEF\xBC\xA1\xEF\xBD\x9A\xEF\xBC\x81\xEF\xBD\x9E\xE3\x80\x80\xC2\xA0\xE2\x80\x82\xE2\x80"
    "\x83\xE2\x80\x87\xE2\x80\x88\xE2\x80\x89\xE2\x80\x8A\xE2\x80\xAF\xE2\x81\x9F" "a\xE2\x80"
    "\x8B\xE2\x80\x8C\xE2\x80\x8D\xE2\x81\xA0\xEF\xBB\xBF" "b\xE2\x80\x9C\xE2\x80\x9D\xE2\x80"
    "\x9E\xE3\x80\x8C\xE3\x80\x8D\xE2\x80\x98\xE2\x80\x99\xE3\x80\x81\xEF\xB9\x90\x09\x01\x1F"
    "\x7F\xC2\x85\xC2\x9Fx\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD\xE2\x80\xAE\xE2"
    "\x81\xA6\xE2\x81\xA7\xE2\x81\xA8\xE2\x81\xA9y\xE3\x80\x82\xEF\xBC\x80\xEF\xBD\x9F\xE2"
    "\x80\x81\xE2\x80\x90\xE2\x80\x91\xE2\x80\x92\xE2\x80\x93\xE2\x80\x94\xE2\x80\x95\xE2\x80\x96"
    "\xE2\x88\x92\xE2\x88\x93\xEF\xB9\xA2\xEF\xB9\xA3\xC2\xA1\xE3\x80\x8E\xEF\xB9\x91\xE2\x80\xA9\xE2\x81\xAA\xC3\x83\xC3"
    "\x97\xE4\xB8\x80\xE3\x80\x81\xE6\x80\xBB\xE4\xBD\x93\xE6\x83\x85\xE5\x86\xB5\xEF\xBC\x88"
    "\xE5\x8D\x95\xE4\xBD\x8D\xEF\xBC\x9A\xE4\xB8\x87\xE5\x85\x83\xEF\xBC\x89\xEF\xBC\xAE\xEF"
    "\xBD\x8F\xEF\xBC\x8E\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93 \xE5\xB9\xB4\xE5\xBA\xA6\xE6"
    "\x8A\xA5\xE5\x91\x8A abcdefghijklmnop";
static const char FOLD_OUT[] =
    "Az!~          ab\x22\x22\x22\x22\x22''\xE3\x80\x81,\x09     xy\xE3\x80\x82\xEF\xBC\x80"
    "\xEF\xBD\x9F\xE2\x80\x81---\xE2\x80\x93\xE2\x80\x94\xE2\x80\x94\xE2\x80\x96-\xE2\x88\x93"
    "\xEF\xB9\xA2-\xC2\xA1\xE3\x80\x8E\xEF\xB9\x91\xE2\x80\xA9\xE2\x81"
    "\xAA\xC3\x83\xC3\x97\xE4\xB8\x80\xE3\x80\x81\xE6\x80\xBB\xE4\xBD\x93\xE6\x83\x85\xE5\x86"
    "\xB5(\xE5\x8D\x95\xE4\xBD\x8D:\xE4\xB8\x87\xE5\x85\x83)No.123 \xE5\xB9\xB4\xE5\xBA\xA6"
    "\xE6\x8A\xA5\xE5\x91\x8A abcdefghijklmnop";

static void test_normalise_every_fold(void **state)
{
    (void)state;
    char *n = text_normalise(FOLD_IN, sizeof FOLD_IN - 1);
    assert_string_equal(n, FOLD_OUT);
    free(n);
    char *s = xasprintf("%s\n%s\r\n%s", FOLD_IN, FOLD_IN, FOLD_IN);
    const char *why = NULL;
    gk_text *t = text_decode(s, strlen(s), &why);
    assert_non_null(t);
    assert_int_equal(t->nlines, 3);
    for (size_t i = 0; i < t->nlines; i++) {
        assert_string_equal(t->orig[i].s, FOLD_IN);
        assert_string_equal(t->norm[i].s, FOLD_OUT);
        assert_int_equal(t->norm[i].len, strlen(FOLD_OUT));
    }
    text_free(t);
    free(s);
    /* line ends inside a string are control characters: blanked */
    n = text_normalise("a\nb\r\nc\r", 7);
    assert_string_equal(n, "a b  c ");
    free(n);
    /* invalid UTF-8: every byte of a broken sequence becomes '?' */
    n = text_normalise("\xE4\xB8 a\xFF\xE2\x80\x9C\xEF\xBC", 10);
    assert_string_equal(n, "?? a?\"??");
    free(n);
}

/* Normalising is character by character, so a long string must normalise
 * to its characters normalised one at a time: random strings of ASCII,
 * tabs, controls, CJK and every kind of folded character, of every length
 * and alignment, go through the word-at-a-time paths as a whole and
 * through the byte loop one character at a time. */
static void test_normalise_by_words_matches_by_characters(void **state)
{
    (void)state;
    static const char *pieces[] = {"a", "7", " ", "\t", "\x01", "\x7F", "中", "文", "、", "。", "，", "（",
                                   "５", "　", "\xC2\xA0", "\xC2\xB7", "“", "”", "\xE2\x80\x8B", "\xEF\xBB\xBF",
                                   "\xE2\x80\x94", "\xE3\x80\x8C", "\xEF\xB9\x90", "é", "\xF0\x9F\x98\x80", "\x1B"};
    enum { NP = sizeof pieces / sizeof *pieces };
    srand(17);
    for (int round = 0; round < 3000; round++) {
        sbuf in, want;
        sbuf_init(&in);
        sbuf_init(&want);
        int count = rand() % 60;
        for (int k = 0; k < count; k++) {
            /* runs of plain text make the word-at-a-time steps matter */
            const char *p = rand() % 3 ? pieces[rand() % 7] : pieces[rand() % NP];
            sbuf_adds(&in, p);
            char *one = text_normalise(p, strlen(p));
            sbuf_adds(&want, one);
            free(one);
        }
        char *got = text_normalise(in.s ? in.s : "", in.len);
        assert_string_equal(got, want.s ? want.s : "");
        free(got);
        sbuf_free(&in);
        sbuf_free(&want);
    }
}

static void test_utf8_bom_repair(void **state)
{
    (void)state;
    const char *why = NULL;
    /* valid after the BOM: copied whole */
    char *s = xasprintf("\xEF\xBB\xBF%s\n%s\n", FOLD_IN, FOLD_IN);
    gk_text *t = text_decode(s, strlen(s), &why);
    assert_non_null(t);
    assert_string_equal(t->encoding, "UTF-8 BOM");
    assert_int_equal(t->replaced, 0);
    assert_int_equal(t->nlines, 2);
    assert_string_equal(t->orig[1].s, FOLD_IN);
    assert_string_equal(t->norm[1].s, FOLD_OUT);
    text_free(t);
    free(s);
    /* broken sequences, each byte that decode() rejects becomes U+FFFD */
    const char broken[] = "\xEF\xBB\xBF" "ab\xFF" "cd\xE4\xB8\n\xE4\xB8\x80\xC0\x80\xED\xA0\x80z\xF0\x9F";
    t = text_decode(broken, sizeof broken - 1, &why);
    assert_non_null(t);
    assert_int_equal(t->replaced, 10);
    assert_int_equal(t->nlines, 2);
    assert_string_equal(t->orig[0].s, "ab\xEF\xBF\xBD" "cd\xEF\xBF\xBD\xEF\xBF\xBD");
    assert_string_equal(t->orig[1].s, "\xE4\xB8\x80\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz"
                                      "\xEF\xBF\xBD\xEF\xBF\xBD");
    assert_string_equal(t->norm[0].s, "ab\xEF\xBF\xBD" "cd\xEF\xBF\xBD\xEF\xBF\xBD");
    text_free(t);
}

/* The UTF-16 decoder against glibc's iconv, the converter it replaced:
 * thousands of random unit sequences (ASCII, CJK, paired and unpaired
 * surrogates, odd lengths) in both byte orders must give the same text,
 * the same count of replacements, and the same refusals. */
static char *iconv_reference(const char *from, const char *in, size_t inlen, size_t *replaced)
{
    iconv_t cd = iconv_open("UTF-8", from);
    assert_true(cd != (iconv_t)-1);
    size_t cap = inlen * 4 + 16, bad = 0;
    char *out = malloc(cap), *ip = (char *)in, *op = out;
    size_t il = inlen, ol = cap - 1;
    while (il > 0) {
        if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1)
            break;
        bad++;                         /* EILSEQ: skip the unit; EINVAL: the rest */
        memcpy(op, "\xEF\xBF\xBD", 3);
        op += 3;
        ol -= 3;
        size_t skip = errno == EINVAL ? il : (strncmp(from, "UTF-16", 6) == 0 && il >= 2 ? 2 : 1);
        ip += skip;
        il -= skip;
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    iconv_close(cd);
    *op = '\0';
    *replaced = bad;
    if (bad * 100 > inlen) {
        free(out);
        return NULL;
    }
    return out;
}

/* text_decode()'s result t on one line of text against iconv's `ref`
 * (NULL: refused) with ref_bad replacements; frees both. */
static void same_as_reference(gk_text *t, char *ref, size_t ref_bad, int *compared, int *refused)
{
    if (!ref) {
        assert_null(t);
        (*refused)++;
    } else {
        assert_non_null(t);
        assert_int_equal(t->nlines, 1);
        assert_string_equal(t->orig[0].s, ref);
        assert_int_equal(t->replaced, ref_bad);
        (*compared)++;
    }
    text_free(t);
    free(ref);
}

static void test_utf16_matches_iconv(void **state)
{
    (void)state;
    srand(7);
    static const unsigned units[] = {'A', ' ', '9', 0x4E2D, 0x6587, 0xFF0C, 0x3000, 0x00E9, 0x07FF, 0x0800,
                                     0xFFFD, 0xFEFF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xD83D, 0xDE00};
    int compared = 0, refused = 0;
    for (int round = 0; round < 4000; round++) {
        int be = round & 1;
        unsigned char buf[2 + 2 * 300 + 1];
        size_t n = 2;
        buf[0] = be ? 0xFE : 0xFF;     /* a byte order mark, then a CJK character: never "empty" */
        buf[1] = be ? 0xFF : 0xFE;
        int count = 1 + rand() % 300;
        for (int k = 0; k < count; k++) {
            unsigned u = k == 0 ? 0x4E2D : units[rand() % (int)(sizeof units / sizeof *units)];
            if (round % 5 != 0 && u >= 0xD800 && u <= 0xDFFF && rand() % 64)
                u = 0x4E00 + (unsigned)(rand() % 100);   /* most rounds: few surrogates */
            buf[n + (be ? 0 : 1)] = (unsigned char)(u >> 8);
            buf[n + (be ? 1 : 0)] = (unsigned char)u;
            n += 2;
        }
        if (rand() % 4 == 0)
            buf[n++] = 0x41;           /* an odd byte at the end */
        size_t ref_bad = 0;
        char *ref = iconv_reference(be ? "UTF-16BE" : "UTF-16LE", (const char *)buf + 2, n - 2, &ref_bad);
        const char *why = NULL;
        gk_text *t = text_decode((const char *)buf, n, &why);
        same_as_reference(t, ref, ref_bad, &compared, &refused);
    }
    print_message("utf16: %d compared, %d refused\n", compared, refused);
    assert_true(compared > 1000 && refused > 100);
}

/* The GB18030 fast path (a table of two-byte characters) against glibc's
 * iconv: random texts of ASCII, two-byte characters, four-byte characters
 * and invalid bytes must give iconv's text and replacements, or its refusal. */
static void test_gb18030_matches_iconv(void **state)
{
    (void)state;
    srand(11);
    int compared = 0, refused = 0;
    for (int round = 0; round < 3000; round++) {
        unsigned char buf[1200];
        size_t n = 0;
        int count = 1 + rand() % 300;
        for (int k = 0; k < count && n + 4 < sizeof buf; k++) {
            int kind = rand() % 100;
            if (k == 0 || kind < 60) {             /* a two-byte character (maybe an unassigned one) */
                buf[n++] = (unsigned char)(0x81 + rand() % 126);
                int trail = 0x40 + rand() % 191;
                buf[n++] = (unsigned char)(trail == 0x7F ? 0x80 : trail);
            } else if (kind < 90) {                /* printable ASCII: a character, or in odd rounds a run (up to 24) */
                int run = round % 2 ? 1 + rand() % 24 : 1;
                while (run-- > 0 && n + 4 < sizeof buf)
                    buf[n++] = (unsigned char)(0x20 + rand() % 95);
            } else if (kind < 95 && round % 3 == 0) {   /* a four-byte character */
                buf[n++] = (unsigned char)(0x81 + rand() % 4);
                buf[n++] = (unsigned char)(0x30 + rand() % 10);
                buf[n++] = (unsigned char)(0x81 + rand() % 126);
                buf[n++] = (unsigned char)(0x30 + rand() % 10);
            } else if (round % 4 == 0) {           /* an invalid or stray byte */
                static const unsigned char odd[] = {0x80, 0xFF, 0x81, 0xFE, 0x39};
                buf[n++] = odd[rand() % 5];
            }
        }
        if (round % 7 == 0)
            buf[n++] = 0xB0;                       /* a lead byte cut off at the end */
        size_t ref_bad = 0;
        char *ref = iconv_reference("GB18030", (const char *)buf, n, &ref_bad);
        const char *why = NULL;
        gk_text *t = text_decode((const char *)buf, n, &why);
        if (t && strcmp(t->encoding, "GB18030") != 0) {   /* read as something else: not this test's */
            text_free(t);
            free(ref);
            continue;
        }
        same_as_reference(t, ref, ref_bad, &compared, &refused);
    }
    print_message("gb18030: %d compared, %d refused\n", compared, refused);
    assert_true(compared > 1000 && refused > 50);
}

static int stop_at(const gk_line *norm, size_t index, void *ctx)
{
    (void)norm;
    return index >= *(size_t *)ctx;
}

/* text_decode_until() splits only a prefix of whole lines when it can:
 * its lines must be text_decode()'s first lines, and its verdict the same,
 * whether the stop comes early, late (beyond the prefix) or never, in
 * every encoding and with CR LF line ends. */
static void test_until_matches_whole(void **state)
{
    (void)state;
    const char *line = "第%d行：政府信息公开申请６件，“答复”如下。\r\n";
    for (int variant = 0; variant < 7; variant++) {
        sbuf b;
        sbuf_init(&b);
        if (variant == 2 || variant == 6)
            sbuf_add(&b, "\xEF\xBB\xBF", 3);             /* UTF-8 byte order mark */
        for (int i = 0; i < 400; i++) {
            char one[128];
            snprintf(one, sizeof one, line, i);
            sbuf_add(&b, one, strlen(one) - (variant == 4 ? 2 : 0));
            if (variant == 4)
                sbuf_add(&b, "\n", 1);                      /* LF only */
            if (variant == 1 && i % 50 == 7)
                sbuf_add(&b, "\xFF", 1);                    /* a few bad bytes: repaired UTF-8 */
            if (variant == 6 && i == 300)
                sbuf_add(&b, "\0", 1);                      /* a NUL after the prefix */
        }
        size_t n = b.len;
        char *bytes = sbuf_steal(&b);
        if (variant == 3 || variant == 5) {                 /* GB18030; 5 with a four-byte character late */
            char *gb = convert("GB18030", bytes, &n);
            free(bytes);
            bytes = gb;
            if (variant == 5) {
                bytes = realloc(bytes, n + 8);
                memcpy(bytes + n, "\x81\x30\x81\x30\n", 5);
                n += 5;
            }
        }
        const char *why_whole = NULL;
        gk_text *whole = text_decode(bytes, n, &why_whole);
        size_t stops[] = {0, 3, 60, 250, 100000};
        for (size_t k = 0; k < sizeof stops / sizeof *stops; k++) {
            const char *why = NULL;
            gk_text *head = text_decode_until(bytes, n, stop_at, &stops[k], NULL, &why);
            if (!whole) {
                assert_null(head);
                assert_string_equal(why, why_whole);
                continue;
            }
            assert_non_null(head);
            assert_string_equal(head->encoding, whole->encoding);
            size_t want = stops[k] + 1 < whole->nlines ? stops[k] + 1 : whole->nlines;
            assert_int_equal(head->nlines, want);
            for (size_t i = 0; i < want; i++) {
                assert_string_equal(head->orig[i].s, whole->orig[i].s);
                assert_string_equal(head->norm[i].s, whole->norm[i].s);
                assert_int_equal(head->norm[i].len, whole->norm[i].len);
            }
            text_free(head);
        }
        if (variant == 6)
            assert_null(whole);                             /* the NUL is seen though the stop comes first */
        else
            assert_true(whole && whole->nlines >= 400 && n > 8192);
        if (variant == 3) {                                 /* GB18030 that iconv refuses after the prefix */
            char *bad = malloc(n + 4000);
            memcpy(bad, bytes, n);
            for (size_t i = 0; i < 4000; i++)
                bad[n + i] = (char)(i % 2 ? 0xFF : 0x80);
            const char *why_bad = NULL;
            assert_null(text_decode(bad, n + 4000, &why_bad));
            assert_null(text_decode_until(bad, n + 4000, stop_at, &stops[0], NULL, &why_bad));
            free(bad);
        }
        text_free(whole);
        free(bytes);
    }
}

/* arena_strdup() copies every string, of any length, whether it fits in
 * the current block (copied while looking for its end) or starts a new
 * one; earlier copies stay intact. */
static void test_arena_strdup_copies(void **state)
{
    (void)state;
    srand(5);
    enum { N = 3000 };
    char *src[N];
    const char *copy[N];
    gk_arena a = {0};
    for (int k = 0; k < N; k++) {
        size_t n = k % 500 == 7 ? 3000 + (size_t)(rand() % 3000) : (size_t)(rand() % 40);
        src[k] = malloc(n + 1);
        for (size_t i = 0; i < n; i++)
            src[k][i] = (char)('a' + rand() % 26);
        src[k][n] = '\0';
        copy[k] = arena_strdup(&a, src[k]);
        assert_string_equal(copy[k], src[k]);
    }
    for (int k = 0; k < N; k++) {
        assert_string_equal(copy[k], src[k]);
        free(src[k]);
    }
    arena_free(&a);
}

/* The choice of encoding for UTF-8 without a byte order mark: random
 * texts of ASCII, controls, two-, three- and four-byte characters, with
 * and without invalid or cut-off sequences, of every length around the
 * sixteen-byte steps of the fast path: valid UTF-8 without NUL is read as
 * UTF-8, or as binary when more than a twentieth of it is control bytes;
 * anything invalid is never taken for plain UTF-8. */
static void test_utf8_verdict(void **state)
{
    (void)state;
    static const char *pieces[] = {"a", "1", " ", "\t", "\n", "\r", "\f", "\x1B", "\x01", "\x7F", "中", "、",
                                   "，", "é", "\xC2\xB7", "\xED\x9F\xBF", "\xE0\xA4\x85", "\xF0\x9F\x98\x80",
                                   "\xEF\xBF\xBD", "\xFF", "\xC0\xAF", "\xE4\xB8", "\x80", "\xED\xA0\x80"};
    enum { NP = sizeof pieces / sizeof *pieces };
    srand(23);
    int plain = 0, binary = 0, other = 0;
    for (int round = 0; round < 20000; round++) {
        char buf[256];
        size_t n = 0;
        buf[n++] = 'x';                            /* never empty, never a byte order mark */
        int count = rand() % 70, spice = rand() % 4;
        for (int k = 0; k < count; k++) {
            int r = rand() % 100;
            const char *p = r < 60 ? pieces[10 + rand() % 4] : r < 90 ? pieces[rand() % 4] : pieces[rand() % (spice ? 19 : NP)];
            size_t pl = strlen(p);
            if (n + pl >= sizeof buf)
                break;
            memcpy(buf + n, p, pl);
            n += pl;
        }
        if (round % 5 == 0)
            for (int k = rand() % 8; k > 0 && n + 1 < sizeof buf; k--)
                buf[n++] = "\x01\x02\x1F\x7F\x0B\x05"[rand() % 6];
        size_t ctl = 0;
        for (size_t i = 0; i < n; i++)
            ctl += (unsigned char)buf[i] < 0x20 && !strchr("\t\n\r\f\x1B", buf[i]);
        text_verdict v = TEXT_UNKNOWN;
        const char *why = NULL;
        text_free(text_decode_until(buf, n, NULL, NULL, &v, &why));
        if (utf8_valid(buf, n)) {
            text_verdict want = ctl * 20 > n ? TEXT_BINARY : TEXT_UTF8;
            if (v != want)
                fail_msg("round %d (%zu bytes, %zu controls): verdict %d, want %d", round, n, ctl, (int)v, (int)want);
            plain += want == TEXT_UTF8;
            binary += want == TEXT_BINARY;
        } else {
            assert_true(v != TEXT_UTF8 && v != TEXT_UNKNOWN);
            other++;
        }
    }
    /* a character cut off, or whole, where one sixteen-byte step ends and the next is ASCII */
    static const char *cut[] = {"\xE4", "\xE4\xB8", "\xC3", "中", "\xC3\xA9"};
    for (size_t k = 0; k < 40; k++) {
        for (size_t c = 0; c < sizeof cut / sizeof *cut; c++) {
            char buf[128];
            memset(buf, 'a', k);
            size_t cl = strlen(cut[c]);
            memcpy(buf + k, cut[c], cl);
            memset(buf + k + cl, 'b', 40);
            size_t n = k + cl + 40;
            text_verdict v = TEXT_UNKNOWN;
            const char *why = NULL;
            text_free(text_decode_until(buf, n, NULL, NULL, &v, &why));
            if ((v == TEXT_UTF8) != (c >= 3))
                fail_msg("%s after %zu bytes: verdict %d", c >= 3 ? "whole" : "cut", k, (int)v);
        }
    }
    print_message("verdicts: %d UTF-8, %d binary, %d invalid\n", plain, binary, other);
    assert_true(plain > 1000 && binary > 100 && other > 1000);
}

/* text_decode_adopt() keeps a plain UTF-8 buffer as the text's storage and
 * frees any other (ASan sees a leak or a double free); the lines are
 * text_decode()'s either way. */
static void test_decode_adopt(void **state)
{
    (void)state;
    size_t gn;
    char *gb = convert("GB18030", SAMPLE, &gn);
    const char *inputs[] = {SAMPLE, gb, "\xEF\xBB\xBF" "一、总体情况\n", "\x01\x02\x03\x04\x05\x06\x07\x08\x0E\x0F",
                            "   \n"};
    size_t lens[] = {strlen(SAMPLE), gn, strlen(inputs[2]), 10, 4};
    for (size_t k = 0; k < sizeof inputs / sizeof *inputs; k++) {
        char *copy = malloc(lens[k] + 1);
        memcpy(copy, inputs[k], lens[k]);
        copy[lens[k]] = '\0';
        const char *why_ref = NULL, *why = NULL;
        gk_text *ref = text_decode(inputs[k], lens[k], &why_ref);
        text_verdict v = TEXT_UNKNOWN;
        gk_text *t = text_decode_adopt(copy, lens[k], &v, &why);
        assert_int_equal(ref != NULL, t != NULL);
        if (!t) {
            assert_string_equal(why, why_ref);
            continue;
        }
        assert_int_equal(t->obuf == copy, k == 0);   /* only plain UTF-8 is adopted */
        assert_int_equal(t->nlines, ref->nlines);
        for (size_t i = 0; i < t->nlines; i++) {
            assert_string_equal(t->orig[i].s, ref->orig[i].s);
            assert_string_equal(t->norm[i].s, ref->norm[i].s);
        }
        text_free(t);
        text_free(ref);
    }
    free(gb);
}

/* util_find() finds what memmem() finds, on random short strings over a
 * small alphabet (many near misses) and on CJK text. */
static void test_find_matches_memmem(void **state)
{
    (void)state;
    srand(3);
    const char *alpha[] = {"a", "b", "中", "文", "\xE4", "\xB8"};
    for (int round = 0; round < 20000; round++) {
        char hay[64], needle[16];
        size_t hl = 0, nl = 0;
        int hn = rand() % 12, nn = rand() % 4;
        for (int k = 0; k < hn; k++) {
            const char *a = alpha[rand() % 6];
            memcpy(hay + hl, a, strlen(a));
            hl += strlen(a);
        }
        for (int k = 0; k < nn; k++) {
            const char *a = alpha[rand() % 6];
            memcpy(needle + nl, a, strlen(a));
            nl += strlen(a);
        }
        const char *want = memmem(hay, hl, needle, nl), *got = util_find(hay, hl, needle, nl);
        if (want != got)
            fail_msg("round %d: memmem at %td, util_find at %td", round, want ? want - hay : -1, got ? got - hay : -1);
    }
}

/* text_norm_find() over the lines' shared buffer finds the same line as a
 * search of each line in turn: random texts of words, blanks and line ends
 * (LF, CR LF, CR, empty lines, full-width text that normalising folds),
 * random needles (a needle spanning a line end is never found), random
 * ranges, `to` past the last line included. */
static void test_norm_find_matches_per_line(void **state)
{
    (void)state;
    srand(29);
    const char *pieces[] = {"统计", "函", "日期", "中", "文", "a", "b", " ", "\t", "\n", "\r\n", "\r", "\n\n",
                            "ã", "ï¼¡", "20", "年"};
    const size_t NP = sizeof pieces / sizeof pieces[0];
    const char *needles[] = {"统计", "函", "日期", "文a", "a", "ab", "b\na", "20", "中文", " 年", "A"};
    for (int round = 0; round < 3000; round++) {
        char buf[512];
        size_t n = 0;
        for (int k = rand() % 40; k > 0; k--) {
            const char *pc = pieces[rand() % NP];
            memcpy(buf + n, pc, strlen(pc));
            n += strlen(pc);
        }
        if (!n)
            buf[n++] = 'a';
        const char *why;
        gk_text *t = text_decode(buf, n, &why);
        if (!t)
            continue;
        for (int q = 0; q < 8; q++) {
            const char *nd = needles[rand() % (sizeof needles / sizeof needles[0])];
            size_t nl = strlen(nd);
            size_t from = (size_t)rand() % (t->nlines + 2), to = (size_t)rand() % (t->nlines + 3);
            size_t want = to;
            for (size_t i = from; i < to && i < t->nlines; i++)
                if (util_find(t->norm[i].s, t->norm[i].len, nd, nl)) {
                    want = i;
                    break;
                }
            size_t got = text_norm_find(t, from, to, nd, nl);
            if (got != want)
                fail_msg("round %d: \"%s\" in [%zu, %zu) of %zu lines: line %zu, per line %zu", round, nd, from, to,
                         t->nlines, got, want);
        }
        text_free(t);
    }
}

/* Numeric character references a converter left (html2text keeps them): a text
 * with some characters written as references reads, once decoded, as the text
 * without them, line for line; what is no reference stays as it is; words are
 * found on their lines as before. */
static void test_decode_refs(void)
{
    static const char *const CHARS[] = {"情", "况", "机", "构", "（", "）", "a", "7", " ", "、", "，", "政"};
    static const unsigned CPS[] = {0x60C5, 0x51B5, 0x673A, 0x6784, 0xFF08, 0xFF09, 'a', '7', ' ', 0x3001, 0xFF0C, 0x653F};
    static const char *const KEEP[] = {"&#;", "&#x;", "&#xD800;", "&#x110000;", "&amp;", "&#12", "&#x1F", "& #20;"};
    uint32_t seed = 20261205u;
    for (int round = 0; round < 400; round++) {
        char plain[4096], refs[8192];
        size_t np = 0, nr = 0;
        int lines = 1 + (int)(seed % 5);
        for (int l = 0; l < lines; l++) {
            int n = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 20;
            for (int k = 0; k < n; k++) {
                seed = seed * 1103515245u + 12345u;
                unsigned pick = (seed >> 16) % 14;
                if (pick >= 12) {      /* something that is no reference */
                    const char *x = KEEP[(seed >> 8) % 8];
                    np += (size_t)sprintf(plain + np, "%s", x);
                    nr += (size_t)sprintf(refs + nr, "%s", x);
                    continue;
                }
                np += (size_t)sprintf(plain + np, "%s", CHARS[pick]);
                if ((seed >> 20) & 1)
                    nr += (size_t)sprintf(refs + nr, (seed >> 21) & 1 ? "&#x%X;" : "&#%u;", CPS[pick]);
                else
                    nr += (size_t)sprintf(refs + nr, "%s", CHARS[pick]);
            }
            plain[np++] = '\n';
            refs[nr++] = '\n';
        }
        plain[np] = refs[nr] = '\0';
        const char *why = NULL;
        gk_text *a = text_decode(plain, np, &why), *b = text_decode(refs, nr, &why);
        assert_non_null(a);
        assert_non_null(b);
        text_decode_refs(a);           /* no reference in it but those kept: unchanged */
        text_decode_refs(b);
        assert_int_equal(a->nlines, b->nlines);
        for (size_t l = 0; l < a->nlines; l++) {
            assert_int_equal(a->norm[l].len, b->norm[l].len);
            assert_memory_equal(a->norm[l].s, b->norm[l].s, a->norm[l].len + 1);
        }
        for (size_t l = 0; l < a->nlines; l++)
            if (a->norm[l].len)
                assert_int_equal(text_norm_find(b, 0, b->nlines, a->norm[l].s, a->norm[l].len),
                                 text_norm_find(a, 0, a->nlines, a->norm[l].s, a->norm[l].len));
        text_free(a);
        text_free(b);
    }
}

static void test_decode_refs_case(void **state)
{
    (void)state;
    test_decode_refs();
}

/* UTF-8 text a converter damaged (html2text cuts characters where it cuts cells):
 * generated lines of Chinese, tabs and numbers, with from one broken byte to one
 * in every 20 bytes (a character's lead byte left alone, a continuation byte lost
 * or added) — more than the one in ten that reads as UTF-8 from the first pass,
 * and no GB18030.  Read as UTF-8, never refused nor read as GB18030; every
 * undamaged line as it was written; some U+FFFD counted.  A GB18030 text of the
 * same lines still reads as GB18030. */
static void test_utf8_damaged_by_converter(void **state)
{
    (void)state;
    static const char *const WORDS[] = {"政府", "信息", "公开", "申请", "数量", "自然人", "商业企业", "总计", "12", "0", "\t"};
    gen_seed(20261205);
    for (int iter = 0; iter < 60; iter++) {
        sbuf b;
        sbuf_init(&b);
        int nlines = 40 + (int)gen_below(40);
        for (int l = 0; l < nlines; l++) {
            int nw = 3 + (int)gen_below(10);
            for (int k = 0; k < nw; k++)
                sbuf_adds(&b, WORDS[gen_below(sizeof WORDS / sizeof WORDS[0])]);
            sbuf_adds(&b, "\n");
        }
        size_t gl;
        char *gb = convert("GB18030", b.s, &gl);
        const char *why = NULL;
        gk_text *t = text_decode(gb, gl, &why);
        assert_non_null(t);
        assert_string_equal(t->encoding, "GB18030");
        text_free(t);
        free(gb);
        /* the damage: at random CJK characters */
        size_t len = b.len, breaks = 1 + gen_below((unsigned)(len / 20));
        char *d = malloc(len * 2 + 1), *dmg_line = calloc((size_t)nlines, 1), *hit = calloc(len, 1);
        size_t dl = 0, leads = 0;
        for (size_t i = 0; i < len; i++)
            leads += (unsigned char)b.s[i] >= 0xE0;
        for (size_t k = 0; k < breaks; k++) {   /* the breaks-th lead bytes at random */
            size_t want = gen_below((unsigned)leads), seen = 0;
            for (size_t i = 0; i < len; i++)
                if ((unsigned char)b.s[i] >= 0xE0 && seen++ == want)
                    hit[i] = 1;
        }
        int line = 0;
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)b.s[i];
            if (hit[i]) {
                dmg_line[line] = 1;
                switch (gen_below(3)) {
                case 0:                /* the lead byte alone */
                    d[dl++] = (char)c;
                    i += 2;
                    continue;
                case 1:                /* a continuation byte lost */
                    d[dl++] = (char)c;
                    d[dl++] = b.s[i + 1];
                    i += 2;
                    continue;
                default:               /* a stray continuation byte before it */
                    d[dl++] = (char)0x80;
                    break;
                }
            }
            line += c == '\n';
            d[dl++] = (char)c;
        }
        t = text_decode(d, dl, &why);
        if (!t)
            fail_msg("iteration %d: refused (%s)", iter, why);
        assert_string_equal(t->encoding, "UTF-8");
        assert_true(t->replaced > 0);
        assert_int_equal(t->nlines, (size_t)nlines);
        const char *p = b.s;
        for (int l = 0; l < nlines; l++) {
            const char *e = strchr(p, '\n');
            if (!dmg_line[l] && (strlen(t->orig[l].s) != (size_t)(e - p) || memcmp(t->orig[l].s, p, (size_t)(e - p))))
                fail_msg("iteration %d: undamaged line %d read otherwise", iter, l);
            p = e + 1;
        }
        text_free(t);
        free(d);
        free(dmg_line);
        free(hit);
        sbuf_free(&b);
    }
}

/* The text b decoded, text_blank_page_numbers() done; it holds nl lines. */
static gk_text *blanked_text(const sbuf *b, int nl)
{
    const char *why = NULL;
    gk_text *t = text_decode(b->s, b->len, &why);
    assert_non_null(t);
    text_blank_page_numbers(t);
    assert_int_equal(t->nlines, (size_t)nl);
    return t;
}

/* 1 when line i of t was blanked (and was not blank before). */
static int line_blanked(const gk_text *t, int i)
{
    int blank = 1, was_blank = 1;
    for (size_t k = 0; k < t->norm[i].len; k++)
        blank &= t->norm[i].s[k] == ' ';
    for (size_t k = 0; k < t->orig[i].len; k++)
        was_blank &= t->orig[i].s[k] == ' ' || t->orig[i].s[k] == '\f';
    return blank && !was_blank;
}

/* Pages as pdftotext prints them (a form feed before each page's first line):
 * the last line before a break a lone page number, indented far or after blank
 * lines (blanked), or a table's last cell, a number alone at the line's start
 * right before the break (kept, as is every other line — but where two pages
 * next to each other end so with their own numbers: page numbers). */
static void test_page_numbers_blanked(void **state)
{
    (void)state;
    gen_seed(20261220);
    for (int iter = 0; iter < 200; iter++) {
        sbuf b;
        sbuf_init(&b);
        int pages = 2 + (int)gen_below(4), nl = 0, want_blank[64] = {0}, tight[8], tight_at[8], cval[8];
        for (int p = 0; p < 8; p++)
            tight[p] = 0, tight_at[p] = 0, cval[p] = -1;   /* cval: a lone number last, not indented */
        for (int p = 0; p < pages; p++) {
            if (p)
                sbuf_adds(&b, "\f");
            sbuf_printf(&b, "%*s政府信息公开工作年度报告\n", (int)gen_below(60), "");
            nl++;
            for (int k = 0, n = 1 + (int)gen_below(4); k < n; k++, nl++)
                sbuf_printf(&b, "规章    %u    %u\n", gen_below(50), gen_below(50));
            if (p == pages - 1)
                break;
            int kind = (int)gen_below(3), blanks = kind == 2 ? 0 : (int)gen_below(4);
            for (int k = 0; k < blanks; k++, nl++)
                sbuf_adds(&b, "\n");
            if (kind == 0) {           /* centred page number */
                sbuf_printf(&b, "%*s%d\n", 10 + (int)gen_below(60), "", p + 1);
                want_blank[nl++] = 1;
            } else if (kind == 1) {    /* a number after blank lines, not indented (after one: the
                                          page's own number, the text single-spaced) */
                sbuf_printf(&b, "%d\n", p + 1);
                want_blank[nl] = blanks >= 1;
                cval[p] = blanks <= 1 ? p + 1 : -1, tight[p] = blanks == 0, tight_at[p] = nl++;
            } else {                   /* a table's last cell right before the break */
                unsigned v = gen_below(999);
                sbuf_printf(&b, "%u\n", v);
                cval[p] = (int)v, tight[p] = 1, tight_at[p] = nl++;
            }
        }
        /* a number right before the break, no blank line: a page number only when it is
         * its page's (or one less) and the page before or after ends with a lone number
         * one less or more (pdftohtml's pages) */
        for (int p = 0; p + 1 < pages; p++)
            if (tight[p] && cval[p] >= p && cval[p] <= p + 1 &&
                ((p > 0 && cval[p - 1] >= 0 && cval[p - 1] + 1 == cval[p]) ||
                 (p + 2 < pages && cval[p + 1] >= 0 && cval[p + 1] == cval[p] + 1)))
                want_blank[tight_at[p]] = 1;
        gk_text *t = blanked_text(&b, nl);
        for (int i = 0; i < nl; i++) {
            int gone = line_blanked(t, i);
            if (want_blank[i] && !gone)
                fail_msg("iteration %d: page number line %d kept: \"%s\"", iter, i, t->norm[i].s);
            if (!want_blank[i] && gone)
                fail_msg("iteration %d: line %d blanked: \"%s\"", iter, i, t->orig[i].s);
        }
        text_free(t);
        sbuf_free(&b);
    }
}

/* A page's first lines: its running header, then two to seven table cells a line
 * each (a blank line before each when double-spaced; indented by fewer than
 * `indent` spaces when indent > 0).  Returns the lines written. */
static int page_top(sbuf *b, int dbl, int indent)
{
    int nl = 1;
    sbuf_adds(b, "政府信息公开工作年度报告\n");
    for (int k = 0, n = 2 + (int)gen_below(6); k < n; k++) {
        if (dbl) {
            sbuf_adds(b, "\n");
            nl++;
        }
        int in = indent ? (int)gen_below((unsigned)indent) : 0;
        sbuf_printf(b, "%*s%u\n", in, "", gen_below(10));
        nl++;
    }
    return nl;
}

/* Lines [0, nl) of t blanked where want[i] is 1, kept where it is 2 (3: either);
 * counts them into *blanked and *kept.  `what` names the case. */
static void check_page_lines(const gk_text *t, const char *want, int nl, const char *what, int *blanked, int *kept)
{
    for (int i = 0; i < nl; i++) {
        int gone = line_blanked(t, i);
        if (want[i] == 1 && !gone)
            fail_msg("%s: footer line %d kept: \"%s\"", what, i, t->norm[i].s);
        if (want[i] != 1 && want[i] != 3 && gone)
            fail_msg("%s: line %d blanked: \"%s\"", what, i, t->orig[i].s);
        *blanked += want[i] == 1;
        *kept += want[i] == 2;
    }
}

/* Page ends as mutool and pdftotext without -layout print them, generated:
 * mutool puts a page's number at the left after one blank line, the page's
 * lines single-spaced (blanked when it is the page's number, or one of a run
 * 1, 2, 3 … at the pages' ends: a cover page unnumbered shifts them); pdftotext
 * without -layout puts a blank line after every line, a table's last cell's
 * too, and prints a footer a piece a line ("－" "第2页" "/" "8"; "2/8", "- 2 -",
 * "第2页共8页" whole).  Blanked: the footer and its "/ M"; in a double-spaced
 * text a number alone ending its page, the page's own, when another page ends
 * so too (page numbers, not two cells that happen to be).  Kept: a table's last
 * cell equal to the page's number in a double-spaced text where no other page
 * ends with its own, a number alone after "第N页" (a cell printed after the
 * footer; but the page's own number where another page ends with its own: the
 * PDF's numbers below the text's own footers, as mutool prints them), a dash
 * before the footer (a blank cell as often as the footer's) and the cells before
 * it. */
static void test_page_footers_blanked(void **state)
{
    (void)state;
    static const char *const WHOLE[] = {"第%d页", "第%d页共8页", "%d/8", "- %d -", "—%d—", "第 %d 页"};
    gen_seed(20261205);
    int blanked = 0, kept = 0;
    for (int iter = 0; iter < 300; iter++) {
        sbuf b;
        sbuf_init(&b);
        int dbl = (int)gen_below(2), pages = 2 + (int)gen_below(3), nl = 0;
        /* one text in four: a cover page unnumbered, the numbers one less than the pages;
         * every page end then the number alone (a run of them tells) */
        int cover = gen_below(4) == 0;
        char want[256] = {0};          /* 1 blanked, 2 kept (a cell), 3 either */
        int own_end[8];                /* double-spaced: the line of the page's own number ending it, -1 */
        int own_any[8];                /* the page ends with its own number alone (any spacing) */
        int after_footer[8];           /* the line of a number the page's own after its footer, -1 */
        for (int p = 0; p < pages; p++) {
            own_end[p] = after_footer[p] = -1;
            own_any[p] = 0;
            if (p)
                sbuf_adds(&b, "\f");
            nl += page_top(&b, dbl, 0);
            if (p == pages - 1)
                break;
            int kind = cover ? 0 : (int)gen_below(5);
            sbuf_adds(&b, "\n");
            nl++;
            if (kind == 0 && cover && p == 0) {
                sbuf_adds(&b, "\n");  /* the cover: no number */
                nl++;
            } else if (kind == 0) {    /* the page's number after a blank line */
                sbuf_printf(&b, "%d\n", p + 1 - cover);
                if (dbl && !cover)
                    own_end[p] = nl;
                own_any[p] = !cover;
                want[nl++] = dbl ? 2 : cover && pages < 4 ? 3 : 1;   /* double-spaced: a cell as likely (but
                                                                       below); one shifted number alone tells
                                                                       nothing */
            } else if (kind == 1) {    /* a footer whole */
                sbuf_printf(&b, WHOLE[gen_below(6)], p + 1);
                sbuf_adds(&b, "\n");
                want[nl++] = 1;
            } else if (kind == 2) {    /* a footer a piece a line */
                const char *parts[] = {"－", NULL, "/", NULL};
                char page[32], of[16];
                snprintf(page, sizeof page, "第%d页", p + 1);
                snprintf(of, sizeof of, "%d", pages);
                parts[1] = page;
                parts[3] = of;
                for (int q = gen_below(2) ? 0 : 1; q < 4; q++) {
                    if (q) {
                        sbuf_adds(&b, "\n");
                        nl++;
                    }
                    sbuf_printf(&b, "%s\n", parts[q]);
                    want[nl++] = q ? 1 : 2;    /* a dash before it: a table's blank cell as often */
                }
            } else if (kind == 3) {    /* a cell printed after the footer */
                unsigned cell = gen_below(10);
                sbuf_printf(&b, "第%d页\n\n%u\n", p + 1, cell);
                want[nl] = 1;
                want[nl + 2] = 2;
                if (cell == (unsigned)p + 1)
                    after_footer[p] = nl + 2;
                nl += 3;
            } else {                   /* a table's last cell right before the break, the page's number */
                sbuf_printf(&b, "%d\n", p + 1);
                if (dbl)
                    own_end[p] = nl;
                own_any[p] = 1;
                want[nl] = dbl ? 2 : 1;
                nl++;
            }
            sbuf_adds(&b, "\n");
            nl++;
            assert_true(nl < 240);
        }
        /* double-spaced, a page ending with its own number alone, and a number the
         * page's own a blank line after its footer: blanked where another page ends
         * with its own number too (page numbers, not cells that happen to be; the
         * PDF's numbers below the text's own footers, as mutool prints them) */
        for (int p = 0; p + 1 < pages; p++) {
            int others = 0;
            for (int q = 0; q + 1 < pages; q++)
                others += q != p && (own_any[q] || after_footer[q] >= 0);
            if (own_end[p] >= 0 && others)
                want[own_end[p]] = 1;
            if (after_footer[p] >= 0 && others)
                want[after_footer[p]] = 1;
        }
        gk_text *t = blanked_text(&b, nl);
        char what[64];
        snprintf(what, sizeof what, "iteration %d (%s-spaced)", iter, dbl ? "double" : "single");
        check_page_lines(t, want, nl, what, &blanked, &kept);
        text_free(t);
        sbuf_free(&b);
    }
    print_message("page footers: %d lines blanked, %d cells beside them kept\n", blanked, kept);
}

/* A PDF made from a text that has page footers of its own ("- 3 -", its own
 * numbering), read by pdftotext -layout: the text's footer, then two blank lines
 * or more, then the PDF's page number centred, right before the break.  Both are
 * blanked; a decoy centred below the footer that is not the page's number (a
 * table's cell) is kept.  Generated: two to five pages of cells a line. */
static void test_page_number_below_own_footer(void **state)
{
    (void)state;
    static const char *const WHOLE[] = {"第%d页", "%d/8", "- %d -", "—%d—", "第 %d 页"};
    gen_seed(20261206);
    int blanked = 0, kept = 0;
    for (int iter = 0; iter < 300; iter++) {
        sbuf b;
        sbuf_init(&b);
        int pages = 2 + (int)gen_below(4), nl = 0;
        char want[256] = {0};          /* 1 blanked, 2 kept */
        for (int p = 0; p < pages; p++) {
            if (p)
                sbuf_adds(&b, "\f");
            nl += page_top(&b, 0, 12);
            if (p == pages - 1)
                break;
            sbuf_adds(&b, "\n");
            nl++;
            sbuf_printf(&b, WHOLE[gen_below(5)], p + 1 + (int)gen_below(3));   /* the text's own footer */
            sbuf_adds(&b, "\n");
            want[nl++] = 1;
            int gap = 2 + (int)gen_below(3), decoy = gen_below(3) == 0;
            for (int k = 0; k < gap; k++)
                sbuf_adds(&b, "\n");
            nl += gap;
            sbuf_printf(&b, "%*s%d\n", 20 + (int)gen_below(30), "", decoy ? p + 3 + (int)gen_below(5) : p + 1);
            want[nl++] = decoy ? 2 : 1;
            assert_true(nl < 240);
        }
        gk_text *t = blanked_text(&b, nl);
        char what[64];
        snprintf(what, sizeof what, "iteration %d", iter);
        check_page_lines(t, want, nl, what, &blanked, &kept);
        text_free(t);
        sbuf_free(&b);
    }
    print_message("below the text's own footers: %d lines blanked, %d decoys kept\n", blanked, kept);
}

/* Page ends as pdftohtml writes them (a PDF read as a web page: each page's
 * lines without a blank line, its number last, then <hr>, which the web page
 * reader makes a form feed), generated: two to seven pages of cells a line,
 * each page ending with its number (a cover unnumbered shifts them) or with a
 * table's cell (a decoy), in one in four after a footer of the text's own
 * ("- 3 -", blanked).  Blanked: the numbers of pages next to another
 * page so ended, numbered one after another (a run); kept: a number ending
 * one page alone (a table's cell may be its page's number once), the decoys. */
static void test_tight_page_numbers(void **state)
{
    (void)state;
    gen_seed(20261212);
    int blanked = 0, kept = 0;
    for (int iter = 0; iter < 400; iter++) {
        sbuf b;
        sbuf_init(&b);
        int pages = 2 + (int)gen_below(6), nl = 0, shift = (int)gen_below(2);
        int seq[8], at[8], foot[8];
        for (int p = 0; p < 8; p++)
            foot[p] = -1;
        for (int p = 0; p + 1 < pages; p++)
            seq[p] = gen_below(5) != 0;   /* the page's number, or a table's cell last */
        for (int p = 0; p < pages; p++) {
            if (p)
                sbuf_adds(&b, "\f");
            sbuf_adds(&b, "政府信息公开工作年度报告\n");
            nl++;
            for (int k = 0, n = 2 + (int)gen_below(6); k < n; k++) {
                sbuf_printf(&b, "%u\n", gen_below(10));
                nl++;
            }
            if (p == pages - 1)
                break;
            if (gen_below(4) == 0) {   /* a footer of the text's own before it ("- 3 -"): blanked */
                sbuf_printf(&b, "- %d -\n", p + 2);
                foot[p] = nl++;
            }
            sbuf_printf(&b, "%d\n", seq[p] ? p + 1 - shift : 20 + (int)gen_below(50));
            at[p] = nl++;
        }
        gk_text *t = blanked_text(&b, nl);
        for (int p = 0; p + 1 < pages; p++) {
            int run = seq[p] && ((p > 0 && seq[p - 1]) || (p + 2 < pages && seq[p + 1]));   /* decoys: 20 or more */
            int gone = line_blanked(t, at[p]);
            if (run && !gone)
                fail_msg("iteration %d: page %d's number (line %d) kept", iter, p + 1, at[p]);
            if (!run && gone)
                fail_msg("iteration %d: line %d \"%s\" blanked", iter, at[p], t->orig[at[p]].s);
            if (foot[p] >= 0 && !line_blanked(t, foot[p]))
                fail_msg("iteration %d: the footer before page %d's end kept", iter, p + 1);
            blanked += gone;
            kept += !gone;
        }
        text_free(t);
        sbuf_free(&b);
    }
    print_message("tight page ends: %d numbers blanked, %d kept\n", blanked, kept);
}

/* Pages joined as pdf-parse (pdf.js) joins them, no form feed: each page's
 * text, its last line its number (the page's own: blanked) or a table's cell
 * (any other number: kept), zero to two blank lines, then the marker "-- N of
 * M --" (blanked; in one text in four with spaces around it).  Lines that only
 * look like a marker ("-- 2 of 1 --", "-- 2 of --", "--2 or 3--", two
 * numbers after "of") are kept, as is every line of a text without markers
 * but the pages' own numbers before the next page's head when two pages or
 * more end so (test_numbers_before_heads()). */
static void test_page_markers(void **state)
{
    (void)state;
    gen_seed(20261207);
    static const char *const DECOYS[] = {"-- 2 of 1 --", "-- 2 of --", "--2 or 3--", "-- 3 of 2 3 --",
                                         "-- of 3 --", "-- 12 of 30"};
    int blanked = 0, kept = 0;
    for (int iter = 0; iter < 400; iter++) {
        sbuf b;
        sbuf_init(&b);
        int pages = 2 + (int)gen_below(6), nl = 0, markers = gen_below(5) != 0, pad = gen_below(4) == 0;
        int want_blank[128] = {0}, own_at[8], nown = 0;
        for (int p = 0; p < pages && nl < 100; p++) {
            sbuf_adds(&b, "政府信息公开工作年度报告\n");
            nl++;
            for (int k = 0, n = 1 + (int)gen_below(5); k < n; k++, nl++)
                sbuf_printf(&b, "规章\t%u\t%u\n", gen_below(50), gen_below(50));
            if (gen_below(3) == 0) {
                sbuf_printf(&b, "%s\n", DECOYS[gen_below(sizeof DECOYS / sizeof *DECOYS)]);
                nl++;
            }
            int own = gen_below(3) != 0;
            sbuf_printf(&b, "%d\n", own ? p + 1 : p + 2 + (int)gen_below(40));
            own_at[nown] = nl;
            nown += own && !markers && p + 1 < pages;   /* without markers: before the next page's head */
            want_blank[nl++] = own && markers;
            for (int k = 0, n = (int)gen_below(3); k < n; k++, nl++)
                sbuf_adds(&b, "\n");
            if (markers) {
                sbuf_printf(&b, pad ? "  -- %d of %d --  \n" : "-- %d of %d --\n", p + 1, pages);
                want_blank[nl++] = 1;
            }
        }
        for (int k = 0; k < nown && nown >= 2; k++)   /* pages run together (test_numbers_before_heads()) */
            want_blank[own_at[k]] = 1;
        gk_text *t = blanked_text(&b, nl);
        for (int i = 0; i < nl; i++) {
            int gone = line_blanked(t, i);
            if (want_blank[i] && !gone)
                fail_msg("iteration %d: line %d \"%s\" kept", iter, i, t->orig[i].s);
            if (!want_blank[i] && gone)
                fail_msg("iteration %d: line %d \"%s\" blanked", iter, i, t->orig[i].s);
            blanked += want_blank[i];
        }
        kept += nl;
        text_free(t);
        sbuf_free(&b);
    }
    print_message("page markers: %d lines blanked of %d\n", blanked, kept);
}

/* Pages run together without a break or marker (PyMuPDF's pages joined): each
 * page begins with the running head (page 1's first line, or its second after
 * the report's title), its cells a line each; a page ends with its number
 * (the page's own) or with a table's cell (any number), then at times a blank
 * line.  Blanked: the pages' own numbers when two pages or more end so;
 * kept: every other line — a text whose head comes back once (a web page's
 * breadcrumb at its end, a table's last number before it), a page's number
 * one off.  In a third of the texts a form feed marks none of those breaks but
 * begins a line of page 1's (kept from the text the page was made of): the
 * same lines blanked. */
static void test_numbers_before_heads(void **state)
{
    (void)state;
    gen_seed(20261210);
    int blanked = 0, kept = 0;
    for (int iter = 0; iter < 400; iter++) {
        sbuf b;
        sbuf_init(&b);
        int pages = 2 + (int)gen_below(6), nl = 0, at[8], own[8];
        const char *head = gen_below(2) ? "政府信息公开工作年度报告" : "首页 > 政府信息公开年报";
        int stray = gen_below(3) == 0;
        if (gen_below(2)) {
            sbuf_adds(&b, "某某县人民政府2023年政府信息公开工作年度报告\n");
            nl++;
        }
        for (int p = 0; p < pages; p++) {
            sbuf_printf(&b, "%s\n", head);
            nl++;
            if (p == 0 && stray) {
                sbuf_adds(&b, "\f说明：单位为件\n");
                nl++;
            }
            for (int k = 0, n = 2 + (int)gen_below(6); k < n; k++, nl++)
                sbuf_printf(&b, gen_below(3) ? "%u\n" : "规章%u\n", gen_below(10));
            if (p == pages - 1)
                break;
            int kind = (int)gen_below(5);   /* 0: a cell; 1: one off; else the page's number */
            own[p] = kind >= 2;
            sbuf_printf(&b, "%d\n", kind == 0 ? 10 + (int)gen_below(90) : kind == 1 ? p + 2 : p + 1);
            at[p] = nl++;
            if (gen_below(3) == 0) {
                sbuf_adds(&b, "\n");
                nl++;
            }
        }
        int owns = 0;
        for (int p = 0; p + 1 < pages; p++)
            owns += own[p];
        gk_text *t = blanked_text(&b, nl);
        for (int p = 0; p + 1 < pages; p++) {
            int want = own[p] && owns >= 2, gone = line_blanked(t, at[p]);
            if (want && !gone)
                fail_msg("iteration %d: page %d's number (line %d) kept", iter, p + 1, at[p]);
            if (!want && gone)
                fail_msg("iteration %d: line %d \"%s\" blanked", iter, at[p], t->orig[at[p]].s);
            blanked += gone;
        }
        for (int i = 0; i < nl; i++)   /* nothing else */
            kept += !line_blanked(t, i);
        text_free(t);
        sbuf_free(&b);
    }
    print_message("pages run together: %d page numbers blanked, %d lines kept\n", blanked, kept);
}

/* The text's lines after the passes that rewrite what a converter left
 * (text_decode_refs(), text_strip_tags(), text_list_rows()): the first line
 * reads as want, the next n as after[]. */
static void assert_rewritten(const char *text, const char *want, const char *const *after, int n, int iter)
{
    const char *why = NULL;
    gk_text *t = text_decode(text, strlen(text), &why);
    assert_non_null(t);
    text_decode_refs(t);
    text_strip_tags(t);
    text_list_rows(t);
    if (strcmp(t->norm[0].s, want))
        fail_msg("%d: \"%s\" read as \"%s\", want \"%s\"", iter, text, t->norm[0].s, want);
    for (int k = 0; k < n; k++)
        assert_string_equal(t->norm[1 + k].s, after[k]);
    text_free(t);
}

/* Rows a program printed as list literals, generated: cells of labels (quotes,
 * backslashes, a tab in them), counts, decimals, empty cells; written as Python's
 * repr (a cell holding ' quoted with ", None for an empty one or ''), or as JSON
 * (null, characters beyond ASCII as they are or \uXXXX escaped, a pair for one
 * beyond the BMP), with or without spaces after the commas, indented or not.  Each
 * such line reads as its cells separated by tabs; lines that are no list of cells
 * stay as they are ("[2023]", "[1] 见附件", "['a', b]", "[\"x\"" unclosed). */
static void test_list_rows(void **state)
{
    (void)state;
    static const char *const CELLS[] = {"一、本年新收政府信息公开申请数量", "规章", "0", "12", "3.5", "",
                                        "说'明'", "他说\"是\"", "a\\b", "行政\t许可", "𠀀字", "(二)部分公开"};
    gen_seed(20261209);
    for (int iter = 0; iter < 2000; iter++) {
        int json = (int)gen_below(3), none = (int)gen_below(2), sp = (int)gen_below(2), n = 2 + (int)gen_below(8);
        sbuf line, want;
        sbuf_init(&line);
        sbuf_init(&want);
        sbuf_adds(&line, gen_below(4) ? "" : "  ");
        sbuf_adds(&line, "[");
        for (int k = 0; k < n; k++) {
            const char *c = CELLS[gen_below(12)];
            if (k == 0 && !*c)
                c = "规章";            /* a string in every row */
            if (k) {
                sbuf_adds(&line, sp ? ", " : ",");
                sbuf_adds(&want, "\t");
            }
            for (const char *p = c; *p; p++)
                sbuf_printf(&want, "%c", *p == '\t' ? ' ' : *p);
            if (!*c && none) {
                sbuf_adds(&line, json ? "null" : "None");
                continue;
            }
            char q = json || strchr(c, '\'') ? '"' : '\'';
            sbuf_printf(&line, "%c", q);
            for (const char *p = c; *p;) {
                unsigned char b = (unsigned char)*p;
                if (b == '\\' || (b == (unsigned char)q)) {
                    sbuf_printf(&line, "\\%c", *p++);
                } else if (b == '\t') {
                    sbuf_adds(&line, json || gen_below(2) ? "\\t" : "\t");
                    p++;
                } else if (b >= 0x80 && json == 2) {
                    unsigned cp;
                    int m = utf8_decode(p, strlen(p), &cp);
                    if (cp >= 0x10000)
                        sbuf_printf(&line, "\\u%04x\\u%04x", 0xD800 + ((cp - 0x10000) >> 10),
                                    0xDC00 + ((cp - 0x10000) & 0x3FF));
                    else
                        sbuf_printf(&line, "\\u%04x", cp);
                    p += m;
                } else {
                    sbuf_printf(&line, "%c", *p++);
                }
            }
            sbuf_printf(&line, "%c", q);
        }
        sbuf_adds(&line, "]\n[2023]\n[1] 见附件\n['a', b]\n[\"x\"\n");
        static const char *const KEPT[] = {"[2023]", "[1] 见附件", "['a', b]", "[\"x\""};
        assert_rewritten(line.s, want.s, KEPT, 4, iter);
        sbuf_free(&line);
        sbuf_free(&want);
    }
}

/* Tags a converter left in the text, generated: cells and words wrapped in inline
 * tags with attributes (quoted '>' in them), rows "<tr><td>…</td>…</tr>" on a line,
 * a cell "<td …>x</td>" alone on a line, "<br />" inside a label, block tags between
 * words, named references.  Each line reads as its words without the tags: a cell
 * after another on its line a tab, a block or a line break a space, an inline tag
 * nothing.  Decoys stay as they are: "<5件", "a<b", "<unknown>x", "x < y", "&copy;". */
static void test_strip_tags(void **state)
{
    (void)state;
    static const char *const WORDS[] = {"规章", "0", "12", "一、本年新收政府信息公开申请数量", "行政许可", "3.5", ""};
    static const char *const INLINE[][2] = {{"<span style=\"font-family:宋体\">", "</span>"},
                                            {"<b>", "</b>"},
                                            {"<font face='a>b' size=3>", "</font>"},
                                            {"<SPAN lang=EN-US>", "</SPAN>"},
                                            {"<o:p>", "</o:p>"},
                                            {"", ""}};
    gen_seed(20261210);
    for (int iter = 0; iter < 2000; iter++) {
        sbuf line, want;
        sbuf_init(&line);
        sbuf_init(&want);
        int style = (int)gen_below(3), n = 1 + (int)gen_below(6);
        if (style == 1)
            sbuf_adds(&line, gen_below(2) ? "<tr>" : "<tr class=\"odd\">");
        for (int k = 0; k < n; k++) {
            const char *w = WORDS[gen_below(7)];
            const char *const *tag = INLINE[gen_below(6)];
            if (style == 1) {
                sbuf_adds(&line, gen_below(2) ? "<td>" : "<td colspan=\"3\" style=\"width:5%\">");
                if (k)
                    sbuf_adds(&want, "\t");
            } else if (k) {
                sbuf_adds(&line, style == 0 ? "\t" : " ");
                sbuf_adds(&want, style == 0 ? "\t" : " ");
            }
            sbuf_printf(&line, "%s%s%s", tag[0], w, tag[1]);
            sbuf_adds(&want, w);
            if (style == 1)
                sbuf_adds(&line, "</td>");
        }
        if (style == 1)
            sbuf_adds(&line, "</tr>");
        /* a label broken by a line break, a block tag between words, references */
        sbuf_adds(&line, "\n<td>社会<br />公益组织</td>\n甲</p><p>乙\n a&nbsp;b&amp;c&lt;d\n");
        sbuf_adds(&line, "<5件 a<b <unknown>x x < y &copy; <span\n");
        static const char *const AFTER[] = {"社会 公益组织", "甲 乙", " a b&c<d", "<5件 a<b <unknown>x x < y &copy; <span"};
        assert_rewritten(line.s, want.s, AFTER, 4, iter);
        sbuf_free(&line);
        sbuf_free(&want);
    }
}

/* Hostile lines for the rewriting passes (text_decode_refs(), text_strip_tags(),
 * text_list_rows()), generated from pieces that start what they parse and stop
 * anywhere: "['", "\\u12", "\\x", "<td", "<span a='>", "&#x", "&nbsp", None, ", ",
 * quotes, backslashes, CJK, bytes of cut characters.  Under the sanitizers: no read
 * past a line, no line longer than it was, no NUL inside a line's length, and
 * a line none of them touches (no '[', '<' or '&') the same bytes. */
static void test_rewrites_hostile(void **state)
{
    (void)state;
    static const char *const PARTS[] = {"[",     "]",     "['",   "\"",    "'",       "\\",     "\\u12",  "\\ud800",
                                        "\\x",   "\\U0001", "None", "null",  ", ",      ",",      "<td",    "<td>",
                                        "</td>", "<span a='>", "<br", "<br />", "&#x",   "&#20917", "&nbsp", "&amp;",
                                        "规章",  "0",     "12",   "\xe8\xa7", " ",     "<",      ">",      "&"};
    gen_seed(20261213);
    char buf[512];
    for (int iter = 0; iter < 20000; iter++) {
        size_t n = gen_pieces(buf, sizeof buf - 2, PARTS, sizeof PARTS / sizeof *PARTS, 24);
        for (size_t k = 0; k < n; k++)
            if (buf[k] == '\0' || buf[k] == '\n' || buf[k] == '\r')
                buf[k] = ' ';
        buf[n] = '\n';
        buf[n + 1] = '\0';
        const char *why = NULL;
        gk_text *t = text_decode(buf, n + 1, &why);
        if (!t)
            continue;                  /* (a cut character may make it no text) */
        size_t before = t->norm[0].len;
        char *copy = xstrndup(t->norm[0].s, before);
        text_decode_refs(t);
        text_strip_tags(t);
        text_list_rows(t);
        const gk_line *l = &t->norm[0];
        assert_true(l->len <= before);
        assert_true(memchr(l->s, '\0', l->len) == NULL);
        if (!memchr(copy, '[', before) && !memchr(copy, '<', before) && !memchr(copy, '&', before))
            assert_memory_equal(l->s, copy, before);
        free(copy);
        text_free(t);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_crlf_lines),
        cmocka_unit_test(test_utf8_bom),
        cmocka_unit_test(test_utf16_with_bom),
        cmocka_unit_test(test_utf16_without_bom),
        cmocka_unit_test(test_gb18030),
        cmocka_unit_test(test_rejects_empty_binary_and_garbage),
        cmocka_unit_test(test_mostly_utf8_repaired),
        cmocka_unit_test(test_normalise),
        cmocka_unit_test(test_line_numbers_kept),
        cmocka_unit_test(test_normalise_every_fold),
        cmocka_unit_test(test_normalise_box_drawing),
        cmocka_unit_test(test_normalise_by_words_matches_by_characters),
        cmocka_unit_test(test_utf8_bom_repair),
        cmocka_unit_test(test_utf16_matches_iconv),
        cmocka_unit_test(test_gb18030_matches_iconv),
        cmocka_unit_test(test_arena_strdup_copies),
        cmocka_unit_test(test_find_matches_memmem),
        cmocka_unit_test(test_norm_find_matches_per_line),
        cmocka_unit_test(test_decode_adopt),
        cmocka_unit_test(test_decode_refs_case),
        cmocka_unit_test(test_utf8_verdict),
        cmocka_unit_test(test_until_matches_whole),
        cmocka_unit_test(test_utf8_damaged_by_converter),
        cmocka_unit_test(test_page_numbers_blanked),
        cmocka_unit_test(test_page_footers_blanked),
        cmocka_unit_test(test_page_number_below_own_footer),
        cmocka_unit_test(test_tight_page_numbers),
        cmocka_unit_test(test_page_markers),
        cmocka_unit_test(test_numbers_before_heads),
        cmocka_unit_test(test_list_rows),
        cmocka_unit_test(test_strip_tags),
        cmocka_unit_test(test_rewrites_hostile),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
