/* test_wrap_next.c — table 3 whose rows' labels wrap onto the next row's line:
 * a label broken in two, its first piece on its own row's line before the
 * numbers, its rest printed on the next row's line after that row's label
 * (w3m -dump of a table without borders: "（三" over its numbers, "（七）总计 ）其他"
 * and the handled total's numbers), the cells apart by runs of spaces or by
 * single spaces (a PDF viewer's copy: the next row's label and the rest one
 * cell).  Every row's item number in one of the styles reports use — "（一）",
 * "(1)", "1.", "1、", "①", "一、" or none — drawn a table at a time or a row at a
 * time; a group's name before its first row on its line; in a third of the tables a
 * space inside some labels, where a line break in the cell was ("2. 其他
 * 法律行政法规禁止公开").
 *
 * Property, over seeded random tables whose values add up: every cell read is
 * what was written (or missing), never another row's value; and with a label
 * wrapped so, most cells read.  (The engine before read "⑦总计 ）其他" as the
 * row of 其他, the handled total's numbers for it — a circled item number was
 * not passed over before the words of a row's own label; genlayout seed 13
 * v1171, 25 v1022: 7 cells each.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "t3gen.h"

/* Table 3's rows: the label without its item number, the item's ordinal and level
 * (0: 一、 二、; 1: （一）; 2: 1.). */
typedef struct {
    const char *text;
    int ordinal, level;
} row_def;

static const row_def ROWS[T3_NROWS] = {
    {"本年新收政府信息公开申请数量", 1, 0},
    {"上年结转政府信息公开申请数量", 2, 0},
    {"予以公开", 1, 1},
    {"部分公开（区分处理的，只计这一情形，不计其他情形）", 2, 1},
    {"属于国家秘密", 1, 2},
    {"其他法律行政法规禁止公开", 2, 2},
    {"危及“三安全一稳定”", 3, 2},
    {"保护第三方合法权益", 4, 2},
    {"属于三类内部事务信息", 5, 2},
    {"属于四类过程性信息", 6, 2},
    {"属于行政执法案卷", 7, 2},
    {"属于行政查询事项", 8, 2},
    {"本机关不掌握相关政府信息", 1, 2},
    {"没有现成信息需要另行制作", 2, 2},
    {"补正后申请内容仍不明确", 3, 2},
    {"信访举报投诉类申请", 1, 2},
    {"重复申请", 2, 2},
    {"要求提供公开出版物", 3, 2},
    {"无正当理由大量反复申请", 4, 2},
    {"要求行政机关确认或重新出具已获取信息", 5, 2},
    {"申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 1, 2},
    {"申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 2, 2},
    {"其他", 3, 2},
    {"总计", 7, 1},
    {"结转下年度继续办理", 4, 0},
};

enum { S_NONE, S_BRACKET_CN, S_PAREN, S_DOT, S_COMMA, S_CIRCLED, S_CN_COMMA, NSTYLES };

/* Item number `ordinal` in style s ("" for S_NONE) into buf (32 bytes). */
static void item_number(char *buf, int s, int ordinal)
{
    static const char *const CN[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    static const char *const CIRCLED[] = {"", "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨"};
    switch (s) {
    case S_BRACKET_CN: snprintf(buf, 32, "（%s）", CN[ordinal]); break;
    case S_PAREN: snprintf(buf, 32, "(%d)", ordinal); break;
    case S_DOT: snprintf(buf, 32, "%d.", ordinal); break;
    case S_COMMA: snprintf(buf, 32, "%d、", ordinal); break;
    case S_CIRCLED: snprintf(buf, 32, "%s", CIRCLED[ordinal]); break;
    case S_CN_COMMA: snprintf(buf, 32, "%s、", CN[ordinal]); break;
    default: buf[0] = '\0'; break;
    }
}

/* The item numbers' styles of a table's three levels (一、 （一） 1.); per_row: drawn
 * for each row instead.  spaced: a space in some labels, where a line break was. */
static int level_style[3], per_row, spaced;

/* Row r's label with its item number, in its level's style (or one drawn). */
static void row_label(char *buf, size_t size, int r)
{
    int s = per_row ? (int)gen_below(NSTYLES) : level_style[ROWS[r].level];
    char num[32];
    item_number(num, s, ROWS[r].ordinal);
    snprintf(buf, size, "%s%s", num, ROWS[r].text);
}

/* The name of the group row r begins, with its item number in its level's style
 * ("三、本年度办理结果" at level 0, "（三）不予公开" at level 1); "" when none. */
static void group_label(char *buf, size_t size, int r)
{
    static const struct {
        int row, ordinal, level;
        const char *name;
    } GROUPS[] = {{2, 3, 0, "本年度办理结果"}, {4, 3, 1, "不予公开"}, {12, 4, 1, "无法提供"},
                  {15, 5, 1, "不予处理"}, {20, 6, 1, "其他处理"}};
    buf[0] = '\0';
    for (size_t k = 0; k < sizeof GROUPS / sizeof GROUPS[0]; k++)
        if (GROUPS[k].row == r) {
            char num[32];
            item_number(num, per_row ? (int)gen_below(NSTYLES) : level_style[GROUPS[k].level], GROUPS[k].ordinal);
            snprintf(buf, size, "%s%s", num, GROUPS[k].name);
        }
}

/* Where to break a label of two characters or more: after any of its characters but
 * the last (inside its item number too: "（三" over "）其他"). */
static size_t cut_at(const char *label)
{
    size_t at[128], n = 0, len = strlen(label);
    for (size_t k = 1; k < len && n < 128; k++)
        if (((unsigned char)label[k] & 0xC0) != 0x80)
            at[n++] = k;
    return n ? at[gen_below((unsigned)n)] : 0;
}

/* Table 3 of values v in t: labels in the levels' styles, cells apart by `sep`;
 * each row but the last wrapped onto the next row's line with chance 1 in
 * `wrap_one` (never two rows running).  Returns how many rows were wrapped. */
static int put_table(sbuf *t, int v[T3_NROWS][T3_NCOLS], const char *sep, unsigned wrap_one)
{
    t3_put_head(t, L_SPACES);
    char rest[256] = "";
    int wrapped = 0;
    for (int r = 0; r < T3_NROWS; r++) {
        char label[256], group[128];
        row_label(label, sizeof label, r);
        if (spaced && gen_below(3) == 0) {   /* a line break in the label's cell, a space now ("2. 其他
                                                法律行政法规禁止公开": no row of 其他's) */
            size_t at = cut_at(label);
            if (at) {
                memmove(label + at + 1, label + at, strlen(label + at) + 1);
                label[at] = ' ';
            }
        }
        size_t cut = 0;
        if (r + 1 < T3_NROWS && !rest[0] && gen_below(wrap_one) == 0)
            cut = cut_at(label);
        group_label(group, sizeof group, r);
        if (group[0])
            sbuf_printf(t, "%s%s", group, sep);
        sbuf_add(t, label, cut ? cut : strlen(label));
        if (rest[0]) {                 /* the row above's rest, after this row's label */
            sbuf_printf(t, "%s%s", sep, rest);
            rest[0] = '\0';
        }
        if (cut) {
            snprintf(rest, sizeof rest, "%s", label + cut);
            wrapped++;
        }
        for (int c = 0; c < T3_NCOLS; c++)
            sbuf_printf(t, "%s%d", sep, v[r][c]);
        sbuf_adds(t, "\n");
    }
    return wrapped;
}

static void test_label_rest_on_next_line(void **state)
{
    (void)state;
    gen_seed(20261208);
    int read = 0, cells = 0, read_w = 0, cells_w = 0;
    for (int iter = 0; iter < 600; iter++) {
        int v[T3_NROWS][T3_NCOLS];
        t3_draw_values(v);
        static const int USUAL[3] = {S_CN_COMMA, S_BRACKET_CN, S_DOT};
        int usual = gen_below(4) == 0;
        per_row = gen_below(8) == 0;
        spaced = gen_below(3) == 0;
        for (int l = 0; l < 3; l++)
            level_style[l] = usual ? USUAL[l] : (int)gen_below(NSTYLES);
        const char *sep = gen_below(2) ? " " : "   ";
        sbuf t;
        sbuf_init(&t);
        int wrapped = put_table(&t, v, sep, 2 + gen_below(5));
        char what[128];
        snprintf(what, sizeof what, "labels wrapped onto the next line (styles %d %d %d%s, %s spaces)", level_style[0],
                 level_style[1], level_style[2], per_row ? ", a row's own" : "", sep[1] ? "runs of" : "single");
        int got = t3_read_back(&t, v, what, iter);
        read += got;
        cells += T3_NROWS * T3_NCOLS;
        if (wrapped) {
            read_w += got;
            cells_w += T3_NROWS * T3_NCOLS;
        }
    }
    print_message("labels wrapped onto the next row's line: %d of %d cells read (%d of %d in the tables wrapped)\n",
                  read, cells, read_w, cells_w);
    if (read_w * 10 < cells_w * 8)
        fail_msg("labels wrapped onto the next row's line: %d of %d cells read", read_w, cells_w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_label_rest_on_next_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
