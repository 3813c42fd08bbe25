/* test_ragged_rows.c — table 3 as a tab grid whose rows end in different
 * columns: a web page's cell spanning the label columns, copied by a converter
 * that drops the spanned cells and pads each row at its end instead (seed
 * 000's rows 一, 二, 总计 and 四 are so: their numbers one column before the
 * items').  Seeded random tables whose values add up, some rows so written,
 * some numbers that are 0 left empty (the first of a row's most often: only
 * the columns of the rows like it tell which cell is empty); property: every
 * cell of table 3 is read as written, or named missing, never another value;
 * and most are read.  Written without ragged rows, every cell is read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "t3gen.h"

/* Table 3's rows (2021 format) as printed in three label columns: the group
 * label in the first, the row's own label in the second or third. */
typedef struct {
    const char *key;
    const char *cells[3];
} t3_row;

static const t3_row ROWS[] = {
    {"new", {"一、本年新收政府信息公开申请数量", "", ""}},
    {"carried_in", {"二、上年结转政府信息公开申请数量", "", ""}},
    {"granted", {"三、本年度办理结果", "（一）予以公开", ""}},
    {"partial", {"", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ""}},
    {"deny.secret", {"", "（三）不予公开", "1.属于国家秘密"}},
    {"deny.law", {"", "", "2.其他法律行政法规禁止公开"}},
    {"deny.safety", {"", "", "3.危及“三安全一稳定”"}},
    {"deny.third_party", {"", "", "4.保护第三方合法权益"}},
    {"deny.internal", {"", "", "5.属于三类内部事务信息"}},
    {"deny.process", {"", "", "6.属于四类过程性信息"}},
    {"deny.enforcement", {"", "", "7.属于行政执法案卷"}},
    {"deny.inquiry", {"", "", "8.属于行政查询事项"}},
    {"unable.no_info", {"", "（四）无法提供", "1.本机关不掌握相关政府信息"}},
    {"unable.needs_creation", {"", "", "2.没有现成信息需要另行制作"}},
    {"unable.unclear", {"", "", "3.补正后申请内容仍不明确"}},
    {"reject.complaint", {"", "（五）不予处理", "1.信访举报投诉类申请"}},
    {"reject.repeat", {"", "", "2.重复申请"}},
    {"reject.publication", {"", "", "3.要求提供公开出版物"}},
    {"reject.massive", {"", "", "4.无正当理由大量反复申请"}},
    {"reject.confirm", {"", "", "5.要求行政机关确认或重新出具已获取信息"}},
    {"other.no_correction",
     {"", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"}},
    {"other.no_fee", {"", "", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"}},
    {"other.other", {"", "", "3.其他"}},
    {"handled_total", {"（七）总计", "", ""}},
    {"carried_out", {"四、结转下年度继续办理", "", ""}},
};
#define NROWS ((int)(sizeof ROWS / sizeof ROWS[0]))
#define NCOLS T3_NCOLS
_Static_assert(NROWS == T3_NROWS, "table 3's rows as t3gen.h has them");


/* The report with table 3 written from v: rows whose label cells end before
 * the third column written ragged when `ragged` (their numbers right after
 * the label, the missing cells at the end); a 0 left empty where empty[r][c]
 * is 1, a number dropped with its cell (the row one short) where it is 2. */
/* pad_lost: a row that lost a number is padded at its end with an empty cell
 * for each, as a converter pads every row of a table to its width. */
static int pad_lost = 0;

static char *write_report(int v[NROWS][NCOLS], int ragged, unsigned char empty[NROWS][NCOLS])
{
    sbuf t3;
    sbuf_init(&t3);
    sbuf_adds(&t3, "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t\t申请人情况\t\t\t\t\t\t总计\n"
                   "\t\t\t自然人\t法人或其他组织\t\t\t\t\t\n"
                   "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n");
    for (int r = 0; r < NROWS; r++) {
        int last = 2;                  /* the last label cell */
        while (last > 0 && !ROWS[r].cells[last][0])
            last--;
        int pads = ragged ? 2 - last : 0;
        for (int k = 0; k <= 2 - pads; k++)
            sbuf_printf(&t3, "%s%s", k ? "\t" : "", ROWS[r].cells[k]);
        for (int c = 0; c < NCOLS; c++) {
            if (empty[r][c] == 2)
                continue;
            if (empty[r][c])
                sbuf_adds(&t3, "\t");
            else
                sbuf_printf(&t3, "\t%d", v[r][c]);
        }
        for (int k = 0; k < pads; k++)
            sbuf_adds(&t3, "\t");
        for (int c = 0; c < NCOLS && pad_lost; c++)
            if (empty[r][c] == 2)
                sbuf_adds(&t3, "\t");
        sbuf_adds(&t3, "\n");
    }
    char *out = t3_report(t3.s);
    sbuf_free(&t3);
    return out;
}

/* 150 ragged tables from seed: some 0s left empty (the first of a row's most
 * often), and with `drop` one to three numbers dropped with their cells; every
 * cell read as written or named missing (t3_check_cells()), and at least
 * `permille` of them read. */
static void ragged_tables(unsigned seed, int drop, const char *what, int permille)
{
    gen_seed(seed);
    int read = 0, cells = 0;
    for (int iter = 0; iter < 150; iter++) {
        int v[NROWS][NCOLS];
        unsigned char empty[NROWS][NCOLS];
        t3_draw_values(v);
        t3_draw_empties(v, empty, 60, 10);
        for (int k = drop ? 1 + (int)gen_below(3) : 0; k > 0; k--) {
            int r = (int)gen_below(NROWS), c = (int)gen_below(NCOLS);
            empty[r][c] = 2;
        }
        char *text = write_report(v, 1, empty);
        read += t3_check_text(text, v, -1, what, iter);
        cells += NROWS * NCOLS;
    }
    if (read * 1000 < cells * permille)
        fail_msg("%s: %d of %d cells read", what, read, cells);
}

static void test_ragged_rows(void **state)
{
    (void)state;
    /* most cells read: the rows like each other give their columns */
    ragged_tables(20261204, 0, "ragged", 900);
}

/* Ragged tables in which one to three rows lost a number with its cell (a
 * converter dropping a lone digit): such a row ends one cell early among its
 * padded peers, and its padding looks like a blank last cell.  Property: never
 * another value (the row is read, or named missing); most cells still read. */
static void test_ragged_rows_lost_number(void **state)
{
    (void)state;
    ragged_tables(20261205, 1, "ragged, numbers lost", 700);
}

/* iters whole (not ragged) tables from seed, each drawn and given its empty or
 * lost cells by mark (which may set pad_lost, reset after): every cell read as
 * written or missing; returns how many were read. */
static int whole_tables(unsigned seed, int iters, const char *what,
                        void (*mark)(int v[NROWS][NCOLS], unsigned char empty[NROWS][NCOLS]))
{
    gen_seed(seed);
    int read = 0;
    for (int iter = 0; iter < iters; iter++) {
        int v[NROWS][NCOLS];
        unsigned char empty[NROWS][NCOLS];
        t3_draw_values(v);
        memset(empty, 0, sizeof empty);
        if (mark)
            mark(v, empty);
        char *text = write_report(v, 0, empty);
        read += t3_check_text(text, v, -1, what, iter);
    }
    pad_lost = 0;
    return read;
}

static void lose_and_pad(int v[NROWS][NCOLS], unsigned char empty[NROWS][NCOLS])
{
    (void)v;
    pad_lost = 1;
    for (int k = 1 + (int)gen_below(3); k > 0; k--)
        empty[gen_below(NROWS)][gen_below(NCOLS - 1)] = 2;
}

/* Tables whose rows are whole but for one to three that lost a number with its
 * cell and were padded at their end with an empty cell (a converter cutting a
 * cell and padding the row to the table's width): the padding stands where the
 * total's blank cell would.  Property: never another value; most cells read. */
static void test_full_rows_lost_padded(void **state)
{
    (void)state;
    int read = whole_tables(20261214, 150, "whole rows, numbers lost, padded", lose_and_pad);
    if (read * 1000 < 150 * NROWS * NCOLS * 900)
        fail_msg("whole rows, numbers lost, padded: %d of %d cells read", read, 150 * NROWS * NCOLS);
}

static void merge_first_cells(int v[NROWS][NCOLS], unsigned char empty[NROWS][NCOLS])
{
    pad_lost = (int)gen_below(2);
    for (int r = 0; r < NROWS; r++)
        if (v[r][0] == 0 && gen_below(2))
            empty[r][0] = 2;
}

/* Tables whose rows are whole but for many whose first number, 0, was written as
 * an empty cell a converter merged into the label's (a colspan printed by a text
 * browser): the row one number short, padded at its end or not; so many rows
 * that their blank totals are no exception.  Property: never another value. */
static void test_first_cell_merged(void **state)
{
    (void)state;
    whole_tables(20261217, 150, "first cells merged", merge_first_cells);
}

static void test_full_rows(void **state)
{
    (void)state;
    assert_int_equal(whole_tables(42, 40, "full", NULL), 40 * NROWS * NCOLS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_rows),
        cmocka_unit_test(test_ragged_rows),
        cmocka_unit_test(test_ragged_rows_lost_number),
        cmocka_unit_test(test_full_rows_lost_padded),
        cmocka_unit_test(test_first_cell_merged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
