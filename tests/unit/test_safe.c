/* test_safe.c — the output neutraliser (src/safe.c) and the one number
 * parser (src/number.c), issue #17: fixed cases from the issue, then seeded
 * generated inputs checked against properties. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "number.h"
#include "output.h"
#include "report.h"
#include "safe.h"
#include "text.h"
#include "util.h"
#include "view_text.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the neutraliser ------------------------------------------------------------ */

static char *neut(const char *s, int keep)
{
    return safe_dup(s, keep);
}

static void test_osc_title_and_clear(void **state)
{
    (void)state;
    char *s = neut("x\x1b]0;PWNED\x07\x1b[2J.txt", 0);
    assert_string_equal(s, "x^[]0;PWNED^G^[[2J.txt");
    free(s);
    s = neut("a\xc2\x9b" "31mb\xe2\x80\xae" "cba\x7f\xff", 0);   /* C1 CSI, RLO, DEL, an invalid byte */
    assert_string_equal(s, "a<U+009B>31mb<RLO>cba^?\xEF\xBF\xBD");
    free(s);
    s = neut("第一行\n第二行\t尾", 0);
    assert_string_equal(s, "第一行^J第二行^I尾");
    free(s);
    s = neut("第一行\n第二行\t尾\r", SAFE_KEEP_NL | SAFE_KEEP_TAB);
    assert_string_equal(s, "第一行\n第二行\t尾^M");
    free(s);
    s = neut("川汇区政府办公室 2023 年（含全角：１２３，“引号”）", 0);
    assert_string_equal(s, "川汇区政府办公室 2023 年（含全角：１２３，“引号”）");
    free(s);
}

static void test_excerpt_is_short(void **state)
{
    (void)state;
    sbuf b;
    sbuf_init(&b);
    for (int i = 0; i < 1000; i++)
        sbuf_adds(&b, "根:x:0:0:root:/root:/bin/bash\x1b[2J\n");
    char *e = safe_excerpt(b.s, b.len, 40);
    assert_true(strlen(e) < 200);
    assert_non_null(strstr(e, "…"));
    assert_null(strchr(e, '\x1b'));
    assert_null(strchr(e, '\n'));
    free(e);
    e = safe_excerpt("短", 3, 40);
    assert_string_equal(e, "短");
    free(e);
    sbuf_free(&b);
}

/* Whether s is valid UTF-8 holding nothing a terminal acts on. */
static int harmless(const char *s, int keep)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        unsigned cp;
        int n = utf8_decode(s + i, len - i, &cp);
        if (n <= 0)
            return 0;
        if (cp == '\n' && (keep & SAFE_KEEP_NL)) {
        } else if (cp == '\t' && (keep & SAFE_KEEP_TAB)) {
        } else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
                   (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F) {
            return 0;
        }
        i += (size_t)n;
    }
    return 1;
}

/* Random bytes weighted towards what hurts: ESC, BEL, CSI, C1 in UTF-8, bidi,
 * truncated and overlong sequences, Chinese. */
static size_t random_text(unsigned *seed, char *buf, size_t cap)
{
    static const char *const PIECES[] = {
        "\x1b", "\x07", "\x1b]0;", "\x1b[2J", "\xc2\x9b", "\xc2\x9d", "\xe2\x80\xae", "\xe2\x81\xa6", "\xef\xbb\xbf",
        "\xe2\x80\x8b", "\xff", "\xc0\xaf", "\xe4\xb8", "\xf0\x9f\x98\x80", "审核", "，", "a", "%", "\t", "\n", "\r",
        "\x7f", "\xc2\xa0", "\xf3\xa0\x80\x81"};
    size_t len = 0, n = (size_t)(rand_r(seed) % 40);
    for (size_t k = 0; k < n; k++) {
        const char *p;
        char one[2] = {0};
        if (rand_r(seed) % 4 == 0) {
            one[0] = (char)(1 + rand_r(seed) % 255);
            p = one;
        } else {
            p = PIECES[rand_r(seed) % (sizeof PIECES / sizeof PIECES[0])];
        }
        size_t l = strlen(p);
        if (len + l + 1 > cap)
            break;
        memcpy(buf + len, p, l);
        len += l;
    }
    buf[len] = '\0';
    return len;
}

static void test_neutralised_is_harmless_and_stable(void **state)
{
    (void)state;
    unsigned seed = 17;
    char buf[512];
    for (int i = 0; i < 20000; i++) {
        random_text(&seed, buf, sizeof buf);
        int keep = i % 4;
        char *once = neut(buf, keep);
        assert_true(harmless(once, keep));
        char *twice = neut(once, keep);
        assert_string_equal(once, twice);       /* placeholders are themselves harmless */
        assert_int_equal(safe_is_clean(buf, strlen(buf), keep), strcmp(once, buf) == 0);
        char *e = safe_excerpt(buf, strlen(buf), 10);
        assert_true(harmless(e, 0));
        free(e);
        free(twice);
        free(once);
    }
}

/* Every code point the command line replaces is one the screen replaces,
 * with the same placeholder; the screen's own controls, bidi and format
 * placeholders are the command line's. */
static void test_same_placeholders_as_screen(void **state)
{
    (void)state;
    assert_non_null(setlocale(LC_CTYPE, "C.UTF-8"));
    for (unsigned cp = 1; cp <= 0x10FFFF; cp++) {
        if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == '\t')
            continue;
        char u[5] = {0};
        int n = utf8_encode(cp, u);
        char *mine = neut(u, 0);
        int changed = strcmp(mine, u) != 0;
        view_glyph g;
        view_glyph_next(u, (size_t)n, 0, 8, &g);
        int screen_control = cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x200B && cp <= 0x200F) ||
                             (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF ||
                             cp == 0x061C;
        if (changed || screen_control) {
            if (g.kind != VIEW_G_PH || !changed)
                fail_msg("U+%04X: command line %s, screen %s", cp, changed ? "replaces" : "keeps",
                         g.kind == VIEW_G_PH ? "replaces" : "keeps");
            char ph[64];
            size_t k = 0;
            for (int j = 0; j < g.n; j++)
                k += (size_t)utf8_encode((unsigned)g.wc[j], ph + k);
            ph[k] = '\0';
            if (strcmp(ph, mine) != 0)
                fail_msg("U+%04X: command line %s, screen %s", cp, mine, ph);
        }
        free(mine);
    }
}

/* Whether safe.h shows code point cp as a placeholder (nothing kept). */
static int shown_as_placeholder(unsigned cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF || cp == 0x180E || cp == 0x061C ||
           (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0xE0000 && cp <= 0xE007F);
}

/* The neutraliser of safe.h written out plainly, one code point at a time
 * (nothing kept): what safe_dup() must give whatever path it takes. */
static char *plain_neut(const char *s, size_t len)
{
    sbuf b;
    sbuf_init(&b);
    for (size_t i = 0; i < len;) {
        unsigned cp;
        int n = utf8_decode(s + i, len - i, &cp);
        if (n <= 0) {
            sbuf_adds(&b, "\xEF\xBF\xBD");
            i++;
            continue;
        }
        if (shown_as_placeholder(cp)) {
            char ph[16];
            sbuf_add(&b, ph, (size_t)safe_placeholder(cp, ph, sizeof ph));
        } else {
            sbuf_add(&b, s + i, (size_t)n);
        }
        i += (size_t)n;
    }
    return sbuf_steal(&b);
}

/* clean_run() passes some characters by their bytes (usual()): every one
 * to three bytes from a lead byte on, followed by ASCII, are clean exactly
 * when plain_neut() leaves them as they are. */
static void test_clean_fast_bytes(void **state)
{
    (void)state;
    static const unsigned char LEADS[] = {0xC2, 0xC3, 0xD8, 0xE0, 0xE1, 0xE2, 0xE3, 0xE4, 0xE7, 0xE9, 0xEA, 0xED, 0xEF};
    int clean = 0;
    for (size_t l = 0; l < sizeof LEADS; l++)
        for (unsigned b1 = 0x01; b1 <= 0xFF; b1++)
            for (unsigned b2 = 0x01; b2 <= 0xFF; b2++)
                for (size_t len = 1; len <= 3; len++) {
                    if (len < 3 && b2 > 1)
                        continue;      /* b2 is not in it */
                    char s[8] = {(char)LEADS[l], (char)b1, (char)b2, 0};
                    s[len] = 'a';
                    s[len + 1] = '\0';
                    char *plain = plain_neut(s, len + 1);
                    int want = strcmp(plain, s) == 0;
                    free(plain);
                    int got = safe_is_clean(s, len + 1, 0);
                    if (got != want)
                        fail_msg("%02X %02X %02X (%zu bytes): clean %d, want %d", LEADS[l], b1, b2, len, got, want);
                    clean += got;
                }
    assert_true(clean > 20000);
}

/* Long seeded texts, mostly what clean_run() passes 16 or 32 bytes at a time
 * (ASCII, Chinese, full-width forms) with now and then something it must
 * stop at — a control, a format character, E2 punctuation, a cut or stray
 * byte, EF not before BC/BD — at every offset: safe_dup() as plain_neut(),
 * safe_is_clean() 1 exactly when nothing changes. */
static void test_clean_blocks(void **state)
{
    (void)state;
    static const char *const COMMON[] = {"a", "Z", " ", "~", "0", "审", "核", "〇", "　", "，", "（", "）", "：",
                                         "\xe9\xbf\xbf", "\xe3\x80\x80", "\xef\xbd\xbf", "\xef\xbc\x80",
                                         "·", "−", "①", "\xc2\xa0", "\xc2\xbf", "\xe2\x82\x80", "\xe2\xbf\xbf"};
    static const char *const RARE[] = {"\x1b", "\n", "\t", "\x7f", "\xc2\x85", "\xc2\xa0", "\xe2\x80\x9c",
                                       "\xe2\x80\xae", "\xef\xbb\xbf", "\xef\xbf\xb9", "\xef\xbe\x80",
                                       "\xe4\xb8", "\xe4", "\x80", "\xbf", "—", "※", "\xc2\x9f", "\xc2", "\xe2\x81\xa0",
                                       "\xe2\x80\x8b", "\xe2\x82", "\xc3\xa9", "\xd8\x9c", "\xff", "\xed\xa0\x80", "\xe0\x80\x80",
                                       "\xf0\x9f\x98\x80", "\xf3\xa0\x80\x81", "\xef\xbc", "\xe9\xbf"};
    unsigned seed = 29;
    char buf[600];
    int clean = 0;
    for (int round = 0; round < 20000; round++) {
        size_t len = 0, n = (size_t)(rand_r(&seed) % 120);
        int rare = rand_r(&seed) % 3 == 0 ? 0 : 1 + rand_r(&seed) % 60;   /* one in rare pieces, or none */
        for (size_t k = 0; k < n; k++) {
            const char *p = rare && rand_r(&seed) % rare == 0 ? RARE[rand_r(&seed) % (sizeof RARE / sizeof RARE[0])]
                                                             : COMMON[rand_r(&seed) % (sizeof COMMON / sizeof COMMON[0])];
            size_t l = strlen(p);
            if (len + l + 1 > sizeof buf)
                break;
            memcpy(buf + len, p, l);
            len += l;
        }
        buf[len] = '\0';
        for (size_t off = 0; off < 3 && off <= len; off++) {
            char *want = plain_neut(buf + off, len - off);
            char *got = safe_dup(buf + off, 0);
            assert_string_equal(got, want);
            int same = strcmp(want, buf + off) == 0;
            assert_int_equal(safe_is_clean(buf + off, len - off, 0), same);
            clean += same;
            free(got);
            free(want);
        }
    }
    assert_true(clean > 10000);
}

/* clean_run() by blocks of 32 bytes, the last fewer than 32 copied with
 * spaces after them: one rare piece (test_clean_blocks()'s kinds) at every
 * byte offset of texts of every length up to 100 bytes, around it ASCII,
 * Chinese or full-width forms — characters cut by a block's end or by the
 * text's — as plain_neut() says. */
static void test_clean_block_edges(void **state)
{
    (void)state;
    static const char *const FILL[] = {"a", "审", "，", "·", "ab审"};
    static const char *const RARE[] = {"", "\x1b", "\n", "\x7f", "\xc2\x85", "\xe2\x80\xae", "\xef\xbb\xbf",
                                       "\xe4\xb8", "\xe4", "\x80", "\xc3\xa9", "\xf0\x9f\x98\x80", "\xed\xa0\x80",
                                       "\xe0\x80\x80", "\xef\xbc", "\xe2\x82", "\xc2"};
    char buf[160];
    int clean = 0;
    for (size_t f = 0; f < sizeof FILL / sizeof FILL[0]; f++)
        for (size_t r = 0; r < sizeof RARE / sizeof RARE[0]; r++)
            for (size_t len = 1; len <= 100; len++)
                for (size_t at = 0; at <= len; at++) {
                    size_t n = 0;
                    while (n < at) {  /* the fill up to at (cut where at falls in a character) */
                        size_t l = strlen(FILL[f]);
                        memcpy(buf + n, FILL[f], l);
                        n += l;
                    }
                    n = at;
                    size_t lr = strlen(RARE[r]);
                    memcpy(buf + n, RARE[r], lr);
                    n += lr;
                    while (n < len + lr) {
                        size_t l = strlen(FILL[f]);
                        memcpy(buf + n, FILL[f], l);
                        n += l;
                    }
                    n = len + lr;
                    buf[n] = '\0';
                    char *want = plain_neut(buf, n);
                    int same = strcmp(want, buf) == 0;
                    if (safe_is_clean(buf, n, 0) != same)
                        fail_msg("fill %zu rare %zu len %zu at %zu: clean %d", f, r, len, at, !same);
                    clean += same;
                    free(want);
                }
    assert_true(clean > 1000);
}

/* output_findings_text_buf() looks at the file name once and each line from
 * after it: seeded names and messages, clean or not (a character cut
 * between the name and the line's rest among them), give what
 * safe_asprintf() gives of each line's format. */
static void test_findings_text_lines(void **state)
{
    (void)state;
    static const char *const PATHS[] = {"./a.txt", "./审核/报告.html", "./\x1b[2J.txt", "./\xe4\xb8", "./x\xef\xbc",
                                        "./\xe2\x80\xae.md", "", "./\xc2"};
    static const char *const RULES[] = {"CELL.MISSING", "T1.SUM", "R\x1b"};
    unsigned seed = 41;
    char msgs[8][200];
    for (size_t p = 0; p < sizeof PATHS / sizeof PATHS[0]; p++)
        for (int round = 0; round < 200; round++) {
            gk_report r;
            memset(&r, 0, sizeof r);
            gk_finding f[8];
            memset(f, 0, sizeof f);
            r.path = (char *)PATHS[p];
            r.findings = f;
            r.nfindings = 1 + rand_r(&seed) % 8;
            for (int i = 0; i < r.nfindings; i++) {
                if (rand_r(&seed) % 2) {
                    random_text(&seed, msgs[i], sizeof msgs[i]);
                } else {       /* Chinese, often cut at the start (the name before it may end in a lead) */
                    const char *m = "\xb8\xad缺失：该行只读到 2 个数字（应为 3 个）";
                    snprintf(msgs[i], sizeof msgs[i], "%s", m + rand_r(&seed) % 3);
                }
                f[i].message = msgs[i];
                f[i].rule = RULES[rand_r(&seed) % 3];
                f[i].line = rand_r(&seed) % 3 ? rand_r(&seed) % 500 : 0;
                f[i].severity = rand_r(&seed) % 2 ? GK_SEV_ERROR : GK_SEV_WARNING;
                f[i].dismissed = rand_r(&seed) % 5 == 0;
                f[i].dismiss_reason = rand_r(&seed) % 2 ? "已核实\x07" : NULL;
            }
            sbuf got, want;
            sbuf_init(&got);
            sbuf_init(&want);
            output_findings_text_buf(&got, &r);
            for (int i = 0; i < r.nfindings; i++) {
                char at[16] = "";
                if (f[i].line)
                    snprintf(at, sizeof at, ":%d", f[i].line);
                char *line = f[i].dismissed
                                 ? safe_asprintf("%s%s: %s: %s [%s] (已忽略：%s)\n", r.path, at, "note", f[i].message,
                                                 f[i].rule, f[i].dismiss_reason ? f[i].dismiss_reason : "")
                                 : safe_asprintf("%s%s: %s: %s [%s]\n", r.path, at, report_severity_name(f[i].severity),
                                                 f[i].message, f[i].rule);
                sbuf_adds(&want, line);
                free(line);
            }
            assert_string_equal(got.s ? got.s : "", want.s ? want.s : "");
            sbuf_free(&got);
            sbuf_free(&want);
        }
}

static void test_csv_formula_cells(void **state)
{
    (void)state;
    assert_true(safe_csv_formula("=cmd|'/c calc'!A1"));
    assert_true(safe_csv_formula("+1+1"));
    assert_true(safe_csv_formula("-2+3"));
    assert_true(safe_csv_formula("@SUM(A1)"));
    assert_true(safe_csv_formula("\t=1"));
    assert_true(safe_csv_formula("\r=1"));
    assert_true(safe_csv_formula("＝1+1"));
    assert_false(safe_csv_formula("-3"));
    assert_false(safe_csv_formula("+2"));
    assert_false(safe_csv_formula("12.5"));
    assert_false(safe_csv_formula("川汇区=1"));
    assert_false(safe_csv_formula(""));

    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    output_csv_field(f, "=cmd|'/c calc'!A1", 0);
    output_csv_field(f, "-3", 0);
    output_csv_field(f, "@x,\"y\"", 0);
    output_csv_field(f, "备注\n第二行\x1b]0;t\x07", 1);
    fclose(f);
    assert_string_equal(out, "'=cmd|'/c calc'!A1,-3,\"'@x,\"\"y\"\"\",\"备注\n第二行^[]0;t^G\"\n");
    free(out);
}

/* Generated cells: whatever a field holds, no written CSV field starts a formula. */
static void test_csv_never_formula(void **state)
{
    (void)state;
    unsigned seed = 4242;
    char buf[512];
    static const char *const STARTS[] = {"=", "+", "-", "@", "\t", "\r", "＝", "－", "", " "};
    for (int i = 0; i < 20000; i++) {
        size_t l = strlen(STARTS[i % 10]);
        memcpy(buf, STARTS[i % 10], l);
        random_text(&seed, buf + l, sizeof buf - l);
        char *out = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&out, &len);
        output_csv_field(f, buf, 1);
        fclose(f);
        const char *cell = out[0] == '"' ? out + 1 : out;
        int plain = 1;
        for (const char *p = buf[0] == '-' || buf[0] == '+' ? buf + 1 : buf; *p; p++)
            plain &= (*p >= '0' && *p <= '9') || *p == '.';
        if (!plain || !buf[0])
            assert_true(strchr("=+-@\t\r", cell[0]) == NULL || cell[0] == '\0');
        assert_true(strncmp(cell, "＝", 3) != 0 && strncmp(cell, "－", 3) != 0);
        assert_true(harmless(out, SAFE_KEEP_NL | SAFE_KEEP_TAB));
        free(out);
    }
}

/* ---- the number parser --------------------------------------------------------------- */

static void test_number_issue_cases(void **state)
{
    (void)state;
    double v;
    const char *why = NULL;
    assert_int_equal(number_parse("1,130", NUMBER_COUNT, &v, &why), 0);
    assert_true(v == 1130);
    assert_int_equal(number_parse("１２３", NUMBER_COUNT, &v, &why), 0);
    assert_true(v == 123);
    assert_int_equal(number_parse("１，２３４", NUMBER_COUNT, &v, &why), 0);
    assert_true(v == 1234);
    assert_int_equal(number_parse(" 42　", NUMBER_COUNT, &v, &why), 0);
    assert_true(v == 42);
    assert_int_equal(number_parse("0x10", NUMBER_COUNT, &v, &why), -1);
    assert_non_null(strstr(why, "十六进制"));
    assert_int_equal(number_parse("1e5", NUMBER_COUNT, &v, &why), -1);
    assert_non_null(strstr(why, "科学计数法"));
    assert_int_equal(number_parse("99999999999999999999999", NUMBER_COUNT, &v, &why), -1);
    assert_non_null(strstr(why, "上限"));
    assert_int_equal(number_parse("1000000000001", NUMBER_ANY, &v, &why), -1);
    assert_non_null(strstr(why, "上限"));
    assert_int_equal(number_parse("1,000,000,000,000", NUMBER_COUNT, &v, &why), 0);
    assert_true(v == 1e12);
    assert_int_equal(number_parse("1,13", NUMBER_COUNT, &v, &why), -1);
    assert_non_null(strstr(why, "千位"));
    assert_int_equal(number_parse("1234,567", NUMBER_COUNT, &v, &why), -1);
    assert_int_equal(number_parse(",123", NUMBER_COUNT, &v, &why), -1);
    assert_int_equal(number_parse("1 130", NUMBER_COUNT, &v, &why), -1);
    assert_int_equal(number_parse("-1", NUMBER_COUNT, &v, &why), -1);
    assert_non_null(strstr(why, "负"));
    assert_int_equal(number_parse("－2", NUMBER_SIGNED, &v, &why), 0);
    assert_true(v == -2);
    assert_int_equal(number_parse("+2", NUMBER_SIGNED, &v, &why), 0);
    assert_true(v == 2);
    assert_int_equal(number_parse("1.5", NUMBER_COUNT, &v, &why), -1);
    assert_non_null(strstr(why, "整数"));
    assert_int_equal(number_parse("3.0", NUMBER_COUNT, &v, &why), 0);
    assert_true(v == 3);
    assert_int_equal(number_parse("１２．５", NUMBER_DECIMAL, &v, &why), 0);
    assert_true(v == 12.5);
    assert_int_equal(number_parse("0.1234567", NUMBER_DECIMAL, &v, &why), -1);
    assert_int_equal(number_parse("inf", NUMBER_ANY, &v, &why), -1);
    assert_int_equal(number_parse("nan", NUMBER_ANY, &v, &why), -1);
    assert_int_equal(number_parse("", NUMBER_ANY, &v, &why), -1);
    assert_int_equal(number_parse("-", NUMBER_ANY, &v, &why), -1);
    assert_int_equal(number_parse("-0", NUMBER_COUNT, &v, &why), 0);
    assert_true(v == 0 && !signbit(v));
    char buf[40];
    assert_string_equal(number_format(1e12, buf, sizeof buf), "1000000000000");
    assert_string_equal(number_format(-0.0, buf, sizeof buf), "0");
    assert_string_equal(number_format(0.000001, buf, sizeof buf), "0.000001");
    assert_string_equal(number_format(3.5, buf, sizeof buf), "3.5");
}

/* Writes n (< 10^13) in a random but valid spelling: grouped or not, with
 * full-width digits and separators at random, padded by spaces. */
static void spell(unsigned *seed, unsigned long long n, int neg, char *out, size_t cap)
{
    char d[32];
    snprintf(d, sizeof d, "%llu", n);
    size_t nd = strlen(d);
    int group = rand_r(seed) % 2, full = rand_r(seed) % 3;
    sbuf b;
    sbuf_init(&b);
    if (rand_r(seed) % 3 == 0)
        sbuf_adds(&b, rand_r(seed) % 2 ? " " : "　");
    if (neg)
        sbuf_adds(&b, rand_r(seed) % 2 ? "-" : "－");
    else if (rand_r(seed) % 5 == 0)
        sbuf_adds(&b, "+");
    for (size_t i = 0; i < nd; i++) {
        if (group && i && (nd - i) % 3 == 0)
            sbuf_adds(&b, rand_r(seed) % 2 ? "," : "，");
        if (full == 2 || (full == 1 && rand_r(seed) % 2)) {
            char f[4] = {(char)0xEF, (char)0xBC, (char)(0x90 + d[i] - '0'), 0};
            sbuf_adds(&b, f);
        } else {
            sbuf_addc(&b, d[i]);
        }
    }
    if (rand_r(seed) % 3 == 0)
        sbuf_adds(&b, " ");
    snprintf(out, cap, "%s", b.s);
    sbuf_free(&b);
}

static void test_number_generated_spellings(void **state)
{
    (void)state;
    unsigned seed = 1130;
    char text[128];
    for (int i = 0; i < 50000; i++) {
        unsigned long long n = ((unsigned long long)rand_r(&seed) << 31 | (unsigned)rand_r(&seed)) %
                               (i % 2 ? 2000000000000ULL : 100000ULL);
        int neg = i % 7 == 0 && n;
        spell(&seed, n, neg, text, sizeof text);
        double v = -1;
        const char *why = NULL;
        int rc = number_parse(text, NUMBER_SIGNED, &v, &why);
        if (n > 1000000000000ULL) {
            if (rc != -1 || !strstr(why, "上限"))
                fail_msg("%s: accepted above the bound", text);
            continue;
        }
        if (rc != 0 || v != (neg ? -(double)n : (double)n))
            fail_msg("%s: rc %d v %.0f (%s)", text, rc, v, rc ? why : "");
        rc = number_parse(text, NUMBER_COUNT, &v, &why);
        assert_int_equal(rc, neg ? -1 : 0);
        char f[40];
        number_format(neg ? -(double)n : (double)n, f, sizeof f);
        assert_int_equal(number_parse(f, NUMBER_ANY, &v, &why), 0);
        assert_true(v == (neg ? -(double)n : (double)n));
    }
}

/* Whatever strtod() would make of hex, exponents or junk, the parser refuses
 * it unless it is plain decimal text; what it accepts formats back to itself. */
static void test_number_refuses_what_is_not_decimal(void **state)
{
    (void)state;
    unsigned seed = 99;
    static const char ALPHA[] = "0123456789,.+-eExXabf ";
    char s[24];
    for (int i = 0; i < 100000; i++) {
        size_t n = 1 + (size_t)(rand_r(&seed) % 12);
        for (size_t k = 0; k < n; k++)
            s[k] = ALPHA[rand_r(&seed) % (sizeof ALPHA - 1)];
        s[n] = '\0';
        double v;
        const char *why = NULL;
        if (number_parse(s, NUMBER_ANY, &v, &why) != 0) {
            assert_non_null(why);
            continue;
        }
        for (const char *p = s; *p; p++)
            if (strchr("eExXabf", *p))
                fail_msg("%s accepted", s);
        assert_true(fabs(v) <= NUMBER_MAX);
        char f[40];
        double back;
        number_format(v, f, sizeof f);
        assert_int_equal(number_parse(f, NUMBER_ANY, &back, &why), 0);
        assert_true(back == v);
        /* the digits with separators dropped are what strtod reads */
        char plain[24];
        size_t k = 0;
        for (const char *p = s; *p; p++)
            if (*p != ',' && *p != ' ')
                plain[k++] = *p;
        plain[k] = '\0';
        assert_true(strtod(plain, NULL) == v);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_osc_title_and_clear),
        cmocka_unit_test(test_excerpt_is_short),
        cmocka_unit_test(test_neutralised_is_harmless_and_stable),
        cmocka_unit_test(test_same_placeholders_as_screen),
        cmocka_unit_test(test_clean_fast_bytes),
        cmocka_unit_test(test_clean_blocks),
        cmocka_unit_test(test_clean_block_edges),
        cmocka_unit_test(test_findings_text_lines),
        cmocka_unit_test(test_csv_formula_cells),
        cmocka_unit_test(test_csv_never_formula),
        cmocka_unit_test(test_number_issue_cases),
        cmocka_unit_test(test_number_generated_spellings),
        cmocka_unit_test(test_number_refuses_what_is_not_decimal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
