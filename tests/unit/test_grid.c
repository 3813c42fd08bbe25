/* test_grid.c — number cells and the table layouts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "gen.h"
#include "util.h"
#include "grid.h"
#include "text.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_num_parse(void **state)
{
    (void)state;
    double v;
    int ii;
    assert_int_equal(num_parse("33", &v, &ii), NUM_VALUE);
    assert_true(v == 33 && ii);
    assert_int_equal(num_parse(" 5 ", &v, &ii), NUM_VALUE);
    assert_true(v == 5);
    assert_int_equal(num_parse("1,130", &v, &ii), NUM_VALUE);
    assert_true(v == 1130);
    assert_int_equal(num_parse("12,345,678", &v, &ii), NUM_VALUE);
    assert_true(v == 12345678);
    assert_int_equal(num_parse("1,13", &v, &ii), NUM_NONE);
    assert_int_equal(num_parse("+2", &v, &ii), NUM_VALUE);
    assert_true(v == 2);
    assert_int_equal(num_parse("-1", &v, &ii), NUM_VALUE);
    assert_true(v == -1);
    assert_int_equal(num_parse("3.5", &v, &ii), NUM_VALUE);
    assert_true(v == 3.5 && !ii);
    assert_int_equal(num_parse("2.0", &v, &ii), NUM_VALUE);
    assert_true(ii);
    assert_int_equal(num_parse("251000元", &v, &ii), NUM_VALUE);
    assert_true(v == 251000);
    for (const char *const *b = (const char *const[]){"", "-", "—", "/", "无", NULL}; *b; b++)
        assert_int_equal(num_parse(*b, &v, &ii), NUM_BLANK);
    assert_int_equal(num_parse("1.属于国家秘密", &v, &ii), NUM_NONE);
    assert_int_equal(num_parse("+", &v, &ii), NUM_NONE);
    assert_int_equal(num_parse("4+H", &v, &ii), NUM_NONE);
    assert_int_equal(num_parse("2023年", &v, &ii), NUM_NONE);
    /* past 15 digits a double is no longer exact: not read as a number */
    assert_int_equal(num_parse("999999999999999", &v, &ii), NUM_VALUE);
    assert_int_equal(num_parse("1234567890123456", &v, &ii), NUM_NONE);
    assert_int_equal(num_parse("123456789012345678901234567890", &v, &ii), NUM_NONE);
}

/* Edge inputs around the fast paths: plain digits, blank markers and the
 * decimal computed without strtod. */
static void test_num_parse_edges(void **state)
{
    (void)state;
    double v;
    int ii;
    assert_int_equal(num_parse("0", &v, &ii), NUM_VALUE);
    assert_true(v == 0 && ii);
    /* a leading zero: numbers run together ("0 0 7" lost its spaces), no count */
    for (const char *const *z = (const char *const[]){"007", "00", "0000000", "-01", "+05", "01.5", "012件", NULL}; *z; z++)
        assert_int_equal(num_parse(*z, &v, &ii), NUM_NONE);
    assert_int_equal(num_parse("0.5", &v, &ii), NUM_VALUE);
    assert_int_equal(num_parse("10", &v, &ii), NUM_VALUE);
    assert_int_equal(num_parse("1,234", &v, &ii), NUM_VALUE);
    assert_true(v == 1234 && ii);
    assert_int_equal(num_parse("１２", &v, &ii), NUM_NONE);     /* full-width digits are folded before, not here */
    assert_int_equal(num_parse("12.50", &v, &ii), NUM_VALUE);
    assert_true(v == 12.5 && !ii);
    assert_int_equal(num_parse("0.1", &v, &ii), NUM_VALUE);
    assert_true(v == strtod("0.1", NULL) && !ii);
    assert_int_equal(num_parse("1234567.8901234", &v, &ii), NUM_VALUE);
    assert_true(v == strtod("1234567.8901234", NULL));
    assert_int_equal(num_parse("7.000", &v, &ii), NUM_VALUE);
    assert_true(v == 7 && ii);
    assert_int_equal(num_parse("-3", &v, &ii), NUM_VALUE);
    assert_true(v == -3 && ii);
    assert_int_equal(num_parse("+3", &v, &ii), NUM_VALUE);
    assert_true(v == 3 && ii);
    assert_int_equal(num_parse("-0", &v, &ii), NUM_VALUE);
    assert_true(v == 0 && signbit(v));
    assert_int_equal(num_parse("123456789012345 ", &v, &ii), NUM_VALUE);
    assert_true(v == 123456789012345.0);
    assert_int_equal(num_parse("1234567890123456", &v, &ii), NUM_NONE);   /* 16 digits */
    assert_int_equal(num_parse("12345678901234.56", &v, &ii), NUM_NONE);  /* 16 digits with a dot */
    assert_int_equal(num_parse("12件", &v, &ii), NUM_VALUE);
    assert_true(v == 12 && ii);
    assert_int_equal(num_parse("12 件", &v, &ii), NUM_VALUE);
    assert_int_equal(num_parse("5万元", &v, &ii), NUM_VALUE);
    assert_true(v == 5);
    assert_int_equal(num_parse("件", &v, &ii), NUM_NONE);
    assert_int_equal(num_parse("-元", &v, &ii), NUM_NONE);
    for (const char *const *b = (const char *const[]){"   ", "--", "—", "——", " —— ", "–", "空", "\\", NULL}; *b; b++)
        assert_int_equal(num_parse(*b, &v, &ii), NUM_BLANK);
    for (const char *const *b = (const char *const[]){"---", "—x", "无效", "空白", "12.", ".5", "1,2345", "1234,567", "1 2", NULL}; *b; b++)
        assert_int_equal(num_parse(*b, &v, &ii), NUM_NONE);
    /* a cell that is not a number leaves *value and *is_int alone */
    v = 42;
    ii = 7;
    assert_int_equal(num_parse("合计", &v, &ii), NUM_NONE);
    assert_true(v == 42 && ii == 7);
}

static grid *build(const char *s, gk_text **tp)
{
    const char *why = NULL;
    gk_text *t = text_decode(s, strlen(s), &why);
    assert_non_null(t);
    *tp = t;
    return grid_build(t, 0, t->nlines);
}

/* An independent reading of what num_parse accepts, written from its
 * description rather than from its code: the text without surrounding
 * spaces is a blank marker, or else, when shorter than 64 bytes and
 * stripped of one unit and the spaces before it, matches
 * [+-]?(d+|d{1,3}(,ddd)+)(.d+)? with at most 15 digits and no 0 before
 * another digit first; its value is what strtod reads once the commas are
 * gone.  A zero as text recognition or a Chinese text writes it alone ("O",
 * "o", "〇", "零") is 0, and so is 〇 or 零 with a unit ("零件"). */
/* s read as a grid has n rows (decoys: lines not joined into one row). */
static void assert_nrows(const char *s, int n)
{
    gk_text *t;
    grid *g = build(s, &t);
    assert_int_equal(g->nrows, n);
    grid_free(g);
    text_free(t);
}

static num_kind ref_parse(const char *s, double *value, int *is_int)
{
    static const char *const blanks[] = {"",    "-",   "--",  "/",    "\\",   "—",    "——",   "–",   "无", "空",
                                         "NaN", "nan", "NAN", "None", "none", "NULL", "null", "N/A", "n/a", "NA"};
    static const char *const units[] = {"万元", "元", "件次", "人次", "批次", "件", "条", "个", "项",
                                        "次", "宗", "份", "起", "例", "户", "人", "家"};   /* longer first */
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        n--;
    for (size_t k = 0; k < sizeof blanks / sizeof *blanks; k++)
        if (n == strlen(blanks[k]) && memcmp(s, blanks[k], n) == 0)
            return NUM_BLANK;
    if ((n == 1 && (*s == 'O' || *s == 'o')) || (n == 3 && (!memcmp(s, "〇", 3) || !memcmp(s, "零", 3)))) {
        *value = 0;
        *is_int = 1;
        return NUM_VALUE;
    }
    if (n > 3 && (!memcmp(s, "〇", 3) || !memcmp(s, "零", 3))) {   /* with a unit ("零件") */
        static const char *const zu[] = {"万元", "元", "件次", "人次", "批次", "件", "条", "个", "项",
                                         "次", "宗", "份", "起", "例", "户", "人", "家"};
        size_t u = 3;
        while (u < n && s[u] == ' ')
            u++;
        for (size_t k = 0; k < sizeof zu / sizeof *zu; k++)
            if (n - u == strlen(zu[k]) && !memcmp(s + u, zu[k], n - u)) {
                *value = 0;
                *is_int = 1;
                return NUM_VALUE;
            }
        return NUM_NONE;
    }
    if (n >= 64)
        return NUM_NONE;
    for (size_t k = 0; k < sizeof units / sizeof *units; k++) {
        size_t ul = strlen(units[k]);
        if (n > ul && memcmp(s + n - ul, units[k], ul) == 0) {
            n -= ul;
            while (n && s[n - 1] == ' ')
                n--;
            break;
        }
    }
    char digits[80];
    size_t i = 0, nd = 0, ndig = 0, nint = 0;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        digits[nd++] = s[i++];
    int commas = 0, dot = 0, frac_zero = 1;
    size_t since_comma = 0;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, nint++, since_comma++)
        digits[nd++] = s[i];
    if (nint == 0 || (nint > 1 && digits[nd - nint] == '0'))
        return NUM_NONE;
    while (i < n && s[i] == ',') {                /* groups of three after one to three digits */
        if ((commas ? since_comma != 3 : nint > 3))
            return NUM_NONE;
        commas = 1;
        since_comma = 0;
        for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++, nint++, since_comma++)
            digits[nd++] = s[i];
    }
    if (commas && since_comma != 3)
        return NUM_NONE;
    ndig = nint;
    if (i < n && s[i] == '.') {
        digits[nd++] = s[i++];
        dot = 1;
        size_t nfrac = 0;
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, nfrac++) {
            digits[nd++] = s[i];
            if (s[i] != '0')
                frac_zero = 0;
        }
        if (nfrac == 0)
            return NUM_NONE;
        ndig += nfrac;
    }
    if (i != n || ndig > 15)
        return NUM_NONE;
    digits[nd] = '\0';
    *value = strtod(digits, NULL);
    *is_int = !dot || frac_zero;
    return NUM_VALUE;
}

/* A random cell text made of the pieces numbers, labels and blanks are
 * made of; lcg is the state of a fixed random sequence. */
static void random_cell(char *out, size_t cap, uint32_t *lcg)
{
    static const char *const pieces[] = {
        "0", "1", "7", "12", "345", "999", ",", ",", ".", "-", "+", " ", " ", "  ",
        "元", "万元", "件", "项", "万", "—", "无", "a", "属于", "/", "(", "\\", "零", "〇", "次", "人次", "人",
    };
    enum { NP = sizeof pieces / sizeof *pieces };
    size_t n = 0;
    *lcg = *lcg * 1103515245u + 12345u;
    int count = 1 + (int)((*lcg >> 16) % 9);
    for (int k = 0; k < count; k++) {
        *lcg = *lcg * 1103515245u + 12345u;
        const char *p = pieces[(*lcg >> 16) % NP];
        size_t pl = strlen(p);
        if (n + pl >= cap)
            break;
        memcpy(out + n, p, pl);
        n += pl;
    }
    out[n] = '\0';
}

static void assert_parse_as_ref(const char *s, num_kind got, double v, int ii)
{
    double rv = 0;
    int rii = 0;
    num_kind want = ref_parse(s, &rv, &rii);
    if (got != want || memcmp(&v, &rv, sizeof v) != 0 || ii != rii)
        fail_msg("\"%s\": kind %d value %.17g is_int %d, expected kind %d value %.17g is_int %d",
                 s, (int)got, v, ii, (int)want, rv, rii);
}

/* num_parse reads numbers as their description says: on random texts it
 * agrees with ref_parse on kind, value (to the bit) and wholeness. */
static void test_num_parse_as_described(void **state)
{
    (void)state;
    uint32_t lcg = 12345;
    for (int k = 0; k < 200000; k++) {
        char s[96];
        random_cell(s, sizeof s, &lcg);
        double v = 0;
        int ii = 0;
        num_kind got = num_parse(s, &v, &ii);
        assert_parse_as_ref(s, got, v, ii);
    }
    static const char *const fixed[] = {
        "1. 属于国家秘密", "1.属于国家秘密", "12 件", "12  万元", "5万元", "5 万 元", "5元元", "元5",
        "1,234元", "1,23元", "-3件", "+ 3", "-", "--", "---", "0.5项", "3.元", "1234567890123456元",
        "5                                                              元", "１２", "—", "—— ", "无 ", "无效",
        "12                                             件", "999,999,999,999.999 万元", "-123,456,789.012345 件",
        "O", " o ", "〇", "OO", "O件", "0O", "〇〇", "二〇二三", "零", " 零 ", "零零", "零件", "一百零五",
    };
    for (size_t k = 0; k < sizeof fixed / sizeof *fixed; k++) {
        double v = 0;
        int ii = 0;
        num_kind got = num_parse(fixed[k], &v, &ii);
        assert_parse_as_ref(fixed[k], got, v, ii);
    }
    /* the same through a grid, where a cell is read knowing its length */
    for (int k = 0; k < 500; k++) {
        char line[8 * 100 + 2];
        size_t n = 0;
        for (int j = 0; j < 8; j++) {
            if (j)
                line[n++] = '\t';
            random_cell(line + n, 96, &lcg);
            n += strlen(line + n);
        }
        line[n++] = '\n';
        line[n] = '\0';
        gk_text *t;
        grid *g = build(line, &t);
        for (int i = 0; i < g->nrows; i++)
            for (int j = 0; j < g->rows[i].ncells; j++) {
                const grid_cell *c = &g->rows[i].cells[j];
                assert_parse_as_ref(c->text, c->num, c->value, c->is_int);
            }
        grid_free(g);
        text_free(t);
    }
}

/* The units and marks a number may carry after it, as the grid's
 * description lists them; any other tail makes the cell no number. */
static const char *const ALL_UNITS[] = {
    "万元", "元", "件", "条", "个", "项", "次", "件次", "人次", "批次", "宗", "份", "起", "例", "户", "人", "家",
    "（件）", "(件)", "（个）", "(个)", "（项）", "(项)", "（条）", "(条)", "*", "※", "①", "②", "③", "④",
    "⑤", "⑥", "⑦", "⑧", "⑨", "⑩",
};

static int listed_unit(const char *s, size_t n)
{
    for (size_t k = 0; k < sizeof ALL_UNITS / sizeof *ALL_UNITS; k++)
        if (strlen(ALL_UNITS[k]) == n && !memcmp(ALL_UNITS[k], s, n))
            return 1;
    return 0;
}

/* "12" and "零" with a tail are numbers exactly when the tail is one of
 * ALL_UNITS: each unit, and tails one byte off each (changed, cut, longer),
 * and random tails of the bytes units are made of. */
static void assert_tail(const char *tail, size_t n)
{
    char cell[64];
    double v;
    int ii;
    if (n == 0)
        return;                        /* the number alone */
    int want = listed_unit(tail, n) && !memchr(tail, '\0', n);
    for (int z = 0; z < 2; z++) {
        const char *head = z ? "零" : "12";
        size_t hl = strlen(head);
        memcpy(cell, head, hl);
        memcpy(cell + hl, tail, n);
        cell[hl + n] = '\0';
        if (strlen(cell) != hl + n || (n && (tail[n - 1] == ' ' || tail[0] == ' ')))
            continue;                  /* a NUL or spaces around: not the tail tried */
        num_kind k = num_parse(cell, &v, &ii);
        if ((k == NUM_VALUE) != want)
            fail_msg("\"%s\": kind %d, a unit %d", cell, (int)k, want);
    }
}

static void test_units_as_listed(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof ALL_UNITS / sizeof *ALL_UNITS; k++) {
        const char *u = ALL_UNITS[k];
        size_t n = strlen(u);
        char t[16];
        assert_tail(u, n);
        for (size_t i = 0; i < n; i++)
            for (int d = -2; d <= 2; d++) {
                memcpy(t, u, n);
                t[i] = (char)(t[i] + d);
                assert_tail(t, n);
            }
        assert_tail(u, n - 1);
        assert_tail(u + 1, n - 1);
        for (size_t i = 0; i < n; i++) {
            memcpy(t, u, n);
            t[n] = u[i];
            assert_tail(t, n + 1);
            t[0] = u[i];
            memcpy(t + 1, u, n);
            assert_tail(t, n + 1);
        }
    }
    /* random tails of the bytes units are made of */
    uint32_t lcg = 2024;
    for (int r = 0; r < 200000; r++) {
        char t[12];
        lcg = lcg * 1103515245u + 12345u;
        size_t n = 1 + (lcg >> 16) % 10;
        for (size_t i = 0; i < n; i++) {
            lcg = lcg * 1103515245u + 12345u;
            const char *u = ALL_UNITS[(lcg >> 16) % (sizeof ALL_UNITS / sizeof *ALL_UNITS)];
            t[i] = u[(lcg >> 8) % strlen(u)];
        }
        assert_tail(t, n);
    }
    /* a label, a colon and a number with its unit or mark: two cells (the
     * units in 件 条 个 项 元, a bracket or a mark; not "3次", "3宗" …) */
    static const char *const SPLIT[] = {"万元", "元", "件", "条", "个", "项", "(件)", "(个)", "(项)", "(条)",
                                        "*", "※", "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩"};
    for (size_t k = 0; k < sizeof SPLIT / sizeof *SPLIT; k++) {
        char line[64];
        snprintf(line, sizeof line, "行政许可:512%s\n", SPLIT[k]);
        gk_text *t;
        grid *g = build(line, &t);
        assert_int_equal(g->nrows, 1);
        assert_int_equal(g->rows[0].ncells, 2);
        assert_string_equal(g->rows[0].cells[0].text, "行政许可");
        assert_int_equal(g->rows[0].cells[1].num, NUM_VALUE);
        grid_free(g);
        text_free(t);
    }
}

/* border_cols() reads ASCII, Chinese characters (lead bytes E4..E9) and
 * box drawing (E2 94, E2 95) without decoding them: what it assumes of them is what the general
 * path (utf8_decode(), text_border_kind(), text_cp_width(),
 * text_cp_ambiguous()) finds, for every such character. */
static void test_border_columns_fast(void **state)
{
    (void)state;
    for (unsigned c = 0; c < 0x80; c++) {
        char b = (char)c;
        unsigned cp = 0xFFFF;
        assert_int_equal(utf8_decode(&b, 1, &cp), 1);
        assert_int_equal(cp, c);
        assert_int_equal(text_border_kind(cp), c == '|' ? 1 : c == '+' ? 2 : 0);
        assert_int_equal(text_cp_width(cp), 1);
        assert_false(text_cp_ambiguous(cp));
    }
    /* every three bytes E4..E9, continuation, continuation: one character,
     * two columns, no border, not ambiguous */
    for (unsigned b0 = 0xE4; b0 <= 0xE9; b0++)
        for (unsigned b1 = 0x80; b1 <= 0xBF; b1++)
            for (unsigned b2 = 0x80; b2 <= 0xBF; b2++) {
                char s[3] = {(char)b0, (char)b1, (char)b2};
                unsigned cp = 0;
                assert_int_equal(utf8_decode(s, 3, &cp), 3);
                assert_true(cp >= 0x4000 && cp <= 0x9FFF);
                assert_int_equal(text_border_kind(cp), 0);
                assert_int_equal(text_cp_width(cp), 2);
                assert_false(text_cp_ambiguous(cp));
            }
    /* box drawing, E2 94 80 .. E2 95 BF: U+2500..U+257F, one column, not ambiguous */
    for (unsigned b1 = 0x94; b1 <= 0x95; b1++)
        for (unsigned b2 = 0x80; b2 <= 0xBF; b2++) {
            char s[3] = {(char)0xE2, (char)b1, (char)b2};
            unsigned cp = 0;
            assert_int_equal(utf8_decode(s, 3, &cp), 3);
            assert_int_equal(cp, 0x2000 | (b1 & 0x3F) << 6 | (b2 & 0x3F));
            assert_true(cp >= 0x2500 && cp <= 0x257F);
            assert_int_equal(text_cp_width(cp), 1);
            assert_false(text_cp_ambiguous(cp));
        }
}

static void test_tab_grid(void **state)
{
    (void)state;
    gk_text *t;
    grid *g = build("规章\t0\t0\t0\n\t(三) 不予公开\t1. 属于国家秘密\t0\t1\n", &t);
    assert_int_equal(g->layout, GRID_TABS);
    assert_int_equal(g->nrows, 2);
    assert_int_equal(g->rows[0].ncells, 4);
    assert_int_equal(g->rows[1].ncells, 5);
    assert_string_equal(g->rows[1].cells[0].text, "");
    assert_string_equal(g->rows[1].cells[2].text, "1. 属于国家秘密");
    assert_int_equal(g->rows[1].cells[4].num, NUM_VALUE);
    assert_int_equal(g->rows[1].line, 2);
    assert_true(g->rows[1].explicit);
    grid_free(g);
    text_free(t);
}

static void test_one_cell_per_line(void **state)
{
    (void)state;
    gk_text *t;
    grid *g = build("\t\n\t商业\n企业\n\t科研\n机构\n\n\t一、本年新收\n\t 33\n\t5 \n\n", &t);
    assert_int_equal(g->layout, GRID_BLOCKS);
    assert_int_equal(g->nrows, 2);
    assert_int_equal(g->rows[0].ncells, 3);
    assert_string_equal(g->rows[0].cells[1].text, "商业企业");
    assert_string_equal(g->rows[0].cells[2].text, "科研机构");
    assert_int_equal(g->rows[1].ncells, 3);
    assert_true(g->rows[1].cells[1].value == 33);
    assert_int_equal(g->rows[1].cells[1].line, 8);
    assert_true(g->rows[1].cells[2].value == 5);
    grid_free(g);
    text_free(t);
}

static void test_pipes(void **state)
{
    (void)state;
    gk_text *t;
    grid *g = build("| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 0 |\n| 行政规范性文件 |  |\n", &t);
    assert_int_equal(g->layout, GRID_PIPES);
    assert_int_equal(g->nrows, 3);
    assert_string_equal(g->rows[1].cells[0].text, "规章");
    assert_int_equal(g->rows[2].ncells, 2);
    assert_string_equal(g->rows[2].cells[1].text, "");
    assert_int_equal(g->rows[2].line, 4);
    grid_free(g);
    text_free(t);
}

static void test_spaces(void **state)
{
    (void)state;
    gk_text *t;
    grid *g = build("规章    0    0    0\n一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n结果 维持  结果 纠正\n行政规范性文件 2729318\n", &t);
    assert_int_equal(g->layout, GRID_SPACES);
    assert_int_equal(g->rows[0].ncells, 4);
    assert_int_equal(g->rows[1].ncells, 8);
    assert_string_equal(g->rows[1].cells[0].text, "一、本年新收政府信息公开申请数量");
    assert_int_equal(g->rows[2].ncells, 2);
    assert_string_equal(g->rows[2].cells[0].text, "结果 维持");
    assert_int_equal(g->rows[3].ncells, 2);
    assert_true(g->rows[3].cells[1].value == 2729318);
    assert_false(g->rows[3].explicit);
    grid_free(g);
    text_free(t);
}

/* Runs of spaces of every length up to 40 before a line's label (an indent)
 * and between its cells, which spaces_end() steps over eight bytes at a time:
 * each cell comes back as written (seeded, reproducible). */
static void test_space_runs_eight_at_a_time(void **state)
{
    (void)state;
    static const char *const labels[] = {"规章", "一、本年新收政府信息公开申请数量", "结果 维持", "(一)予以公开", "合计"};
    gen_seed(20240611);
    for (int trial = 0; trial < 300; trial++) {
        char text[4096], want[8][8][64];
        int ncells[8];
        size_t n = 0;
        int nlines = 2 + (int)gen_below(6);
        for (int i = 0; i < nlines; i++) {
            unsigned indent = gen_below(41);
            memset(text + n, ' ', indent);
            n += indent;
            const char *label = labels[gen_below(sizeof labels / sizeof *labels)];
            memcpy(text + n, label, strlen(label));
            n += strlen(label);
            snprintf(want[i][0], sizeof want[i][0], "%s", label);
            ncells[i] = 1 + (int)gen_below(7);
            for (int k = 1; k < ncells[i]; k++) {
                unsigned run = 2 + gen_below(39);
                memset(text + n, ' ', run);
                n += run;
                snprintf(want[i][k], sizeof want[i][k], "%u", gen_below(2) ? gen_below(10) : gen_below(100000));
                memcpy(text + n, want[i][k], strlen(want[i][k]));
                n += strlen(want[i][k]);
            }
            text[n++] = '\n';
        }
        text[n] = '\0';
        gk_text *t;
        grid *g = build(text, &t);
        assert_int_equal(g->layout, GRID_SPACES);
        assert_int_equal(g->nrows, nlines);
        for (int i = 0; i < nlines; i++) {
            assert_int_equal(g->rows[i].ncells, ncells[i]);
            for (int k = 0; k < ncells[i]; k++) {
                assert_string_equal(g->rows[i].cells[k].text, want[i][k]);
                assert_int_equal(g->rows[i].cells[k].num, k ? NUM_VALUE : NUM_NONE);
            }
        }
        grid_free(g);
        text_free(t);
    }
}

static void test_lines_without_tabs(void **state)
{
    (void)state;
    gk_text *t;
    grid *g = build("自然人\n法人或其他组织\n\n一、本年新收\n33\n5\n38\n二、上年结转\n0\n0\n\n0\n1\n", &t);
    assert_int_equal(g->layout, GRID_LINES);
    assert_int_equal(g->nrows, 4);
    assert_int_equal(g->rows[0].ncells, 2);
    assert_int_equal(g->rows[1].ncells, 4);     /* the label and its numbers */
    assert_string_equal(g->rows[1].cells[0].text, "一、本年新收");
    assert_true(g->rows[1].cells[3].value == 38);
    assert_int_equal(g->rows[2].ncells, 3);     /* a label after numbers starts a row */
    assert_int_equal(g->rows[3].ncells, 2);     /* so does a blank line */
    assert_int_equal(g->rows[3].cells[1].line, 13);
    grid_free(g);
    text_free(t);
}

/* A row wider than the first cell array (16 cells) and a cell longer than a
 * storage chunk: the cells move to a bigger array, the long text gets a
 * chunk of its own, and empty cells read as blanks. */
static void test_wide_row_and_long_cell(void **state)
{
    (void)state;
    char *s = malloc(40000);
    assert_non_null(s);
    size_t n = 0;
    for (int i = 0; i < 40; i++)
        n += (size_t)sprintf(s + n, i % 3 == 2 ? "\t" : "%d\t", i);
    s[n++] = '\n';
    memcpy(s + n, "合计\t", strlen("合计\t"));
    n += strlen("合计\t");
    memset(s + n, 'x', 20000);
    n += 20000;
    memcpy(s + n, "\t 7 \n", 5);
    n += 5;
    s[n] = '\0';
    gk_text *t;
    grid *g = build(s, &t);
    assert_int_equal(g->layout, GRID_TABS);
    assert_int_equal(g->nrows, 2);
    assert_int_equal(g->rows[0].ncells, 41);
    for (int i = 0; i < 40; i++) {
        const grid_cell *c = &g->rows[0].cells[i];
        if (i % 3 == 2) {
            assert_string_equal(c->text, "");
            assert_int_equal(c->num, NUM_BLANK);
        } else {
            assert_int_equal(c->num, NUM_VALUE);
            assert_true(c->value == i && c->is_int);
        }
    }
    assert_int_equal(g->rows[1].ncells, 3);
    assert_int_equal(strlen(g->rows[1].cells[1].text), 20000);
    assert_int_equal(g->rows[1].cells[1].num, NUM_NONE);
    assert_true(g->rows[1].cells[2].value == 7);
    assert_string_equal(g->rows[0].cells[39].text, "39");   /* still intact after the long cell */
    grid_free(g);
    text_free(t);
    free(s);
}

/* Every cell holds what num_parse says of its text: the count read while
 * the cell is added agrees with num_parse on the cells it takes, and leaves
 * the others to it.  Not a number or a blank: value and is_int stay 0. */
static void assert_cells_as_num_parse(const grid *g)
{
    for (int i = 0; i < g->nrows; i++)
        for (int j = 0; j < g->rows[i].ncells; j++) {
            const grid_cell *c = &g->rows[i].cells[j];
            double v = 0;
            int ii = 0;
            assert_int_equal(c->len, strlen(c->text));
            assert_int_equal(c->num, num_parse(c->text, &v, &ii));
            assert_memory_equal(&c->value, &v, sizeof v);
            assert_int_equal(c->is_int, ii);
        }
}

/* Every cell's len is its text's length, in grids of every layout the
 * converters' dumps and the sample reports give: windows of 40 lines, 20
 * apart, over each, by the fast passes and by the general path. */
static void test_cell_len_is_text_length(void **state)
{
    (void)state;
    static const char *const dirs[] = {"tests/dumps", "sample-reports"};
    int grids = 0;
    for (size_t d = 0; d < sizeof dirs / sizeof *dirs; d++) {
        DIR *dir = opendir(dirs[d]);
        assert_non_null(dir);
        for (struct dirent *e; (e = readdir(dir));) {
            size_t nl = strlen(e->d_name);
            if (nl < 4 || (strcmp(e->d_name + nl - 4, ".txt") && strcmp(e->d_name + nl - 3, ".md")))
                continue;
            char path[512], *bytes;
            size_t len;
            const char *why = NULL;
            snprintf(path, sizeof path, "%s/%s", dirs[d], e->d_name);
            if (util_read_file(path, 64u << 20, &bytes, &len, &why))
                fail_msg("%s: %s", path, why);
            gk_text *t = text_decode(bytes, len, &why);
            free(bytes);
            if (!t)
                continue;              /* (an encoding the decoder refuses: no grid) */
            for (int fast = 1; fast >= 0; fast--) {
                grid_fast_cells = fast;
                for (size_t from = 0; from < t->nlines; from += 20) {
                    grid *g = grid_build(t, from, from + 40);
                    for (int i = 0; i < g->nrows; i++)
                        for (int j = 0; j < g->rows[i].ncells; j++)
                            if (g->rows[i].cells[j].len != strlen(g->rows[i].cells[j].text))
                                fail_msg("%s, lines %zu..: row %d cell %d \"%s\": len %u", path, from + 1, i, j,
                                         g->rows[i].cells[j].text, g->rows[i].cells[j].len);
                    grid_free(g);
                    grids++;
                }
            }
            grid_fast_cells = 1;
            text_free(t);
        }
        closedir(dir);
    }
    assert_true(grids > 100);
}

static void test_cells_classified_as_num_parse(void **state)
{
    (void)state;
    static const char *const inputs[] = {
        /* tabs: counts up to 15 digits and past them, leading zeros,
         * padded counts, decimals, units, signs, blanks, labels */
        "合计\t0\t7\t 12 \t007\t999999999999999\t1234567890123456\t12345678901234567890\t\t-\t—\n"
        "\t3.0\t2.5\t1,234\t12件\t5万元\t-3\t+4\t1 2\t无\t12a\ta12\t１２\n",
        /* one cell per line: a continuation changes a cell's text, and its
         * number with it ("1" then "12", "3" then "3abc", "-" then "-5") */
        "\t\n\t1\n2\n\t3\nabc\n\t-\n5\n\t7\n\n\t标签\n\t 8\n\t\n",
        /* pipes and runs of spaces, with trailing numbers split off */
        "| 项目 | 1 | 2.50 |  |\n|---|---|---|---|\n| 合计 | 0012 | - | 3元 |\n",
        "规章    0    15    0\n一、本年新收 1 0 000000000000001 4\n",
        /* one cell per line without tabs */
        "自然人\n\n一、本年新收\n33\n5.5\n0038\n二、上年结转\n0\n",
    };
    for (size_t k = 0; k < sizeof inputs / sizeof *inputs; k++) {
        gk_text *t;
        grid *g = build(inputs[k], &t);
        assert_true(g->nrows > 0);
        assert_cells_as_num_parse(g);
        grid_free(g);
        text_free(t);
    }
}

/* Cells of every length around the few bytes cell_end() tests itself before
 * calling memchr, in every order, between tabs and between pipes: each comes
 * back as it was written. */
static void test_cell_lengths(void **state)
{
    (void)state;
    static const char *const cells[] = {"", "a", "ab", "abc", "abcd", "abcde", "abcdef", "合计", "x y", "一、本年新收政府信息公开申请数量"};
    enum { N = sizeof cells / sizeof *cells };
    for (int rot = 0; rot < N; rot++)
        for (int pipes = 0; pipes < 2; pipes++) {
            char line[512];
            size_t n = 0;
            if (pipes)
                line[n++] = '|';
            for (int k = 0; k < N; k++) {
                if (k)
                    line[n++] = pipes ? '|' : '\t';
                const char *c = cells[(k + rot) % N];
                memcpy(line + n, c, strlen(c));
                n += strlen(c);
            }
            memcpy(line + n, pipes ? "|\n|x|y|\n" : "\n", pipes ? 8 : 2);
            n += pipes ? 8 : 2;
            line[n] = '\0';
            gk_text *t;
            grid *g = build(line, &t);
            assert_int_equal(g->layout, pipes ? GRID_PIPES : GRID_TABS);
            assert_int_equal(g->rows[0].ncells, N);
            for (int k = 0; k < N; k++)
                assert_string_equal(g->rows[0].cells[k].text, cells[(k + rot) % N]);
            grid_free(g);
            text_free(t);
        }
}

/* A cell's text is its bytes in the grid's copy of the line, ended by a NUL
 * written over what follows it: every cell of a line, split by tabs, pipes,
 * runs of spaces or single spaces before trailing numbers, keeps its whole
 * text once the cells after it are added. */
static void assert_row_texts(const grid_row *r, const char *const *want, int n)
{
    assert_int_equal(r->ncells, n);
    for (int k = 0; k < n; k++)
        assert_string_equal(r->cells[k].text, want[k]);
}

static void test_cell_texts(void **state)
{
    (void)state;
    gk_text *t;
    grid *g = build("标签\t 1 2\t3\t  x y  \t\t4 \n", &t);
    assert_int_equal(g->layout, GRID_TABS);
    assert_row_texts(&g->rows[0], (const char *const[]){"标签", "1", "2", "3", "x y", "", "4"}, 7);
    grid_free(g);
    text_free(t);
    g = build("| a | b 1 |  c  |   \n| x |y|z 5 6|\n", &t);
    assert_int_equal(g->layout, GRID_PIPES);
    assert_row_texts(&g->rows[0], (const char *const[]){"a", "b", "1", "c"}, 4);
    assert_row_texts(&g->rows[1], (const char *const[]){"x", "y", "z", "5", "6"}, 5);
    grid_free(g);
    text_free(t);
    /* markdown's marks from a converter (pandoc): a span's attributes, a backslash
     * before punctuation */
    g = build("1\\. 属于国家秘密\t[2 ]{style=\"font-family:宋体\"}\t\\-\t[x]\t3\\\\4\n", &t);
    assert_int_equal(g->layout, GRID_TABS);
    assert_row_texts(&g->rows[0], (const char *const[]){"1. 属于国家秘密", "2", "-", "[x]", "3\\4"}, 5);
    assert_int_equal(g->rows[0].cells[1].num, NUM_VALUE);
    assert_int_equal(g->rows[0].cells[2].num, NUM_BLANK);
    grid_free(g);
    text_free(t);
    /* underscores drawing cells' lower borders (html2text); a cell of them only stays */
    g = build("|规章_____|0_____________|12______|\n|行政许可__|______|3_|\n", &t);
    assert_int_equal(g->layout, GRID_PIPES);
    assert_row_texts(&g->rows[0], (const char *const[]){"规章", "0", "12"}, 3);
    assert_row_texts(&g->rows[1], (const char *const[]){"行政许可", "______", "3"}, 3);
    assert_int_equal(g->rows[0].cells[2].num, NUM_VALUE);
    grid_free(g);
    text_free(t);
    /* a label, a colon and a number in one cell: two cells; a time, a ratio stay one */
    g = build("行政许可：15\t3\n一、本年新收政府信息公开申请数量:51\t7\n时间 12:30\t1\n比例\t3:5\n", &t);
    assert_int_equal(g->layout, GRID_TABS);
    assert_row_texts(&g->rows[0], (const char *const[]){"行政许可", "15", "3"}, 3);
    assert_row_texts(&g->rows[1], (const char *const[]){"一、本年新收政府信息公开申请数量", "51", "7"}, 3);
    assert_row_texts(&g->rows[2], (const char *const[]){"时间 12:30", "1"}, 2);
    assert_row_texts(&g->rows[3], (const char *const[]){"比例", "3:5"}, 2);
    grid_free(g);
    text_free(t);
    g = build("一、本年新收 1 22 333  结果 维持  7 8 \n  合计  0\n", &t);
    assert_int_equal(g->layout, GRID_SPACES);
    assert_row_texts(&g->rows[0], (const char *const[]){"一、本年新收", "1", "22", "333", "结果 维持", "7", "8"}, 7);
    assert_row_texts(&g->rows[1], (const char *const[]){"合计", "0"}, 2);
    grid_free(g);
    text_free(t);
}

/* Cells a program wrote around a table's cells (a dataframe's to_csv,
 * to_string, to_markdown), generated: rows of a label and counts, empty
 * cells written "NaN", "nan", "None" or left empty, every row padded to the
 * widest; the rows numbered 0, 1, 2 … (or from 1) first, a line of column
 * numbers above; as tab, csv, pipe or space-padded rows.  Read back: the
 * null words are empty cells, the header of column numbers holds no cell,
 * a row's number is no cell (an empty one in rows that show their empty
 * cells, none in a row of words), and every other cell is as written. */
static void test_program_numbering(void **state)
{
    (void)state;
    static const char *const LABELS[] = {"规章", "行政规范性文件", "行政许可", "一、本年新收政府信息公开申请数量",
                                         "(一)予以公开", "2.重复申请", "信息内容", "自然人"};
    static const char *const NULLS[] = {"", "NaN", "nan", "None"};
    gen_seed(20261207);
    for (int iter = 0; iter < 600; iter++) {
        int style = (int)gen_below(4);           /* tabs, csv, pipes, spaces */
        int index = 1 + (int)gen_below(2);       /* from 0 or from 1 */
        int header = style == 3 || gen_below(2); /* spaces: to_string always has it */
        const char *null = style == 3 ? "NaN" : NULLS[gen_below(4)];
        int nrows = 3 + (int)gen_below(6), width = 4 + (int)gen_below(5);
        char cell[10][12][64];
        for (int r = 0; r < nrows; r++)
            for (int k = 0; k < width; k++) {
                if (k == 0)
                    snprintf(cell[r][k], 64, "%s", LABELS[gen_below(8)]);
                else if (gen_below(5) == 0)
                    cell[r][k][0] = '\0';
                else
                    snprintf(cell[r][k], 64, "%u", 2 + gen_below(40));
            }
        sbuf b;
        sbuf_init(&b);
        const char *sep = style == 0 ? "\t" : style == 1 ? "," : style == 2 ? " | " : "    ";
        for (int r = header ? -1 : 0; r < nrows; r++) {
            if (style == 2)
                sbuf_adds(&b, "| ");
            for (int k = -1; k < width; k++) {
                if (k > -1)
                    sbuf_adds(&b, sep);
                if (r < 0 && k < 0)
                    sbuf_adds(&b, style == 3 ? "  " : "");
                else if (r < 0)
                    sbuf_printf(&b, "%d", k);
                else if (k < 0)
                    sbuf_printf(&b, "%d", r + (index == 2));
                else
                    sbuf_adds(&b, cell[r][k][0] ? cell[r][k] : null);
            }
            sbuf_adds(&b, style == 2 ? " |\n" : "\n");
            if (style == 2 && r == (header ? -1 : 0)) {
                sbuf_adds(&b, "|");
                for (int k = -1; k < width; k++)
                    sbuf_adds(&b, "---:|");
                sbuf_adds(&b, "\n");
            }
        }
        gk_text *t;
        grid *g = build(b.s, &t);
        /* the rows with cells: the header of column numbers holds none */
        int got = 0;
        for (int i = 0; i < g->nrows; i++) {
            const grid_row *row = &g->rows[i];
            int k = 0;
            while (k < row->ncells && !row->cells[k].text[0] && row->ncells > width)
                k++;               /* the row's number left empty, an outer pipe's empty cell */
            if (row->ncells == 0)
                continue;
            if (got >= nrows)
                fail_msg("table %d (style %d): a row too many: line %d", iter, style, row->line);
            int filled = 0;
            for (int c = 0; c < row->ncells; c++)
                filled += row->cells[c].text[0] != '\0';
            int want = 0;
            for (int c = 0; c < width; c++)
                want += cell[got][c][0] != '\0';
            if (filled != want)
                fail_msg("table %d (style %d), row %d: %d cells hold text, %d written (%s)", iter, style, got, filled,
                         want, b.s);
            /* the written cells, in order, after the empty ones taken away */
            int c = 0;
            for (int x = 0; x < row->ncells; x++) {
                if (!row->cells[x].text[0])
                    continue;
                while (c < width && !cell[got][c][0])
                    c++;
                assert_true(c < width);
                if (strcmp(row->cells[x].text, cell[got][c]))
                    fail_msg("table %d (style %d), row %d: cell \"%s\", written \"%s\"", iter, style, got,
                             row->cells[x].text, cell[got][c]);
                c++;
            }
            got++;
        }
        if (got != nrows)
            fail_msg("table %d (style %d): %d rows read, %d written", iter, style, got, nrows);
        grid_free(g);
        text_free(t);
        sbuf_free(&b);
    }
}

/* Rows written with single spaces, a label, a colon (ASCII or full width) and
 * its first number run together ("行政规范性文件：0 0 0"), generated: the label
 * and each number are cells of their own.  Rows holding a piece of another
 * row's before the numbers ("行政规范性文件:1 :0 0 4": a label, its number and
 * a colon and a number not its own) are never cut at the second colon (the
 * label's number then left in the label, the piece's read as the row's
 * first): they never read as a label and as many numbers as the row has. */
static void test_colon_label_single_spaces(void **state)
{
    (void)state;
    static const char *const LABELS[] = {"规章", "行政规范性文件", "行政许可", "行政事业性收费",
                                         "一、本年新收政府信息公开申请数量"};
    static const char *const COLONS[] = {":", "\xEF\xBC\x9A"};
    gen_seed(20261206);
    for (int iter = 0; iter < 400; iter++) {
        sbuf b;
        sbuf_init(&b);
        int k[4], piece[4], v[4][8];
        const char *lab[4];
        for (int r = 0; r < 4; r++) {
            lab[r] = LABELS[gen_below(5)];
            k[r] = 1 + (int)gen_below(7);
            piece[r] = gen_below(5) == 0;
            sbuf_printf(&b, "%s%s", lab[r], COLONS[gen_below(2)]);
            for (int c = 0; c < k[r]; c++) {
                v[r][c] = (int)gen_below(1000);
                sbuf_printf(&b, "%s%d", c ? " " : "", v[r][c]);
                if (c == 0 && piece[r])
                    sbuf_printf(&b, " %s%d", COLONS[gen_below(2)], (int)gen_below(10));
            }
            sbuf_adds(&b, "\n");
        }
        gk_text *t;
        grid *g = build(b.s, &t);
        assert_int_equal(g->nrows, 4);
        for (int r = 0; r < 4; r++) {
            const grid_row *row = &g->rows[r];
            if (piece[r]) {            /* not a label and k numbers: the piece's number among them */
                if (row->ncells == 1 + k[r])
                    fail_msg("table %d, row %d: \"%s\" read as a label and %d numbers, first \"%s\"", iter, r,
                             b.s, k[r], row->cells[0].text);
                continue;
            }
            if (row->ncells != 1 + k[r] || strcmp(row->cells[0].text, lab[r]))
                fail_msg("table %d, row %d: %d cells for a label and %d numbers, first \"%s\"", iter, r,
                         row->ncells, k[r], row->ncells ? row->cells[0].text : "");
            for (int c = 0; c < k[r]; c++) {
                char want[16];
                snprintf(want, sizeof want, "%d", v[r][c]);
                if (strcmp(row->cells[1 + c].text, want) || row->cells[1 + c].num != NUM_VALUE)
                    fail_msg("table %d, row %d, number %d: \"%s\", written %s", iter, r, c, row->cells[1 + c].text,
                             want);
            }
        }
        grid_free(g);
        text_free(t);
        sbuf_free(&b);
    }
}

/* A label, a colon and a number in one cell after empty cells, in padded
 * pipe rows ("|   |  规章：26 |  53 |"): two cells, as first in a row. */
static void test_colon_cell_after_empty(void **state)
{
    (void)state;
    static const char *const LABELS[] = {"规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制"};
    gen_seed(20261208);
    for (int iter = 0; iter < 300; iter++) {
        int lead = (int)gen_below(3), nums = 1 + (int)gen_below(3), trail = (int)gen_below(3);
        int pad = (int)gen_below(6);
        const char *label = LABELS[gen_below(5)];
        unsigned first = gen_below(100), v[3];
        sbuf b;
        sbuf_init(&b);
        sbuf_adds(&b, "|");
        for (int k = 0; k < lead; k++)
            sbuf_adds(&b, "     |");
        sbuf_printf(&b, "%*s%s%s%u |", pad, "", label, gen_below(2) ? "：" : ":", first);
        for (int k = 0; k < nums; k++) {
            v[k] = gen_below(100);
            sbuf_printf(&b, "%*s%u |", pad, "", v[k]);
        }
        for (int k = 0; k < trail; k++)
            sbuf_adds(&b, "     |");
        sbuf_adds(&b, "\n");
        gk_text *t;
        grid *g = build(b.s, &t);
        assert_int_equal(g->nrows, 1);
        const grid_row *r = &g->rows[0];
        int k = 0;
        while (k < r->ncells && !r->cells[k].text[0])
            k++;
        if (k + 2 + nums > r->ncells || strcmp(r->cells[k].text, label) || r->cells[k + 1].num != NUM_VALUE ||
            r->cells[k + 1].value != first)
            fail_msg("row %d: \"%s\": the label and its number not two cells", iter, b.s);
        for (int j = 0; j < nums; j++)
            assert_true(r->cells[k + 2 + j].value == v[j]);
        grid_free(g);
        text_free(t);
        sbuf_free(&b);
    }
}

/* Rows copied with a single space between all their cells (a PDF viewer's
 * copy, pdftotext -raw), one to three rows on a line, generated: labels with
 * and without item numbers ("2." is no number), counts, amounts, counts
 * with units or marks (the unit apart too: "3 件"), blank dashes, "无"
 * between numbers.  Each row's label and numbers are cells of their own, in
 * order.  Numbers after 第 or 共, or before a measure word, stay in the text
 * ("第 3 页", "收到 5 件申请"). */
static void test_single_spaced_rows(void **state)
{
    (void)state;
    static const char *const LABELS[] = {
        "属于国家秘密", "其他法律行政法规禁止公开", "危及\"三安全一稳定\"", "保护第三方合法权益",
        "行政许可", "行政处罚", "本年新收政府信息公开申请数量", "(二)部分公开", "(七)总计", "重复申请",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "三、本年度办理结果 (一)予以公开",
    };
    static const char *const ITEMS[] = {"", "", "3.", "4、", "2)", "(五)", "1. ", "二、"};
    static const char *const NUMS[] = {"0", "7", "12", "305", "12.8", "0.05", "39件", "57*", "5①", "1,130", "3 件", "8 项"};
    static const char *const DASH[] = {"-", "—", "/", "--"};
    gen_seed(20261205);
    for (int iter = 0; iter < 3000; iter++) {
        char line[1024];
        const char *want[64];
        char pool[64][192];
        int nw = 0;
        size_t len = 0;
        int rows = 1 + (int)gen_below(3);
        for (int k = 0; k < rows; k++) {
            const char *item = ITEMS[gen_below(sizeof ITEMS / sizeof *ITEMS)];
            const char *lab = LABELS[gen_below(sizeof LABELS / sizeof *LABELS)];
            snprintf(pool[nw], sizeof pool[nw], "%s%s", item, lab);
            len += (size_t)snprintf(line + len, sizeof line - len, "%s%s", len ? " " : "", pool[nw]);
            want[nw] = pool[nw];
            nw++;
            int n = 1 + (int)gen_below(7), numbered = 0;
            for (int j = 0; j < n; j++) {
                const char *w;
                unsigned pick = gen_below(10);
                if (pick == 0 && (j < n - 1 || numbered))
                    w = DASH[gen_below(4)];
                else if (pick == 1 && j > 0 && j < n - 1)
                    w = "无";
                else
                    w = NUMS[gen_below(sizeof NUMS / sizeof *NUMS)], numbered = 1;
                if (j == n - 1 && !numbered)
                    w = "4";
                snprintf(pool[nw], sizeof pool[nw], "%s", w);
                len += (size_t)snprintf(line + len, sizeof line - len, " %s", w);
                want[nw] = pool[nw];
                nw++;
            }
        }
        snprintf(line + len, sizeof line - len, "\n");
        gk_text *t;
        grid *g = build(line, &t);
        if (g->nrows != 1 || g->rows[0].ncells != nw) {
            print_error("line: %s", line);
            for (int c = 0; c < g->rows[0].ncells; c++)
                print_error("  cell %d [%s]\n", c, g->rows[0].cells[c].text);
        }
        assert_int_equal(g->nrows, 1);
        assert_row_texts(&g->rows[0], want, nw);
        grid_free(g);
        text_free(t);
    }
    static const struct {
        const char *line;
        const char *cells[4];
        int n;
    } KEEP[] = {
        {"第 3 页 共 8 页 说明\n", {"第 3 页 共 8 页 说明"}, 1},
        {"本年收到 5 件申请 其中 2 条 已办结\n", {"本年收到 5 件申请 其中 2 条 已办结"}, 1},
        {"截至 2023 年 12 月 31 日 本机关\n", {"截至 2023 年 12 月 31 日 本机关"}, 1},
        {"行政处罚 40 行政强制 49\n", {"行政处罚", "40", "行政强制", "49"}, 4},
        {"(三)不予公开 2 其他法律行政法规禁止公开\n", {"(三)不予公开 2 其他法律行政法规禁止公开"}, 1},
    };
    for (size_t k = 0; k < sizeof KEEP / sizeof *KEEP; k++) {
        gk_text *t;
        grid *g = build(KEEP[k].line, &t);
        assert_int_equal(g->nrows, 1);
        assert_row_texts(&g->rows[0], KEEP[k].cells, KEEP[k].n);
        grid_free(g);
        text_free(t);
    }
}

/* A pipe row is one whose first byte after its leading spaces is '|'; a
 * tab among those spaces makes it a row of tab-separated cells. */
static void test_pipe_rows_after_blanks(void **state)
{
    (void)state;
    gk_text *t;
    grid *g = build("  | a | 1 |\n \t| b | 2 |\n| c | 3 |\n", &t);
    assert_int_equal(g->layout, GRID_PIPES);
    assert_int_equal(g->nrows, 3);
    assert_row_texts(&g->rows[0], (const char *const[]){"a", "1"}, 2);
    assert_row_texts(&g->rows[1], (const char *const[]){"", "| b | 2 |"}, 2);
    assert_row_texts(&g->rows[2], (const char *const[]){"c", "3"}, 2);
    grid_free(g);
    text_free(t);
}

/* A cell of one word after spaces: whole, a number first in its row too (a
 * field's spaces are its padding: "│   3   │", a bordered table's number
 * centred in its first column, is no empty cell and a 3). */
static void test_padded_cells(void **state)
{
    (void)state;
    gk_text *t;
    grid *g = build(" 5\t 6\t  x7\t 8件\t 9 10\n  x7\t 1\n 1,234\t2\n", &t);
    assert_int_equal(g->layout, GRID_TABS);
    assert_row_texts(&g->rows[0], (const char *const[]){"5", "6", "x7", "8件", "9", "10"}, 6);
    assert_row_texts(&g->rows[1], (const char *const[]){"x7", "1"}, 2);
    assert_row_texts(&g->rows[2], (const char *const[]){"1,234", "2"}, 2);
    assert_cells_as_num_parse(g);
    grid_free(g);
    text_free(t);
}

/* Cells split_on() reads in its own pass (empty ones and counts of up to
 * 15 digits, with spaces around them or not) among the others, in random
 * order, between tabs and between pipes: each comes back as one cell with
 * its text (spaces around it gone) and what num_parse says of that text. */
static void test_separated_cells(void **state)
{
    (void)state;
    static const char *const cells[] = {
        "", "", "0", "7", "42", "0012", "999999999999999", "1234567890123456", "12345678901234567",
        "0 ", "15  ", "3.5", "1,234", "12a", "a12", "-", "—", "合计", "12件", "x", "1234",
        " 0", "  15 ", " ", "   ", " x", " 12a", " 3.5", " 1234567890123456", " 合计 ",
    };
    enum { N = sizeof cells / sizeof *cells, MAXC = 12 };
    uint32_t lcg = 99;
    for (int k = 0; k < 400; k++)
        for (int pipes = 0; pipes < 2; pipes++) {
            /* one text cell ("末", index N) somewhere in the line keeps it
             * from being blank or a pipe separator */
            int pick[MAXC + 1], npick = 2 + k % MAXC, text_at = k % npick;
            char line[1024];
            size_t n = 0;
            if (pipes)
                line[n++] = '|';
            for (int j = 0; j < npick; j++) {
                lcg = lcg * 1103515245u + 12345u;
                pick[j] = j == text_at ? N : (int)((lcg >> 16) % N);
                const char *c = pick[j] == N ? "末" : cells[pick[j]];
                if (j)
                    line[n++] = pipes ? '|' : '\t';
                memcpy(line + n, c, strlen(c));
                n += strlen(c);
            }
            /* a second line, so that the layout is that of a table */
            const char *end = pipes ? "|\n|x|y|\n" : "\nx\ty\n";
            memcpy(line + n, end, strlen(end) + 1);
            gk_text *t;
            grid *g = build(line, &t);
            assert_int_equal(g->layout, pipes ? GRID_PIPES : GRID_TABS);
            /* a number after spaces is one cell, first in its row too */
            assert_int_equal(g->rows[0].ncells, npick);
            for (int j = 0; j < npick; j++) {
                const grid_cell *c = &g->rows[0].cells[j];
                const char *w = pick[j] == N ? "末" : cells[pick[j]];
                char want[64];
                while (*w == ' ')
                    w++;
                size_t wl = strlen(w);
                memcpy(want, w, wl);
                while (wl && want[wl - 1] == ' ')
                    wl--;
                want[wl] = '\0';
                assert_string_equal(c->text, want);
                double v = 0;
                int ii = 0;
                assert_int_equal(c->num, num_parse(want, &v, &ii));
                assert_memory_equal(&c->value, &v, sizeof v);
                assert_int_equal(c->is_int, ii);
                assert_int_equal(c->line, 1);
            }
            grid_free(g);
            text_free(t);
        }
}

/* Cells separated by runs of spaces of every length (found eight spaces at
 * a time, single spaces stepped over) are the cells the same texts give
 * between tabs, the gaps found here by the plain definition: a run of two
 * or more spaces. */
static void test_space_runs(void **state)
{
    (void)state;
    static const char *const words[] = {"合计", "ab", "0", "12", "3.5", "-", "x y", "申请数量",
                                        "007", "123456789012345", "1234567890123456", "5件", "9a"};
    static const int runs[] = {1, 1, 2, 3, 7, 8, 9, 15, 16, 17, 33};
    uint32_t lcg = 7;
    for (int k = 0; k < 2000; k++) {
        char line[1024], tabs[1024];
        size_t n = 0;
        int count = 1 + k % 10;
        for (int j = 0; j < count; j++) {
            lcg = lcg * 1103515245u + 12345u;
            const char *w = j == 0 ? "合计" : words[(lcg >> 16) % (sizeof words / sizeof *words)];
            memcpy(line + n, w, strlen(w));
            n += strlen(w);
            lcg = lcg * 1103515245u + 12345u;
            int run = j + 1 < count || k % 3 == 0 ? runs[(lcg >> 16) % (sizeof runs / sizeof *runs)] : 0;
            memset(line + n, ' ', (size_t)run);
            n += (size_t)run;
        }
        line[n] = '\0';
        /* the same segments between tabs */
        size_t m = 0;
        for (size_t p = 0; p < n;) {
            while (p < n && line[p] == ' ')
                p++;
            size_t q = p;
            while (q < n && !(line[q] == ' ' && q + 1 < n && line[q + 1] == ' '))
                q++;
            if (q > p) {
                if (m)
                    tabs[m++] = '\t';
                memcpy(tabs + m, line + p, q - p);
                m += q - p;
            }
            p = q;
        }
        tabs[m] = '\0';
        char text[2100];
        snprintf(text, sizeof text, "%s\n", line);
        gk_text *t, *tt;
        grid *g = build(text, &t);
        snprintf(text, sizeof text, "%s\n", tabs);
        grid *gt = build(text, &tt);
        assert_int_equal(g->layout, GRID_SPACES);
        assert_int_equal(g->rows[0].ncells, gt->rows[0].ncells);
        for (int j = 0; j < g->rows[0].ncells; j++) {
            const grid_cell *c = &g->rows[0].cells[j], *ct = &gt->rows[0].cells[j];
            assert_string_equal(c->text, ct->text);
            assert_int_equal(c->num, ct->num);
            assert_memory_equal(&c->value, &ct->value, sizeof c->value);
        }
        grid_free(g);
        grid_free(gt);
        text_free(t);
        text_free(tt);
    }
}

/* The same lines, each in a block of its own: grid_build() then copies
 * them one by one instead of all at once (they no longer follow one
 * another).  Only norm and nlines are read by grid_build(). */
typedef struct {
    gk_text t;
    gk_line *norm;
} scattered;

static void scatter(const gk_text *t, scattered *sc)
{
    sc->norm = calloc(t->nlines ? t->nlines : 1, sizeof *sc->norm);
    assert_non_null(sc->norm);
    for (size_t i = 0; i < t->nlines; i++) {
        /* room after the NUL: a block right after the line's would not do */
        sc->norm[i].s = malloc(t->norm[i].len + 64);
        assert_non_null(sc->norm[i].s);
        memcpy(sc->norm[i].s, t->norm[i].s, t->norm[i].len + 1);
        sc->norm[i].len = t->norm[i].len;
    }
    memset(&sc->t, 0, sizeof sc->t);
    sc->t.norm = sc->norm;
    sc->t.nlines = t->nlines;
}

static void unscatter(scattered *sc)
{
    for (size_t i = 0; i < sc->t.nlines; i++)
        free(sc->norm[i].s);
    free(sc->norm);
}

static void assert_same_grid(const grid *a, const grid *b)
{
    assert_int_equal(a->layout, b->layout);
    assert_int_equal(a->nrows, b->nrows);
    for (int i = 0; i < a->nrows; i++) {
        const grid_row *x = &a->rows[i], *y = &b->rows[i];
        assert_int_equal(x->ncells, y->ncells);
        assert_int_equal(x->line, y->line);
        assert_int_equal(x->explicit, y->explicit);
        for (int j = 0; j < x->ncells; j++) {
            assert_string_equal(x->cells[j].text, y->cells[j].text);
            assert_int_equal(x->cells[j].line, y->cells[j].line);
            assert_int_equal(x->cells[j].num, y->cells[j].num);
            assert_memory_equal(&x->cells[j].value, &y->cells[j].value, sizeof x->cells[j].value);
            assert_int_equal(x->cells[j].is_int, y->cells[j].is_int);
        }
    }
}

static uint32_t next_rand(uint32_t *lcg)
{
    *lcg = *lcg * 1103515245u + 12345u;
    return *lcg >> 16;
}

/* Labels split_on() adds in its own pass (grid_fast_cells, as_is_end()),
 * and the counts build_blocks() adds without split_on(), are the cells the
 * general path (row_add_split()) makes of them.  Random
 * cells: words (labels, counts, signed numbers, units, marks, dashes, blank
 * markers, Chinese zeros, OCR misreads, item numbers, colons, underscores,
 * markdown's marks, and words glued from two of them) with spaces before,
 * between and after them, in rows between tabs, between pipes and in
 * one-cell-per-line blocks; each text's grid is the same either way
 * (seeded, reproducible). */
static void test_fast_labels(void **state)
{
    (void)state;
    static const char *const words[] = {
        "合计", "本年新收", "其他", "申请数量", "总", "计", "结果", "维持", "第", "共", "年", "行政许可",
        "12", "0", "7", "+5", "-3", "3.5", "1,234", "007", "O", "o", "〇", "零", "123456789012345",
        "1234567890123456",
        "件", "次", "人", "宗", "万元", "件次", "(件)", "（件）", "※", "①", "⑩", "*", "条", "元",
        "-", "—", "——", "–", "/", "×", "无", "空", "NaN", "None",
        "l", "D", "2b", "Z", "1.", "2、", "(一)", "（二）", "1.属于", "3)",
        ":", "：", "规章:", "规章：", "行政许可:15", ":6",
        "_", "__规章__", "0___", "\\", "\\.", "[0]{x}", "]{", "x", "ab", ")",
    };
    /* a few of them, drawn in every other text, so that their runs
     * (" 12 合计 +5 +6 合计", "零件次", " 12次") come often */
    static const char *const hot[] = {"12", "+5", "合计", "次", "零", "〇", "件次", "l", "O", "—", "/", "：5"};
    enum { NW = sizeof words / sizeof *words, NH = sizeof hot / sizeof *hot };
    static const char *const gaps[] = {" ", " ", " ", "  ", "   "};
    gen_seed(20261207);
    int blocks = 0;
    for (int k = 0; k < 12000; k++) {
        int style = k / 2 % 3;         /* tabs, pipes, blocks */
        char text[8192];
        size_t n = 0;
        int nlines = 1 + (int)gen_below(style == 2 ? 16 : 6);
        for (int l = 0; l < nlines; l++) {
            /* blocks: a cell a line mostly (else the lines are a tab grid's),
             * and now and then a blank line between rows */
            int ncells = style == 2 && gen_below(8) ? 1 : 1 + (int)gen_below(6);
            if (style == 2 && l && !gen_below(4))
                text[n++] = '\n';
            if (style == 1)
                n += (size_t)sprintf(text + n, "%s|", gen_below(3) ? "" : " ");
            for (int j = 0; j < ncells; j++) {
                if (j || style == 2)
                    text[n++] = style == 1 ? '|' : '\t';
                int nwords = (int)gen_below(5);
                for (int m = gen_below(3) ? 0 : 1 + (int)gen_below(2); m > 0; m--)
                    text[n++] = ' ';   /* spaces before */
                for (int w = 0; w < nwords; w++) {
                    if (w)
                        n += (size_t)sprintf(text + n, "%s", gaps[gen_below(5)]);
                    n += (size_t)sprintf(text + n, "%s", k % 2 ? hot[gen_below(NH)] : words[gen_below(NW)]);
                    if (!gen_below(4))  /* a word glued from two */
                        n += (size_t)sprintf(text + n, "%s", k % 2 ? hot[gen_below(NH)] : words[gen_below(NW)]);
                }
                for (int m = gen_below(3) ? 0 : 1 + (int)gen_below(2); m > 0; m--)
                    text[n++] = ' ';   /* spaces after */
            }
            if (style == 1 && gen_below(4))
                n += (size_t)sprintf(text + n, "|%s", gen_below(3) ? "" : "  ");
            text[n++] = '\n';
        }
        text[n] = '\0';
        const char *why = NULL;
        gk_text *t = text_decode(text, n, &why);
        if (!t)
            continue;                  /* nothing but blanks: no text */
        grid_fast_cells = 1;
        grid *fast = grid_build(t, 0, t->nlines);
        grid_fast_cells = 0;
        grid *slow = grid_build(t, 0, t->nlines);
        grid_fast_cells = 1;
        blocks += fast->layout == GRID_BLOCKS;
        assert_same_grid(fast, slow);
        assert_int_equal(fast->ocr_zeros, slow->ocr_zeros);
        assert_int_equal(fast->program, slow->program);
        grid_free(fast);
        grid_free(slow);
        text_free(t);
    }
    assert_true(blocks > 1000);        /* the blocks style reads as blocks */
}

/* Random tables in every layout, rows of up to 150 cells (past the room
 * one cell array leaves the rows after it, many times over), blank lines
 * between them: every row holds the cells its line gives when split on
 * its separator by the plain definition, its cells untouched by the rows
 * added after it (they share arrays, new_row()), and the grid is the same
 * whether the lines are copied all at once or one by one, whole or in
 * part [from, to). */
static void test_rows_and_copies(void **state)
{
    (void)state;
    static const char *const words[] = {"", "0", "7", "42", "合计", "一、本年新收", "x", "3.5", "-", "无", "12件"};
    enum { NW = sizeof words / sizeof *words, MAXL = 40 };
    uint32_t lcg = 2024;
    for (int k = 0; k < 300; k++) {
        int layout = k % 5;            /* tabs, pipes, spaces, one cell per line (blocks), lines */
        size_t n = 0;
        char *text = malloc(1 << 16);
        assert_non_null(text);
        int nlines = 2 + (int)(next_rand(&lcg) % (MAXL - 1));
        char *want[MAXL][160];
        int nwant[MAXL], wrow = 0;
        for (int l = 0; l < nlines; l++) {
            int ncells = layout == 3 || layout == 4 ? 1 : 2 + (int)(next_rand(&lcg) % (next_rand(&lcg) % 4 ? 12 : 148));
            if (layout < 3 && l >= 2 && next_rand(&lcg) % 6 == 0) {
                text[n++] = '\n';      /* a blank line */
                continue;
            }
            nwant[wrow] = 0;
            if (layout == 1)
                text[n++] = '|';
            if (layout == 3)
                text[n++] = '\t';
            for (int j = 0; j < ncells; j++) {
                /* the first cell a label, so that no head is split off a number */
                const char *w = j == 0 && layout < 3 ? "标签" : words[next_rand(&lcg) % NW];
                if (layout == 2 && !*w)
                    w = "项";          /* runs of spaces show no empty cell */
                if (layout == 4)
                    w = l % 2 ? "5" : "合计";
                if (j)
                    n += (size_t)sprintf(text + n, "%s", layout == 0 ? "\t" : layout == 1 ? "|" : "   ");
                n += (size_t)sprintf(text + n, "%s", w);
                want[wrow][nwant[wrow]++] = (char *)w;
            }
            if (layout == 1)
                text[n++] = '|';
            text[n++] = '\n';
            wrow++;
        }
        text[n] = '\0';
        const char *why = NULL;
        gk_text *t = text_decode(text, n, &why);
        assert_non_null(t);
        grid *g = grid_build(t, 0, t->nlines);
        if (layout < 3) {
            assert_int_equal(g->layout, layout == 0 ? GRID_TABS : layout == 1 ? GRID_PIPES : GRID_SPACES);
            assert_int_equal(g->nrows, wrow);
            for (int i = 0; i < wrow; i++) {
                assert_int_equal(g->rows[i].ncells, nwant[i]);
                for (int j = 0; j < nwant[i]; j++)
                    assert_string_equal(g->rows[i].cells[j].text, want[i][j]);
            }
        }
        scattered sc;
        scatter(t, &sc);
        for (int part = 0; part < 4; part++) {
            size_t from = part ? next_rand(&lcg) % (t->nlines + 1) : 0;
            size_t to = part ? from + next_rand(&lcg) % (t->nlines + 1 - from) : t->nlines;
            grid *a = grid_build(t, from, to), *b = grid_build(&sc.t, from, to);
            assert_same_grid(a, b);
            grid_free(a);
            grid_free(b);
        }
        unscatter(&sc);
        grid_free(g);
        text_free(t);
        free(text);
    }
}

/* A region too long to copy at once (its lines are copied one by one, up
 * to the rows read): its table reads as the same lines alone do. */
static void test_long_region(void **state)
{
    (void)state;
    const char *table = "合计\t1\t2\t3\n自然人\t\t5\t\n";
    size_t tl = strlen(table), n = 0, cap = tl + (3u << 20);
    char *text = malloc(cap + 1);
    assert_non_null(text);
    memcpy(text, table, tl);
    n = tl;
    while (n + 80 < cap) {             /* prose after the table: 3 MB of it */
        memset(text + n, 'a', 79);
        text[n + 79] = '\n';
        n += 80;
    }
    text[n] = '\0';
    const char *why = NULL;
    gk_text *t = text_decode(text, n, &why), *s;
    assert_non_null(t);
    grid *g = grid_build(t, 0, t->nlines), *h = build(table, &s);
    assert_true(g->nrows > 2);
    for (int i = 0; i < 2; i++) {
        assert_int_equal(g->rows[i].ncells, h->rows[i].ncells);
        for (int j = 0; j < h->rows[i].ncells; j++)
            assert_string_equal(g->rows[i].cells[j].text, h->rows[i].cells[j].text);
    }
    assert_string_equal(g->rows[2].cells[0].text, t->norm[2].s);
    grid_free(g);
    grid_free(h);
    text_free(t);
    text_free(s);
    free(text);
}

/* ---- tables drawn with borders (w3m -dump, links, grid tables) ---------- */

/* The border sets such tools draw with: vertical, horizontal, and the
 * corners and junctions (top-left, top, top-right, left, cross, right,
 * bottom-left, bottom, bottom-right). */
typedef struct {
    const char *v, *h, *j[9];
} border_set;

static const border_set BORDERS[] = {
    {"│", "─", {"┌", "┬", "┐", "├", "┼", "┤", "└", "┴", "┘"}},
    {"┃", "━", {"┏", "┳", "┓", "┣", "╋", "┫", "┗", "┻", "┛"}},
    {"║", "═", {"╔", "╦", "╗", "╠", "╬", "╣", "╚", "╩", "╝"}},
    {"|", "-", {"+", "+", "+", "+", "+", "+", "+", "+", "+"}},
    {"|", "=", {"+", "+", "+", "+", "+", "+", "+", "+", "+"}},
};

typedef struct {
    char label[256];
    char piece[4][128];          /* the label wrapped into its column */
    int npieces;
    char num[8][16];             /* its numbers as written ("" an empty cell) */
} btrow;

static void put(char **p, const char *s)
{
    size_t n = strlen(s);
    memcpy(*p, s, n);
    *p += n;
}

static void pad(char **p, int n)
{
    while (n-- > 0)
        *(*p)++ = ' ';
}

/* A rule: kind 0 top, 1 between rows, 2 bottom; width[] of ncol columns. */
static void rule(char **p, const border_set *b, int kind, const int *width, int ncol, int indent)
{
    pad(p, indent);
    put(p, b->j[kind * 3]);
    for (int c = 0; c < ncol; c++) {
        for (int k = 0; k < width[c]; k++)
            put(p, b->h);
        put(p, b->j[kind * 3 + (c == ncol - 1 ? 2 : 1)]);
    }
    put(p, "\n");
}

/* Random bordered tables: rows of a label wrapped over one to four lines
 * and one to seven numbers (or empty cells, or blank markers) on the
 * row's first or middle line, in every border set, indented or not, with
 * page text in the indent now and then.  Every row must come back as one
 * grid row: the label whole, each number in its column. */
static void test_bordered_tables(void **state)
{
    (void)state;
    static const char *const CJK[] = {"申", "请", "公", "开", "政", "府", "信", "息", "（", "）", "不", "予"};
    static const char *const MARGIN[] = {"• 机", "构", "  概", "况", "•"};
    gen_seed(20261204);
    char *text = malloc(1 << 16);
    for (int round = 0; round < 400; round++) {
        const border_set *b = &BORDERS[gen_below(sizeof BORDERS / sizeof BORDERS[0])];
        int nnum = 1 + (int)gen_below(7), nrows = 1 + (int)gen_below(8);
        int indent = gen_below(2) ? 8 : 0, middle = gen_below(2), margin = indent && gen_below(3) == 0;
        int lw = 2 * (2 + (int)gen_below(6));       /* the label column: 2..7 characters wide */
        int width[8] = {lw + 2};
        for (int c = 1; c <= nnum; c++)
            width[c] = 3 + (int)gen_below(5);
        btrow rows[8];
        for (int r = 0; r < nrows; r++) {
            btrow *w = &rows[r];
            int nch = 1 + (int)gen_below(14), at = 0;
            w->label[0] = '\0';
            w->npieces = 0;
            for (int k = 0; k < nch && w->npieces < 4; k++) {
                if (at == 0)
                    w->piece[w->npieces++][0] = '\0';
                const char *ch = CJK[gen_below(sizeof CJK / sizeof CJK[0])];
                strcat(w->label, ch);
                strcat(w->piece[w->npieces - 1], ch);
                at += 2;
                if (at + 2 > lw)
                    at = 0;
            }
            for (int c = 0; c < nnum; c++) {
                unsigned k = gen_below(10);
                if (k == 0)
                    strcpy(w->num[c], "");
                else if (k == 1)
                    strcpy(w->num[c], "-");
                else                   /* as wide as its column allows */
                    snprintf(w->num[c], sizeof w->num[c], "%u",
                             (unsigned)gen_below(k == 2 ? (unsigned)pow(10, width[c + 1] - 2) : 10));
            }
        }
        if (nnum == 1) {                       /* one column of values, not all of them empty */
            int r = (int)gen_below((unsigned)nrows);
            snprintf(rows[r].num[0], sizeof rows[r].num[0], "%u", (unsigned)gen_below(10));
        }
        char *p = text;
        put(&p, "标题\n");
        rule(&p, b, 0, width, nnum + 1, indent);
        for (int r = 0; r < nrows; r++) {
            btrow *w = &rows[r];
            int height = w->npieces + (int)gen_below(2);   /* a row may be taller than its label */
            int numline = middle ? (height - 1) / 2 : 0;
            for (int y = 0; y < height; y++) {
                if (margin && gen_below(2)) {
                    const char *m = MARGIN[gen_below(sizeof MARGIN / sizeof MARGIN[0])];
                    put(&p, m);
                    pad(&p, indent - (int)strlen(m) + (strlen(m) > 3 ? 2 : 0));
                } else {
                    pad(&p, indent);
                }
                put(&p, b->v);
                const char *lab = y < w->npieces ? w->piece[y] : "";
                put(&p, " ");
                put(&p, lab);
                pad(&p, width[0] - 1 - (int)strlen(lab) / 3 * 2);
                for (int c = 0; c < nnum; c++) {
                    put(&p, b->v);
                    const char *v = y == numline ? w->num[c] : "";
                    pad(&p, width[c + 1] - 1 - (int)strlen(v));
                    put(&p, v);
                    put(&p, " ");
                }
                put(&p, b->v);
                put(&p, "\n");
            }
            rule(&p, b, r == nrows - 1 ? 2 : 1, width, nnum + 1, indent);
        }
        put(&p, "\n");
        *p = '\0';
        gk_text *t;
        grid *g = build(text, &t);
        grid_fast_cells = 0;           /* the general path's columns (border_cols()) give the same grid */
        grid *slow = grid_build(t, 0, t->nlines);
        grid_fast_cells = 1;
        assert_same_grid(g, slow);
        grid_free(slow);
        assert_int_equal(g->layout, GRID_PIPES);
        assert_int_equal(g->nrows, 1 + nrows);                 /* the title, then the rows */
        for (int r = 0; r < nrows; r++) {
            const grid_row *gr = &g->rows[1 + r];
            char *label = text_normalise(rows[r].label, strlen(rows[r].label));   /* "（" reads "(" */
            if (gr->ncells != nnum + 1 || strcmp(gr->cells[0].text, label))
                print_message("round %d row %d: %d cells, label \"%s\" (want \"%s\")\n%s", round, r, gr->ncells,
                              gr->ncells ? gr->cells[0].text : "", label, text);
            assert_int_equal(gr->ncells, nnum + 1);
            assert_string_equal(gr->cells[0].text, label);
            free(label);
            for (int c = 0; c < nnum; c++)
                assert_string_equal(gr->cells[1 + c].text, rows[r].num[c]);
        }
        grid_free(g);
        text_free(t);
    }
    free(text);
}

/* Bordered tables whose rows hold anything (runs of spaces and of ASCII,
 * '+', Chinese text, ambiguous and wide characters, line-drawing runs, a
 * fullwidth bar), their borders where the rules' are or not, rules with
 * text in them, and lines like rules before them: the grid is the same
 * whether border_cols() and read_rule_cell() step over runs and
 * border_cols() keeps a box character's kind (grid_fast_cells) or each
 * character is read (seeded). */
static void test_bordered_fast(void **state)
{
    (void)state;
    static const char *const PIECES[] = {" ", "  ", "        ", "规章", "行政许可", "12", "0", "abc", "+", "-", "①", "×",
                                         "—", "｜", "•", "─", "──", "━", "═══", "┼", "·", "é", "｜12"};
    enum { NP = sizeof PIECES / sizeof *PIECES };
    gen_seed(20261209);
    char *text = malloc(1 << 16);
    for (int round = 0; round < 1500; round++) {
        const border_set *b = &BORDERS[gen_below(sizeof BORDERS / sizeof BORDERS[0])];
        int ncol = 1 + (int)gen_below(6), nrows = 1 + (int)gen_below(6), indent = gen_below(3) ? 0 : 4;
        int width[8];
        for (int c = 0; c < ncol; c++)
            width[c] = 1 + (int)gen_below(12);
        static const char *const RULE[] = {"-", "---", "--------", "---------", " ", "        ",
                                           "         ", "=", ":", "12", "规章", "+", "|", "─"};
        enum { NR = sizeof RULE / sizeof *RULE };
        char *p = text;
        put(&p, "标题\n");
        for (int k = gen_below(2) ? 0 : 1 + (int)gen_below(3); k > 0; k--) {   /* rule-like lines before it */
            put(&p, gen_below(2) ? "|" : "a |");
            for (int m = 1 + (int)gen_below(6); m > 0; m--)
                put(&p, RULE[gen_below(NR)]);
            put(&p, "\n");
        }
        rule(&p, b, 0, width, ncol, indent);
        for (int r = 0; r < nrows; r++) {
            for (int y = 1 + (int)gen_below(2); y > 0; y--) {
                pad(&p, indent);
                for (int c = 0; c < ncol; c++) {
                    put(&p, gen_below(8) ? b->v : "|");
                    if (gen_below(3)) {
                        pad(&p, width[c]);   /* an empty cell, its border in place */
                        continue;
                    }
                    for (int k = 1 + (int)gen_below(4); k > 0; k--)
                        put(&p, PIECES[gen_below(NP)]);
                }
                put(&p, b->v);
                put(&p, "\n");
            }
            if (r < nrows - 1 && !gen_below(3)) {   /* a rule with text in it, or runs of dashes and spaces */
                pad(&p, indent);
                put(&p, b->j[3]);
                for (int k = 1 + (int)gen_below(10); k > 0; k--)
                    put(&p, RULE[gen_below(NR)]);
                put(&p, b->j[5]);
                put(&p, "\n");
            } else {
                rule(&p, b, r == nrows - 1 ? 2 : 1, width, ncol, indent);
            }
        }
        put(&p, "\n");
        *p = '\0';
        gk_text *t;
        grid *fast = build(text, &t);
        grid_fast_cells = 0;
        grid *slow = grid_build(t, 0, t->nlines);
        grid_fast_cells = 1;
        assert_same_grid(fast, slow);
        grid_free(fast);
        grid_free(slow);
        text_free(t);
    }
    free(text);
}

/* Boxes around single cells (w3m draws a page's layout tables so) read as
 * the text in them: rows of one cell each, no empty cells shown. */
static void test_boxed_single_cells(void **state)
{
    (void)state;
    gk_text *t;
    grid *g = build("┌─┬────────┐\n│ │行政许可│\n├─┼────────┤\n│ │0       │\n└─┴────────┘\n", &t);
    assert_int_equal(g->nrows, 2);
    assert_int_equal(g->rows[0].ncells, 1);
    assert_string_equal(g->rows[0].cells[0].text, "行政许可");
    assert_int_equal(g->rows[0].explicit, 0);
    assert_string_equal(g->rows[1].cells[0].text, "0");
    grid_free(g);
    text_free(t);
}

/* A row whose label spans a column of numbers (a page's empty cells merged
 * into the label before them) keeps its numbers in their columns: each
 * cell goes to the column its left border stands at, the spanned one
 * empty — but only where every border stands on one of the rule above. */
static void test_bordered_columns_by_position(void **state)
{
    (void)state;
    gk_text *t;
    grid *g = build("┌──────────┬────┬────┬────┐\n"
                    "│类        │甲  │乙  │总计│\n"
                    "├──────────┼────┼────┼────┤\n"
                    "│一、新收  │1   │2   │3   │\n"
                    "├──────────┴────┼────┼────┤\n"
                    "│二、结转（全） │5   │5   │\n"
                    "└───────────────┴────┴────┘\n", &t);
    assert_int_equal(g->nrows, 3);
    assert_int_equal(g->rows[1].ncells, 4);
    assert_int_equal(g->rows[2].ncells, 4);
    assert_string_equal(g->rows[2].cells[0].text, "二、结转(全)");
    assert_string_equal(g->rows[2].cells[1].text, "");
    assert_string_equal(g->rows[2].cells[2].text, "5");
    assert_string_equal(g->rows[2].cells[3].text, "5");
    assert_int_equal(g->rows[2].cells[1].line, 6);
    grid_free(g);
    text_free(t);
    /* “ ” drawn two columns wide (as CJK settings draw East Asian ambiguous characters) */
    g = build("┌──────────┬────┬────┬────┐\n"
              "│类        │甲  │乙  │总计│\n"
              "├──────────┴────┼────┼────┤\n"
              "│二、“结转”   │5   │5   │\n"
              "└───────────────┴────┴────┘\n", &t);
    assert_int_equal(g->rows[1].ncells, 4);
    assert_string_equal(g->rows[1].cells[1].text, "");
    assert_string_equal(g->rows[1].cells[2].text, "5");
    grid_free(g);
    text_free(t);
    /* a border off the rule above (widths not as this reader counts them): by index */
    g = build("┌──────────┬────┬────┬────┐\n"
              "│类        │甲  │乙  │总计│\n"
              "├──────────┼────┼────┼────┤\n"
              "│二、结转       │5  │5   │\n"
              "└───────────────┴────┴────┘\n", &t);
    assert_int_equal(g->rows[1].ncells, 3);
    assert_string_equal(g->rows[1].cells[1].text, "5");
    grid_free(g);
    text_free(t);
}

/* Pipe tables as web-page text extractors write them, generated: rows
 * without outer pipes ("a | b |", a '|' first for an empty first cell, the
 * last '|' there or not), and rows written a cell a line ("a", "| b",
 * "|" for an empty cell, a lone "|" ending the row; long labels broken over
 * two lines, an empty first cell an empty line): every row reads as the
 * cells it was written from, in the same order, a broken label joined. */
static void test_extracted_pipes(void **state)
{
    (void)state;
    static const char *const LABELS[] = {"规章", "行政规范性文件", "(一)予以公开", "1.属于国家秘密", "其他",
                                         "本年新收政府信息公开申请数量", "结果维持"};
    static const char *const NUMBERS[] = {"0", "12", "3", "1,234", "5.5", "—", "/"};
    uint32_t lcg = 20261204u;
    for (int iter = 0; iter < 600; iter++) {
        int style = iter % 3;          /* 0 inner with a last '|', 1 inner without, 2 a cell a line */
        int nrows = 2 + (int)(next_rand(&lcg) % 9);
        int ncols = (style == 2 ? 3 : 2) + (int)(next_rand(&lcg) % 7);
        const char *cell[12][10];
        char *text = malloc(16384), *p = text;
        for (int r = 0; r < nrows; r++) {
            for (int c = 0; c < ncols; c++) {
                unsigned k = next_rand(&lcg) % 10;
                /* the first cell a label (empty in some rows but the first two), the last a number */
                cell[r][c] = c == 0 ? (r >= 2 && k < 3 ? "" : LABELS[k % 7])
                           : c == ncols - 1 ? NUMBERS[k % 7]
                           : k < 2 ? "" : k < 4 ? LABELS[k] : NUMBERS[k % 7];
            }
            for (int c = 0; c < ncols; c++) {
                const char *x = cell[r][c];
                if (style < 2) {
                    p += sprintf(p, "%s%s", c ? " | " : (*x ? "" : " "), x);
                    continue;
                }
                size_t n = strlen(x);
                if (c)
                    p += sprintf(p, "|%s", n ? " " : "");
                if (n >= 12 && next_rand(&lcg) % 2) {   /* broken between two characters */
                    size_t m = n / 2;
                    while ((x[m] & 0xC0) == 0x80)
                        m++;
                    p += sprintf(p, "%.*s\n%s\n", (int)m, x, x + m);
                } else {
                    p += sprintf(p, "%s\n", x);
                }
            }
            p += sprintf(p, "%s", style == 0 ? " |\n" : style == 1 ? "\n" : "|\n");
        }
        gk_text *t;
        grid *g = build(text, &t);
        assert_int_equal(g->layout, GRID_PIPES);
        if (g->nrows != nrows)
            fail_msg("iter %d style %d: %d rows read of %d:\n%s", iter, style, g->nrows, nrows, text);
        for (int r = 0; r < nrows; r++) {
            const grid_row *row = &g->rows[r];
            if (row->ncells != ncols)
                fail_msg("iter %d style %d row %d: %d cells of %d:\n%s", iter, style, r, row->ncells, ncols, text);
            for (int c = 0; c < ncols; c++)
                assert_string_equal(row->cells[c].text, cell[r][c]);
            assert_true(row->explicit);
        }
        grid_free(g);
        text_free(t);
        free(text);
    }
}

/* Rows without outer pipes are not read so where a table drawn with borders
 * has page text in its indent (w3m prints a page's side menu beside it), nor
 * a row of blank markers a rule. */
static void test_extracted_pipes_not_borders(void **state)
{
    (void)state;
    gk_text *t;
    grid *g = build("  • 政  +----------+-----+\n    务  | 规章     |   0 |\n    动  +----------+-----+\n"
                    "    态  | 规范性文 |   3 |\n        +----------+-----+\n", &t);
    assert_int_equal(g->nrows, 2);
    assert_row_texts(&g->rows[0], (const char *const[]){"规章", "0"}, 2);
    assert_row_texts(&g->rows[1], (const char *const[]){"规范性文", "3"}, 2);
    grid_free(g);
    text_free(t);
    g = build("标签\n| -\n| --\n|\n标签二\n| 0\n| -\n|\n", &t);
    assert_int_equal(g->nrows, 2);
    assert_row_texts(&g->rows[0], (const char *const[]){"标签", "-", "--"}, 3);
    assert_row_texts(&g->rows[1], (const char *const[]){"标签二", "0", "-"}, 3);
    grid_free(g);
    text_free(t);
}

/* A PDF's table row printed over two lines, a cell's number a line lower in its own
 * cell (Chromium: "&nbsp;0&nbsp;"), as gkreview's PDF reader writes it — tab cells in
 * their places, the lower line's trailing empty ones dropped.  Generated (seeded):
 * rows of 5 to 15 cells, three numbers or more, one or two of them moved down; the
 * grid reads one row with every number in its cell.  Decoys, never joined: the same
 * text not from a PDF; a lower line with a label, with a number under a cell holding
 * one, or a number alone (a page's, or the first cell's: not told apart). */
static void test_pdf_lower_cells(void **state)
{
    (void)state;
    gen_seed(20261216);
    for (int iter = 0; iter < 400; iter++) {
        int n = 5 + (int)gen_below(11), down[2] = {-1, -1}, ndown = 1 + (int)gen_below(2);
        int decoy = (int)gen_below(6);     /* 0-1: none; 2: not a PDF; 3: a label; 4: under a number; 5: a page's number */
        char cell[16][8];
        for (int j = 0; j < n; j++)
            snprintf(cell[j], sizeof cell[j], "%u", gen_below(30));
        for (int k = 0; k < ndown; k++)
            down[k] = (int)gen_below((unsigned)n);
        if (ndown == 2 && down[1] == down[0])
            ndown = 1;
        sbuf b;
        sbuf_init(&b);
        for (int j = 0; j < n; j++)    /* the row's line: the moved cells empty */
            sbuf_printf(&b, "%s%s", j ? "\t" : "", j == down[0] || (ndown == 2 && j == down[1]) ? "" : cell[j]);
        sbuf_adds(&b, "\n");
        int last = down[0] > down[1] ? down[0] : down[1], other = 0;   /* other: a cell not moved */
        while (other == down[0] || (ndown == 2 && other == down[1]))
            other++;
        if ((decoy == 3 || decoy == 4) && other > last)
            last = other;
        if (decoy == 5) {
            sbuf_adds(&b, "3\n");
        } else {
            for (int j = 0; j <= last; j++) {   /* the lower line, its trailing empties dropped */
                const char *c = j == down[0] || (ndown == 2 && j == down[1]) ? cell[j] : "";
                if (j == other && decoy == 3)
                    c = "其他";        /* a label: a row of its own */
                if (j == other && decoy == 4)
                    c = "7";           /* under a number the row has */
                sbuf_printf(&b, "%s%s", j ? "\t" : "", c);
            }
            sbuf_adds(&b, "\n");
        }
        const char *why = NULL;
        gk_text *t = text_decode(b.s, b.len, &why);
        assert_non_null(t);
        if (decoy != 2)
            t->page = xcalloc(t->nlines, sizeof *t->page);   /* read from a PDF */
        grid *g = grid_build(t, 0, t->nlines);
        /* (the first cell's number alone on the lower line is a page's number as much) */
        int joined = g->nrows == 1, want = decoy < 2 && last > 0;
        if (joined != want)
            fail_msg("iteration %d (decoy %d): %d rows\n%s", iter, decoy, g->nrows, b.s);
        for (int j = 0; joined && j < n; j++)
            if (strcmp(g->rows[0].cells[j].text, cell[j]))
                fail_msg("iteration %d: cell %d \"%s\", want \"%s\"\n%s", iter, j, g->rows[0].cells[j].text, cell[j], b.s);
        grid_free(g);
        text_free(t);
        sbuf_free(&b);
    }
}

/* Rules that do not separate every row leave each line a row: a table
 * ruled only around its header (tabulate's outline styles), and a segment
 * whose numbers lie on two lines. */
static void test_bordered_not_merged(void **state)
{
    (void)state;
    gk_text *t;
    grid *g = build("┌────┬───┐\n│ 类 │ 数│\n├────┼───┤\n│ 甲 │ 1 │\n│ 乙 │ 2 │\n└────┴───┘\n", &t);
    assert_int_equal(g->nrows, 3);
    assert_string_equal(g->rows[1].cells[0].text, "甲");
    assert_string_equal(g->rows[1].cells[1].text, "1");
    assert_string_equal(g->rows[2].cells[0].text, "乙");
    assert_string_equal(g->rows[2].cells[1].text, "2");
    grid_free(g);
    text_free(t);
    /* a markdown table's rule under its header: not a bordered table */
    g = build("| 类 | 数 |\n|---|---|\n| 甲 | 1 |\n| 乙 |  |\n", &t);
    assert_int_equal(g->nrows, 3);
    assert_string_equal(g->rows[2].cells[0].text, "乙");
    grid_free(g);
    text_free(t);
    /* text under a number in its column, where it would have fit beside it, a label beside
       it: two rows, not one (a unit wrapped under its number where it could not fit, or with no
       label on its lines: test_narrow_boxes) */
    g = build("+----+-----+\n| 甲 | 1   |\n| 乙 | 件  |\n+----+-----+\n", &t);
    assert_int_equal(g->nrows, 2);
    grid_free(g);
    text_free(t);
}

/* A bordered table without a label column (table 4: a row of numbers only) whose
 * first cell is a number with its unit apart ("│  0 件 │"): that one cell, no empty
 * cell before it — one more cell than its neighbours' rows had kept the row's lines
 * from being one row (genlayout seed 30 v4495).  Generated (seeded): the first cell's
 * number, unit and padding, the other cells' numbers, a row's lines one or two. */
static void test_bordered_number_unit_first(void **state)
{
    (void)state;
    gen_seed(20261210);
    static const char *const UNITS[] = {"件", "条", "项", "个"};
    for (int iter = 0; iter < 200; iter++) {
        int n = 2 + (int)gen_below(5), v[8];
        char first[32], line[512], rule[512], cell[64];
        const char *unit = UNITS[gen_below(4)];
        for (int c = 0; c < n; c++)
            v[c] = (int)gen_below(200);
        snprintf(first, sizeof first, "%d %s", v[0], unit);
        int width = 8;
        sbuf b;
        sbuf_init(&b);
        rule[0] = '\0';
        for (int c = 0; c < n; c++) {
            strcat(rule, c ? "┼" : "├");
            for (int k = 0; k < width; k++)
                strcat(rule, "─");
        }
        strcat(rule, "┤\n");
        sbuf_adds(&b, rule);
        line[0] = '\0';
        for (int c = 0; c < n; c++) {
            if (c == 0)
                snprintf(cell, sizeof cell, "%*s%s", 1 + (int)gen_below(2), "", first);
            else
                snprintf(cell, sizeof cell, " %d", v[c]);
            strcat(line, "│");
            strcat(line, cell);
            for (int w = (int)text_display_width(cell, strlen(cell)); w < width; w++)
                strcat(line, " ");
        }
        strcat(line, "│\n");
        sbuf_adds(&b, line);
        sbuf_adds(&b, rule);
        gk_text *t;
        grid *g = build(b.s, &t);
        assert_int_equal(g->nrows, 1);
        assert_int_equal(g->rows[0].ncells, n);
        assert_string_equal(g->rows[0].cells[0].text, first);
        assert_int_equal(g->rows[0].cells[0].num, NUM_VALUE);
        assert_true(g->rows[0].cells[0].value == v[0]);
        grid_free(g);
        text_free(t);
        sbuf_free(&b);
    }
}

/* ---- comma-separated rows ------------------------------------------------ */

/* Copies s to d (room for cap bytes), which it fits. */
static void str_copy(char *d, size_t cap, const char *s)
{
    size_t n = strlen(s);
    assert_true(n < cap);
    memcpy(d, s, n + 1);
}

/* Asserts cell j of row r: its text and what it holds (value for NUM_VALUE). */
static void assert_cell(const grid *g, int r, int j, const char *text, num_kind num, double value)
{
    assert_true(r < g->nrows);
    assert_true(j < g->rows[r].ncells);
    const grid_cell *c = &g->rows[r].cells[j];
    assert_string_equal(c->text, text);
    assert_int_equal(c->num, num);
    if (num == NUM_VALUE)
        assert_true(c->value == value);
}

/* Display columns of UTF-8 text: CJK two, ASCII one. */
static int display_width(const char *s)
{
    int w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x80)
            w++;
        else if (*p >= 0xE0)
            w += 2;
    return w;
}

/* Grid tables (pandoc) whose label cell wraps right after its item number:
 * "|  | 8 | 7 | 0 |" over "|  | .属于行政查询事项 | | |".  Generated (seeded): item
 * numbers 1..12, the marks . 、 ) ）, labels from a list, two numbers; the row
 * is one, its label the number, the mark and the words together, its numbers
 * as written.  Decoys: the mark alone under the number, and words without a
 * mark, leave two rows (a number over text in its column). */
static void test_item_number_wrapped(void **state)
{
    (void)state;
    static const char *const MARK[] = {".", "、", ")", "）"};
    static const char *const MARK_NORM[] = {".", "、", ")", ")"};
    static const char *const LABEL[] = {"属于行政查询事项", "保护第三方合法权益", "重复申请", "其他"};
    gen_seed(20261205);
    for (int iter = 0; iter < 300; iter++) {
        int num = 1 + (int)gen_below(12), m = (int)gen_below(4), l = (int)gen_below(4);
        int a = (int)gen_below(40), b = (int)gen_below(40);
        char text[512], want[128], lab[64], n1[8];
        snprintf(lab, sizeof lab, "%s%s", MARK[m], LABEL[l]);
        snprintf(n1, sizeof n1, "%d", num);
        snprintf(text, sizeof text,
                 "+----+------------------------------+----+----+\n|    | %s%*s| %2d | %2d |\n|    | %s%*s|    |    |\n"
                 "+----+------------------------------+----+----+\n",
                 n1, 29 - display_width(n1), "", a, b, lab, 29 - display_width(lab), "");
        snprintf(want, sizeof want, "%d%s%s", num, MARK_NORM[m], LABEL[l]);
        gk_text *t;
        grid *g = build(text, &t);
        assert_int_equal(g->nrows, 1);
        assert_cell(g, 0, 1, want, NUM_NONE, 0);
        char an[16], bn[16];
        snprintf(an, sizeof an, "%d", a);
        snprintf(bn, sizeof bn, "%d", b);
        assert_cell(g, 0, 2, an, NUM_VALUE, a);
        assert_cell(g, 0, 3, bn, NUM_VALUE, b);
        grid_free(g);
        text_free(t);
    }
    assert_nrows("+----+------+----+\n|    | 8    |  7 |\n|    | .    |    |\n+----+------+----+\n", 2);
    /* (words: not a unit — "8" over "件" is a count and its unit wrapped, test_narrow_boxes) */
    assert_nrows("+----+------+----+\n|    | 8    |  7 |\n|    | 其他 |    |\n+----+------+----+\n", 2);
}

/* A bordered row whose last number wrapped inside its narrow cell, its first
 * digit on the row's line and the rest on the next, beside the label's end
 * ("│5.要求…│6│0│…│１│" over "│重新出具已获取信息│ │ │…│９│", w3m): one number.
 * Generated (seeded): two to four numbers, the wrapped one of two or three digits.
 * Decoy: two numbers on the lower line are a row of their own (not joined). */
static void test_wrapped_digits(void **state)
{
    (void)state;
    gen_seed(20261210);
    for (int iter = 0; iter < 300; iter++) {
        int n = 2 + (int)gen_below(3), v[4], wrapped = 10 + (int)gen_below(990);
        char text[1024], num[8];
        snprintf(num, sizeof num, "%d", wrapped);
        size_t split = 1 + gen_below((unsigned)strlen(num) - 1);
        sbuf b;
        sbuf_init(&b);
        /* two rows ruled above it: a table that rules its rows (a lower line with
           text beside its digits is a row of its own in one ruled only around its
           header: test_box_rows' test_ruled_around_header) */
        for (int h = 0; h < 3; h++) {
            sbuf_adds(&b, "+------------+");
            for (int k = 0; k < n; k++)
                sbuf_adds(&b, "-----+");
            sbuf_adds(&b, h < 2 ? "----+\n| 项目       |" : "----+\n| 5.要求确认 |");
            for (int k = 0; h < 2 && k < n; k++)
                sbuf_adds(&b, " 列  |");
            if (h < 2)
                sbuf_adds(&b, " 计 |\n");
        }
        for (int k = 0; k < n; k++) {
            v[k] = (int)gen_below(100);
            sbuf_printf(&b, " %3d |", v[k]);
        }
        sbuf_printf(&b, " %-2.*s |\n| 重新出具   |", (int)split, num);
        for (int k = 0; k < n; k++)
            sbuf_adds(&b, "     |");
        sbuf_printf(&b, " %-2s |\n+------------+", num + split);
        for (int k = 0; k < n; k++)
            sbuf_adds(&b, "-----+");
        sbuf_adds(&b, "----+\n");
        snprintf(text, sizeof text, "%s", b.s);
        sbuf_free(&b);
        gk_text *t;
        grid *g = build(text, &t);
        assert_int_equal(g->nrows, 3);
        assert_int_equal(g->rows[2].ncells, n + 2);
        for (int k = 0; k < n; k++)
            assert_true(g->rows[2].cells[1 + k].value == v[k]);
        assert_cell(g, 2, n + 1, num, NUM_VALUE, wrapped);
        grid_free(g);
        text_free(t);
    }
    assert_nrows("+------+----+----+\n| 甲   | 12 |  1 |\n| 乙   |  3 |  9 |\n+------+----+----+\n", 2);
}

/* Generated tables written as CSV, as spreadsheets and scripts write them:
 * labels (Chinese, a full-width comma or curly quotes in some, an ASCII
 * comma or quote in others, which must then be quoted), counts, amounts,
 * empty cells and blank markers; fields quoted when they must be, at random
 * or all of them; a space after the commas or not; rows ended by runs of
 * commas or not; a heading before the table and a note in quotes after it.
 * Every row holds the cells its fields are, cell for cell: the text without
 * quotes ("" one quote) as normalisation writes it, and the number. */
static void test_csv_generated(void **state)
{
    (void)state;
    static const char *const labels[] = {
        "规章", "行政规范性文件", "本年新收政府信息公开申请数量", "（一）予以公开",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "3.危及“三安全一稳定”",
        "结果维持, 结果纠正", "其他\"处理\"", "(七) 总计", "申请人情况",
    };
    static const char *const blanks[] = {"-", "—", "/", "无"};
    enum { NL = sizeof labels / sizeof *labels, NB = sizeof blanks / sizeof *blanks, MAXR = 24, MAXC = 16 };
    gen_seed(20240612);
    for (int k = 0; k < 400; k++) {
        int quote_all = gen_below(5) == 0, quote_some = !quote_all && gen_below(2), space = gen_below(3) == 0;
        char text[16384];
        size_t n = 0;
        char want[MAXR][MAXC][96];
        num_kind wnum[MAXR][MAXC];
        double wval[MAXR][MAXC];
        int wcells[MAXR], nrows = 0;
        n += (size_t)snprintf(text + n, sizeof text - n, "表格  收到和处理政府信息公开申请情况\n");
        snprintf(want[0][0], sizeof want[0][0], "表格");
        snprintf(want[0][1], sizeof want[0][1], "收到和处理政府信息公开申请情况");
        wnum[0][0] = wnum[0][1] = NUM_NONE;
        wcells[nrows++] = 2;
        int rows = 3 + (int)gen_below(MAXR - 5);
        for (int r = 0; r < rows; r++) {
            int ncells = 2 + (int)gen_below(MAXC - 4), lead = gen_below(4) == 0 ? 1 + (int)gen_below(2) : 0;
            int prev_digit = 0;         /* the field before ends in a digit, unquoted */
            for (int j = 0; j < ncells; j++) {
                char field[96], raw[96];
                int quoted = quote_all || (quote_some && gen_below(3) == 0);
                num_kind num = NUM_NONE;
                double value = 0;
                unsigned what = j < lead ? 9 : j == lead ? 0 : 1 + gen_below(9);
                if (what == 0) {                       /* a label */
                    const char *l = labels[gen_below(NL)];
                    str_copy(raw, sizeof raw, l);
                    char *norm = text_normalise(l, strlen(l));
                    str_copy(field, sizeof field, norm);
                    free(norm);
                    quoted |= strchr(l, ',') || strchr(l, '"');
                } else if (what <= 5) {                /* a count */
                    unsigned v = gen_below(4) ? gen_below(100) : gen_below(20000);
                    snprintf(raw, sizeof raw, "%u", v);
                    if (v >= 1000 && gen_below(2)) {   /* with thousands separators, quoted */
                        snprintf(raw, sizeof raw, "%u,%03u", v / 1000, v % 1000);
                        quoted = 1;
                    }
                    str_copy(field, sizeof field, raw);
                    if (quoted && gen_below(4) == 0) {
                        raw[0] = ' ';          /* spaces inside the quotes */
                        str_copy(raw + 1, sizeof raw - 2, field);
                        strcat(raw, " ");
                    }
                    num = NUM_VALUE;
                    value = v;
                } else if (what == 6) {                /* an amount */
                    static const char *const amounts[] = {"12.8", "0.05", "106.35", "3.5"};
                    str_copy(raw, sizeof raw, amounts[gen_below(4)]);
                    str_copy(field, sizeof field, raw);
                    num = NUM_VALUE;
                    value = strtod(raw, NULL);
                } else if (what == 7) {                /* a blank marker */
                    str_copy(raw, sizeof raw, blanks[gen_below(NB)]);
                    str_copy(field, sizeof field, raw);
                    num = NUM_BLANK;
                } else {                               /* an empty cell */
                    raw[0] = field[0] = '\0';
                    num = NUM_BLANK;
                }
                /* "37,242", "90,106.35": a comma between digits that may be a thousands
                 * separator; the writer leaves no doubt here (tested apart) */
                if (prev_digit && !space && strspn(raw, "0123456789") == 3)
                    quoted = 1;
                if (j)
                    n += (size_t)snprintf(text + n, sizeof text - n, space ? ", " : ",");
                if (quoted) {
                    text[n++] = '"';
                    for (const char *p = raw; *p; p++) {
                        if (*p == '"')
                            text[n++] = '"';
                        text[n++] = *p;
                    }
                    text[n++] = '"';
                } else {
                    n += (size_t)snprintf(text + n, sizeof text - n, "%s", raw);
                }
                prev_digit = !quoted && *raw && raw[strlen(raw) - 1] >= '0' && raw[strlen(raw) - 1] <= '9';
                str_copy(want[nrows][j], sizeof want[nrows][j], field);
                wnum[nrows][j] = num;
                wval[nrows][j] = value;
            }
            wcells[nrows] = ncells;
            int trail = gen_below(3) == 0 ? 1 + (int)gen_below(3) : 0;   /* a run of commas ending the row */
            for (int e = 0; e < trail; e++) {
                n += (size_t)snprintf(text + n, sizeof text - n, space ? ", " : ",");
                if (quote_all)
                    n += (size_t)snprintf(text + n, sizeof text - n, "\"\"");
                want[nrows][wcells[nrows]][0] = '\0';
                wnum[nrows][wcells[nrows]++] = NUM_BLANK;
            }
            text[n++] = '\n';
            nrows++;
        }
        n += (size_t)snprintf(text + n, sizeof text - n, "\"注：本表, 单位为件\"\n");
        snprintf(want[nrows][0], sizeof want[nrows][0], "注:本表, 单位为件");
        wnum[nrows][0] = NUM_NONE;
        wcells[nrows++] = 1;
        text[n] = '\0';

        gk_text *t;
        grid *g = build(text, &t);
        if (g->layout != GRID_CSV || g->nrows != nrows)
            fail_msg("table %d: layout %d, %d rows (%d written):\n%s", k, g->layout, g->nrows, nrows, text);
        for (int r = 0; r < nrows; r++) {
            if (g->rows[r].ncells != wcells[r])
                fail_msg("table %d row %d: %d cells, %d written:\n%s", k, r, g->rows[r].ncells, wcells[r], text);
            assert_int_equal(g->rows[r].explicit, r > 0 && r < nrows - 1);
            assert_int_equal(g->rows[r].line, r + 1);
            for (int j = 0; j < wcells[r]; j++) {
                const grid_cell *c = &g->rows[r].cells[j];
                if (strcmp(c->text, want[r][j]) || c->num != wnum[r][j] ||
                    (c->num == NUM_VALUE && c->value != wval[r][j]))
                    fail_msg("table %d row %d cell %d: \"%s\" (%d, %g), written \"%s\" (%d, %g):\n%s", k, r, j,
                             c->text, c->num, c->value, want[r][j], wnum[r][j], wval[r][j], text);
                assert_int_equal(c->line, r + 1);
            }
        }
        grid_free(g);
        text_free(t);
    }
}

/* Commas in a table of another layout: a tab grid, a table of runs of
 * spaces and a table of one cell per line, each with a line of prose with
 * ASCII commas and a number with thousands separators, and a row whose
 * number has them, read as they read without the prose line; their number
 * with thousands separators is one number. */
static void test_csv_decoys(void **state)
{
    (void)state;
    static const char *const tables[][2] = {
        {"规章\t0\t1,130\t0\n行政规范性文件\t2\t0\t2\n行政许可\t5\t\t\n",
         "注:本年共制发1,130件,其中,规章5件,0,0\n"},
        {"规章    0    1,130    0\n行政规范性文件    2    0    2\n行政许可    5\n行政处罚    12,345\n",
         "本年度共收到申请1,130件,办结1,128件,\n"},
        {"规章    0    1,130    0\n行政规范性文件    2    0    2\n行政许可    5\n",
         "2023年,本机关共收到申请6件,\n其中,予以公开3件,1,130,\n不予公开,3,\n"},
        {"自然人\n法人或其他组织\n\n一、本年新收\n1,130\n5\n38\n二、上年结转\n0\n0\n",
         "本年新收,共1,130件,\n"},
    };
    for (size_t k = 0; k < sizeof tables / sizeof *tables; k++) {
        char with[1024];
        snprintf(with, sizeof with, "%s%s", tables[k][0], tables[k][1]);
        gk_text *t, *u;
        grid *a = build(tables[k][0], &t), *b = build(with, &u);
        assert_int_not_equal(b->layout, GRID_CSV);
        assert_int_equal(a->layout, b->layout);
        assert_true(b->nrows >= a->nrows);
        for (int r = 0; r < a->nrows; r++) {
            assert_int_equal(a->rows[r].ncells, b->rows[r].ncells);
            assert_int_equal(a->rows[r].explicit, b->rows[r].explicit);
            for (int j = 0; j < a->rows[r].ncells; j++) {
                assert_string_equal(a->rows[r].cells[j].text, b->rows[r].cells[j].text);
                assert_int_equal(a->rows[r].cells[j].num, b->rows[r].cells[j].num);
                assert_true(a->rows[r].cells[j].value == b->rows[r].cells[j].value);
            }
        }
        int thousands = 0;
        for (int r = 0; r < a->nrows; r++)
            for (int j = 0; j < a->rows[r].ncells; j++)
                thousands += a->rows[r].cells[j].num == NUM_VALUE && a->rows[r].cells[j].value == 1130;
        assert_int_equal(thousands, 1);
        grid_free(a);
        grid_free(b);
        text_free(t);
        text_free(u);
    }
}

/* What a comma-separated row's text holds: a full-width comma (folded into
 * ',' for parsing) separates nothing; a comma inside brackets closed later
 * on the line is a label's (a table pasted with commas, its labels not
 * quoted); quotes after text are text; a quote left open (a field over two
 * lines) leaves its line as text. */
static void test_csv_fields(void **state)
{
    (void)state;
    gk_text *t;
    grid *g = build("申请人情况,,,自然人,商业企业\n"
                    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）,,,0,5\n"
                    "(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形),,,0,5\n"
                    "\"三安全\"相关,,,1,2\n"
                    "\"未闭合的引号,,,1,2\n"
                    "“三安全”,,,1,2\n",
                    &t);
    assert_int_equal(g->layout, GRID_CSV);
    assert_int_equal(g->nrows, 6);
    assert_cell(g, 0, 3, "自然人", NUM_NONE, 0);
    assert_int_equal(g->rows[1].ncells, 5);
    assert_cell(g, 1, 0, "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", NUM_NONE, 0);
    assert_cell(g, 1, 4, "5", NUM_VALUE, 5);
    assert_int_equal(g->rows[2].ncells, 5);
    assert_cell(g, 2, 0, "(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)", NUM_NONE, 0);
    assert_int_equal(g->rows[3].ncells, 5);
    assert_cell(g, 3, 0, "\"三安全\"相关", NUM_NONE, 0);
    assert_false(g->rows[4].explicit);     /* a quote left open: the line as text */
    assert_int_equal(g->rows[5].ncells, 5);
    assert_cell(g, 5, 0, "\"三安全\"", NUM_NONE, 0);   /* curly quotes are text */
    grid_free(g);
    text_free(t);
}

/* A comma between digits that may be a thousands separator ("37,242",
 * "1,130" unquoted), in the ways the region tells: the row's total adds up
 * with it a separator; other rows hold one number where the row would hold
 * two; a writer that quotes fields; nothing to tell: the row's numbers from
 * there on one cell, unread — never read as another number. */
static void test_csv_thousands(void **state)
{
    (void)state;
    gk_text *t;
    /* the sum: 34+47+56+29+39+37 = 242 */
    grid *g = build("申请人情况,,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计\n"
                    "一、本年新收,,34,47,56,29,39,37,242\n"
                    "二、上年结转,,0,1,0,0,0,0,1\n"
                    "三、本年度办理结果,予以公开,5,0,0,0,0,0,5\n",
                    &t);
    assert_int_equal(g->layout, GRID_CSV);
    assert_int_equal(g->rows[1].ncells, 9);
    assert_cell(g, 1, 7, "37", NUM_VALUE, 37);
    assert_cell(g, 1, 8, "242", NUM_VALUE, 242);
    grid_free(g);
    text_free(t);
    /* one number in the other rows, none with two: "1,130" is 1130 (tabs replaced by commas) */
    g = build("信息内容,本年处理决定数量\n行政许可,5\n行政处罚,3\n行政强制,1,130\n行政事业性收费,0\n", &t);
    assert_int_equal(g->layout, GRID_CSV);
    assert_int_equal(g->rows[3].ncells, 2);
    assert_cell(g, 3, 1, "1,130", NUM_VALUE, 1130);
    grid_free(g);
    text_free(t);
    /* a writer that quotes: it would have quoted "1,130" */
    g = build("\"信息内容\",\"本年制发件数\",\"本年废止件数\"\n规章,1,130\n行政规范性文件,\"2\",\"1,200\"\n行政许可,5,\n", &t);
    assert_int_equal(g->layout, GRID_CSV);
    assert_int_equal(g->rows[1].ncells, 3);
    assert_cell(g, 1, 1, "1", NUM_VALUE, 1);
    assert_cell(g, 1, 2, "130", NUM_VALUE, 130);
    assert_cell(g, 2, 2, "1,200", NUM_VALUE, 1200);
    grid_free(g);
    text_free(t);
    /* nothing tells: the row's numbers from the doubtful comma on are one cell, unread */
    g = build("信息内容,本年制发件数,本年废止件数,现行有效件数\n规章,0,0,0\n行政规范性文件,2,0,\n行政许可,5\n"
              "行政处罚,12,1,130\n",
              &t);
    assert_int_equal(g->layout, GRID_CSV);
    assert_int_equal(g->rows[4].ncells, 3);
    assert_cell(g, 4, 1, "12", NUM_VALUE, 12);
    assert_cell(g, 4, 2, "1,130", NUM_NONE, 0);
    assert_true(g->rows[4].explicit);
    grid_free(g);
    text_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_num_parse),
        cmocka_unit_test(test_num_parse_edges),
        cmocka_unit_test(test_num_parse_as_described),
        cmocka_unit_test(test_units_as_listed),
        cmocka_unit_test(test_border_columns_fast),
        cmocka_unit_test(test_tab_grid),
        cmocka_unit_test(test_one_cell_per_line),
        cmocka_unit_test(test_pipes),
        cmocka_unit_test(test_bordered_tables),
        cmocka_unit_test(test_extracted_pipes),
        cmocka_unit_test(test_extracted_pipes_not_borders),
        cmocka_unit_test(test_bordered_not_merged),
        cmocka_unit_test(test_bordered_number_unit_first),
        cmocka_unit_test(test_pdf_lower_cells),
        cmocka_unit_test(test_item_number_wrapped),
        cmocka_unit_test(test_wrapped_digits),
        cmocka_unit_test(test_boxed_single_cells),
        cmocka_unit_test(test_bordered_columns_by_position),
        cmocka_unit_test(test_spaces),
        cmocka_unit_test(test_space_runs_eight_at_a_time),
        cmocka_unit_test(test_lines_without_tabs),
        cmocka_unit_test(test_wide_row_and_long_cell),
        cmocka_unit_test(test_cells_classified_as_num_parse),
        cmocka_unit_test(test_cell_len_is_text_length),
        cmocka_unit_test(test_cell_lengths),
        cmocka_unit_test(test_cell_texts),
        cmocka_unit_test(test_single_spaced_rows),
        cmocka_unit_test(test_pipe_rows_after_blanks),
        cmocka_unit_test(test_padded_cells),
        cmocka_unit_test(test_separated_cells),
        cmocka_unit_test(test_space_runs),
        cmocka_unit_test(test_rows_and_copies),
        cmocka_unit_test(test_long_region),
        cmocka_unit_test(test_csv_generated),
        cmocka_unit_test(test_csv_decoys),
        cmocka_unit_test(test_csv_fields),
        cmocka_unit_test(test_csv_thousands),
        cmocka_unit_test(test_program_numbering),
        cmocka_unit_test(test_colon_cell_after_empty),
        cmocka_unit_test(test_colon_label_single_spaces),
        cmocka_unit_test(test_fast_labels),
        cmocka_unit_test(test_bordered_fast),
    };
    return cmocka_run_group_tests_name("grid", tests, NULL, NULL);
}
