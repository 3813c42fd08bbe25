/* test_table4.c — table 4 (行政复议、行政诉讼) as converters print it a cell a
 * line, checked as a property over seeded random tables: every cell is read as
 * written or missing, never as another value.
 *
 * The 2021 form is one row of 15 numbers under three groups of headers.  A
 * converter that prints a cell a line (docx2txt, a .docx's table; pdf text of
 * a narrow table) puts the groups' names, the column names and the numbers one
 * after another; names may be broken over two lines ("行政" "复议"), carry
 * spaces ("复议 后起诉"), share a line with the next name or number, and one
 * group's name may be lost or mangled (docx2txt printed hidden text inside
 * it).  A group's name before the table's 15 numbers is then no row of its own:
 * read as one, it took the first five numbers (the review's) as its own.
 * One table in three has a line of other text among its numbers (docx2txt
 * prints hidden text so).  With the header whole, most cells are read.  Decoy: the table a group a row,
 * each group's name (whole or broken over two lines) then its own five numbers
 * a line each, is read whole. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"
#include "gen.h"

static const char *const GROUP[3] = {"行政复议", "未经复议直接起诉", "复议后起诉"};
static const char *const GROUP_BROKEN[3][2] = {{"行政", "复议"}, {"未经复议", "直接起诉"}, {"复议", "后起诉"}};
static const char *const COLUMN[5] = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
static const char *const COLUMN_SPACED[5] = {"结果 维持", "结果 纠正", "其他 结果", "尚未 审结", "总计"};
static const char *const MANGLED[] = {"行政\n隐藏文字99复议", "行 政", "复议后", "隐藏文字", "行政诉讼"};

/* The fixture's report with table 4 replaced by `t4`. */
static char *report_with_t4(const char *t4)
{
    char *text = fx_report_between("四、政府信息公开行政复议、行政诉讼情况\n\n", "\n\n五、", t4);
    assert_non_null(text);
    return text;
}

/* One header name: whole, broken over two lines, or with a space inside. */
static void put_group(sbuf *b, int g)
{
    switch (gen_below(3)) {
    case 0: sbuf_printf(b, "%s\n", GROUP[g]); break;
    case 1: sbuf_printf(b, "%s\n%s\n", GROUP_BROKEN[g][0], GROUP_BROKEN[g][1]); break;
    default: sbuf_printf(b, "%s %s\n", GROUP_BROKEN[g][0], GROUP_BROKEN[g][1]); break;
    }
}

static void put_columns(sbuf *b)
{
    int spaced = (int)gen_below(2);
    for (int c = 0; c < 5; c++) {
        const char *name = spaced ? COLUMN_SPACED[c] : COLUMN[c];
        if (c < 4 && gen_below(4) == 0) {   /* two names on one line */
            sbuf_printf(b, "%s     %s\n", name, spaced ? COLUMN_SPACED[c + 1] : COLUMN[c + 1]);
            c++;
        } else {
            sbuf_printf(b, "%s\n", name);
        }
    }
}

/* Table 4's 15 cells a line each (two on a line now and then, spaces between). */
static void put_numbers(sbuf *b, const int *v, int from, int n)
{
    for (int k = from; k < from + n; k++) {
        if (k + 1 < from + n && gen_below(5) == 0) {
            sbuf_printf(b, "%s%d      %d\n", gen_below(2) ? "     " : "", v[k], v[k + 1]);
            k++;
        } else {
            sbuf_printf(b, "%s%d\n", gen_below(2) ? "     " : "", v[k]);
        }
    }
}

/* The cells of table 4 read with another value than written; *read: those read. */
static int wrong_t4(const gk_report *r, const int *v, int *read)
{
    const gk_table_def *t4 = template_table(r->tpl, 4);
    int wrong = 0;
    *read = 0;
    for (int g = 0; g < 3; g++)
        for (int c = 0; c < 5; c++) {
            char id[64];
            snprintf(id, sizeof id, "t4.%s.%s", t4->rows[g].key, t4->rows[g].cols[c].key);
            const gk_cell *cell = fx_cell_of(r, id);
            assert_non_null(cell);
            if (cell->status == GK_ST_MISSING)
                continue;
            ++*read;
            if (cell->value != v[g * 5 + c]) {
                print_message("%s: read %g, written %d\n", id, cell->value, v[g * 5 + c]);
                wrong++;
            }
        }
    return wrong;
}

/* Fifteen random counts, each group's total the sum of its four. */
static void random_t4(int v[15])
{
    for (int g = 0; g < 3; g++) {
        v[g * 5 + 4] = 0;
        for (int c = 0; c < 4; c++)
            v[g * 5 + 4] += v[g * 5 + c] = (int)gen_below(10);
    }
}

/* The fixture's report with table 4 written as t4, parsed: fails when a cell is
 * read as another value than v's; returns the cells read. */
static int read_t4(const char *t4, const int *v, int iter, int shape)
{
    char *text = report_with_t4(t4);
    gk_report *r = fx_parse_text(text);
    assert_non_null(r);
    int read;
    if (wrong_t4(r, v, &read)) {
        print_message("%s", t4);
        fail_msg("iteration %d (shape %d): a cell of table 4 read as another value", iter, shape);
    }
    report_free(r);
    free(text);
    return read;
}

static void test_one_row_a_cell_a_line(void **state)
{
    (void)state;
    gen_seed(20261205);
    int tables = 0, cells = 0, missed = 0, whole_missed = 0, decoy_missed = 0;
    for (int iter = 0; iter < 400; iter++) {
        int v[15];
        random_t4(v);
        int shape = iter % 4;          /* 0 whole, 1 and 2 a group's name mangled or lost, 3 a group a row */
        int damaged = shape == 1 || shape == 2 ? (int)gen_below(3) : -1;
        sbuf b;
        sbuf_init(&b);
        if (shape == 3) {              /* decoy: a group a row, its name then its numbers */
            for (int g = 0; g < 3; g++) {
                put_group(&b, g);
                put_numbers(&b, v, g * 5, 5);
            }
        } else {
            /* the groups' names first (as a page's first header row), or each before its columns */
            int names_first = (int)gen_below(2);
            static const char *const SUITS[] = {"", "行政诉讼\n", "行政 诉讼\n", "行政\n诉讼\n"};
            const char *suits = SUITS[gen_below(4)];   /* the name over the two suits' groups */
            for (int g = 0; g < 3; g++) {
                if (g == 1 && names_first)
                    sbuf_adds(&b, suits);
                if (g == damaged && shape == 1)
                    sbuf_printf(&b, "%s\n", MANGLED[gen_below(sizeof MANGLED / sizeof *MANGLED)]);
                else if (g != damaged)
                    put_group(&b, g);
                if (!names_first)
                    put_columns(&b);
            }
            for (int g = 0; g < 3 && names_first; g++)
                put_columns(&b);
            /* one table in three: a line of other text among the numbers (docx2txt prints a
             * .docx's hidden text so: "1 隐藏文字99") */
            int cut = gen_below(3) == 0 ? 1 + (int)gen_below(14) : 15;
            put_numbers(&b, v, 0, cut);
            if (cut < 15) {
                sbuf_adds(&b, gen_below(2) ? "隐藏文字\n" : "注释\n");
                put_numbers(&b, v, cut, 15 - cut);
            }
        }
        char *t4 = sbuf_steal(&b);
        int read = read_t4(t4, v, iter, shape);
        tables++;
        cells += 15;
        missed += 15 - read;
        if (shape == 0)
            whole_missed += 15 - read;
        if (shape == 3)
            decoy_missed += 15 - read;
        free(t4);
    }
    print_message("table 4 a cell a line: %d tables, %d cells, %d missing (whole headers %d, a group a row %d)\n", tables,
                  cells, missed, whole_missed, decoy_missed);
    assert_true(whole_missed * 4 < 400 / 4 * 15);   /* the header whole: most numbers read (not when text
                                                        cuts them: their order is in question) */
    assert_int_equal(decoy_missed, 0);  /* a group a row: every number its group's */
}

/* Table 4 as one row of explicit cells (tabs, or pipes) under its two header
 * rows, one of its cells blank (empty), a number not its own (a year, a mark)
 * before or after its numbers: the numbers fit the 15 cells only by passing over
 * the empty one, and which is the table's is not told — never read as another
 * value (the engine before: read one off, the stray as a total).  Written without
 * that number, it is read whole. */
static void test_one_row_blank_and_stray(void **state)
{
    (void)state;
    static const char *const HEAD[2] = {"行政复议\t\t\t\t\t行政诉讼",
                                        "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉"};
    static const char *const STRAY[] = {"2021", "2022", "2023", "2024", "1", "3", "12", "25"};
    gen_seed(20261208);
    int unread = 0;
    for (int iter = 0; iter < 300; iter++) {
        /* (not the first cell: a row's first cell empty is a label column's as often, and
         * its numbers read one off then fail their group's total, as a report's own error
         * would: read, the rule names it) */
        int v[15], blank = (int)gen_below(3) * 5 + (int)gen_below(4), pipes = (int)gen_below(2),
            front = (int)gen_below(2);
        if (blank == 0)
            blank = 1 + (int)gen_below(3);
        for (int g = 0; g < 3; g++) {
            v[g * 5 + 4] = 0;
            for (int c = 0; c < 4; c++) {
                v[g * 5 + c] = g * 5 + c == blank ? 0 : (int)gen_below(4);
                v[g * 5 + 4] += v[g * 5 + c];
            }
        }
        const char *stray = STRAY[gen_below(8)];
        for (int pass = 0; pass < 2; pass++) {
            sbuf b;
            sbuf_init(&b);
            for (int h = 0; h < 2; h++) {
                if (!pipes) {
                    sbuf_printf(&b, "%s\n", HEAD[h]);
                    continue;
                }
                sbuf_adds(&b, "| ");
                for (const char *p = HEAD[h]; *p; p++)
                    sbuf_adds(&b, *p == '\t' ? " | " : (char[]){*p, 0});
                sbuf_adds(&b, " |\n");
            }
            const char *sep = pipes ? " | " : "\t";
            sbuf_adds(&b, pipes ? "| " : "");
            if (pass && front)
                sbuf_printf(&b, "%s%s", stray, sep);
            for (int k = 0; k < 15; k++) {
                if (k != blank)
                    sbuf_printf(&b, "%d", v[k]);
                if (k < 14)
                    sbuf_adds(&b, sep);
            }
            if (pass && !front)
                sbuf_printf(&b, "%s%s", sep, stray);
            sbuf_adds(&b, pipes ? " |" : "");
            char *text = report_with_t4(b.s);
            gk_report *r = fx_parse_text(text);
            assert_non_null(r);
            int read;
            if (wrong_t4(r, v, &read))
                fail_msg("iteration %d (%s, cell %d blank, \"%s\" %s): a cell read as another value\n%s", iter,
                         pipes ? "pipes" : "tabs", blank, stray, pass ? (front ? "before" : "after") : "none", b.s);
            if (!pass && read != 15)
                fail_msg("iteration %d: written as it is, %d of 15 cells read\n%s", iter, read, b.s);
            unread += pass && read < 15;
            report_free(r);
            free(text);
            sbuf_free(&b);
        }
    }
    assert_true(unread > 0);
}

/* Table 4 a cell a line under its header, one group's or column's name with
 * hidden text and a number run into it ("行政复议隐藏文字99", as docx2txt prints
 * a .docx's hidden text): with the table's 15 numbers whole or one lost, never
 * another value. */
static void test_hidden_number_in_header(void **state)
{
    (void)state;
    gen_seed(20261206);
    int missed = 0;
    for (int iter = 0; iter < 300; iter++) {
        int v[15];
        random_t4(v);
        int hidden = (int)gen_below(8);   /* 0-2: a group's name, 3-7: a column name of the last group */
        int lost = gen_below(3) == 0 ? (int)gen_below(15) : -1;
        sbuf b;
        sbuf_init(&b);
        for (int g = 0; g < 3; g++) {
            if (g == hidden)
                sbuf_printf(&b, "%s隐藏文字%d\n", GROUP[g], 10 + (int)gen_below(90));
            else
                put_group(&b, g);
        }
        for (int g = 0; g < 3; g++)
            for (int c = 0; c < 5; c++) {
                if (g == 2 && hidden == 3 + c)
                    sbuf_printf(&b, "%s隐藏文字%d\n", COLUMN[c], 10 + (int)gen_below(90));
                else
                    sbuf_printf(&b, "%s\n", COLUMN[c]);
            }
        for (int k = 0; k < 15; k++)
            if (k != lost)
                sbuf_printf(&b, "%s%d\n", gen_below(2) ? "     " : "", v[k]);
        char *t4 = sbuf_steal(&b);
        int read = read_t4(t4, v, iter, -1);
        missed += 15 - read;
        free(t4);
    }
    print_message("hidden number in table 4's header: 300 tables, %d cells missing\n", missed);
}

/* Table 4 as a text browser prints a one-row table (w3m, links: the numbers
 * in their columns under the header) whose cells hold a number on their second
 * line ("&nbsp;<br/>1"): one to three of them printed on the next line, each
 * under its column, the rest on the row's line (seed 9 v1273: the review's 1
 * read as 复议后起诉's total, every number after it one on) — or, in half of
 * those tables, on the line above the row's, some with their unit on the line
 * below ("0" over the row over "件": pdftotext -layout of a cell centred down a
 * taller row; converter seed 2 v758, chrome-pdf-layout: the 0 read as the
 * review's first, 10 cells of other columns); in a third of them a 0 of the row's
 * line printed "U" (text recognition) or "无", no sums then telling any order (v50:
 * read in the lines' order, 10 cells).  Never another value.  Decoy: the row's line wrapped at the page's width (lynx), its last one
 * to six numbers on the next line from the left edge: read in order, nearly all. */
static void test_one_row_cell_wrapped(void **state)
{
    (void)state;
    gen_seed(20261207);
    int decoy_read = 0, decoys = 0;
    for (int iter = 0; iter < 400; iter++) {
        int v[15];
        random_t4(v);
        int decoy = iter % 3 == 0;
        sbuf b;
        sbuf_init(&b);
        sbuf_adds(&b, "行政复议                                     行政诉讼\n"
                      "结果维持 结果纠正 其他结果 尚未审结 总计  未经复议直接起诉                复议后起诉\n"
                      "                                          结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 "
                      "其他结果 尚未审结 总计\n");
        char line1[256], line2[256];
        memset(line1, ' ', sizeof line1);
        memset(line2, ' ', sizeof line2);
        int end1 = 0, end2 = 0;
        if (decoy) {                   /* wrapped at the width: the last numbers from the left edge */
            int rest = 1 + (int)gen_below(6);
            for (int k = 0; k < 15; k++) {
                char num[16];
                int n = snprintf(num, sizeof num, "%d", v[k]);
                if (k < 15 - rest) {
                    memcpy(line1 + 2 + 9 * k, num, (size_t)n);
                    end1 = 2 + 9 * k + n;
                } else {
                    memcpy(line2 + 2 + 9 * (k - (15 - rest)), num, (size_t)n);
                    end2 = 2 + 9 * (k - (15 - rest)) + n;
                }
            }
        } else {
            unsigned char down[15] = {0};
            for (int w = 1 + (int)gen_below(3); w > 0; w--)
                down[gen_below(15)] = 1;
            int garbled = gen_below(3) == 0 ? (int)gen_below(15) : -1;   /* a cell no number: "U" (a
                                                                            0 text recognition misread)
                                                                            or "无" for a 0 */
            if (garbled >= 0 && down[garbled])
                garbled = -1;
            for (int k = 0; k < 15; k++) {
                char num[16];
                int n = snprintf(num, sizeof num, "%d", v[k]);
                if (k == garbled && v[k] == 0)
                    n = snprintf(num, sizeof num, "%s", gen_below(2) ? "U" : "无");
                memcpy((down[k] ? line2 : line1) + 2 + 9 * k, num, (size_t)n);
                if (down[k])
                    end2 = 2 + 9 * k + n;
                else
                    end1 = 2 + 9 * k + n;
            }
        }
        if (!decoy && gen_below(2)) {  /* the cells' numbers on the line above the row's, their unit
                                          on the line below (a cell centred down the row: pdftotext
                                          -layout's "0" over the row over "件") */
            char units[256];
            memset(units, ' ', sizeof units);
            int end3 = 0;
            for (int k = 0; k < end2; k++)
                if (line2[k] != ' ' && (k == 0 || line2[k - 1] == ' ') && gen_below(2)) {
                    memcpy(units + k, "件", 3);
                    end3 = k + 3;
                }
            sbuf_printf(&b, "%.*s\n%.*s\n%.*s\n", end2, line2, end1, line1, end3, units);
        } else {
            sbuf_printf(&b, "%.*s\n%.*s\n", end1, line1, end2, line2);
        }
        char *t4 = sbuf_steal(&b);
        int read = read_t4(t4, v, iter, decoy);
        if (decoy) {
            decoy_read += read;
            decoys++;
        }
        free(t4);
    }
    if (decoy_read * 10 < decoys * 15 * 9)
        fail_msg("a row wrapped at the width: %d of %d cells read", decoy_read, decoys * 15);
}

/* Table 4 under its header, a blank cell (a count of 0) dropped as a converter
 * that prints no empty cell drops it (pdftotext without -layout: a cell a line;
 * pdftotext -layout, w3m: the numbers apart by spaces): 14 numbers for 15 cells.
 * Where the blank can stand so that every group's total holds, and wherever it
 * stands each cell reads the same, the table is read, inferred ("1 0 1 0 2 | 0 0
 * 0 0 1 | 0 0 0 1": the blank among the second group's zeros; converter seed 16
 * v55, 15 cells unread before); else it stays unread.  Never another value; 83
 * of the 400 tables read whole (none before). */
static void test_one_row_blank_dropped(void **state)
{
    (void)state;
    gen_seed(20261211);
    int read = 0, whole = 0;
    for (int iter = 0; iter < 400; iter++) {
        int v[15], blank = (int)gen_below(3) * 5 + (int)gen_below(4), lines = (int)gen_below(2);
        for (int g = 0; g < 3; g++) {  /* small counts, most of them 0 */
            v[g * 5 + 4] = 0;
            for (int c = 0; c < 4; c++) {
                v[g * 5 + c] = g * 5 + c == blank || gen_below(3) ? 0 : 1 + (int)gen_below(3);
                v[g * 5 + 4] += v[g * 5 + c];
            }
        }
        sbuf b;
        sbuf_init(&b);
        sbuf_adds(&b, "行政复议                行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n");
        for (int k = 0; k < 15; k++) {
            if (k == blank)
                sbuf_adds(&b, lines ? "" : "         ");
            else
                sbuf_printf(&b, lines ? "%d\n" : "%d    ", v[k]);
        }
        sbuf_adds(&b, "\n");
        int n = read_t4(b.s, v, iter, lines);   /* (shape 1: a cell a line, 0: spaces) */
        read += n;
        whole += n == 15;
        sbuf_free(&b);
    }
    print_message("table 4 a blank dropped: %d of 400 tables read whole, %d cells\n", whole, read);
    assert_true(whole >= 60);          /* where the blank's place leaves every cell one value */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_row_a_cell_a_line),
        cmocka_unit_test(test_one_row_blank_and_stray),
        cmocka_unit_test(test_hidden_number_in_header),
        cmocka_unit_test(test_one_row_cell_wrapped),
        cmocka_unit_test(test_one_row_blank_dropped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
