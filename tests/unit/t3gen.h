/* t3gen.h — what the generated table-3 tests share (test_ragged_rows.c,
 * test_column_order.c): values that add up, the columns' keys, and the
 * fixture's report (fixture.h) with its table 3 replaced. */
#ifndef GK_TEST_T3GEN_H
#define GK_TEST_T3GEN_H

#include "fixture.h"
#include "gen.h"

#define T3_NROWS 25   /* the 2021 format's rows, new … carried_out */
#define T3_NCOLS 7

static const char *const T3_COLS[T3_NCOLS] = {"natural", "business", "research", "charity", "legal", "other", "total"};

static const char *const T3_KEYS[T3_NROWS] = {
    "new", "carried_in", "granted", "partial", "deny.secret", "deny.law", "deny.safety", "deny.third_party",
    "deny.internal", "deny.process", "deny.enforcement", "deny.inquiry", "unable.no_info", "unable.needs_creation",
    "unable.unclear", "reject.complaint", "reject.repeat", "reject.publication", "reject.massive", "reject.confirm",
    "other.no_correction", "other.no_fee", "other.other", "handled_total", "carried_out",
};

/* The rows' labels as printed (item numbers "1."), and the group labels printed
 * before the row that begins each group. */
static const char *const T3_LABELS[T3_NROWS] __attribute__((unused)) = {
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
    "7.属于行政执法案卷", "8.属于行政查询事项", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
    "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计",
    "四、结转下年度继续办理"};
static inline const char *t3_group_before(int row)
{
    switch (row) {
    case 2: return "三、本年度办理结果";
    case 4: return "（三）不予公开";
    case 12: return "（四）无法提供";
    case 15: return "（五）不予处理";
    case 20: return "（六）其他处理";
    default: return NULL;
    }
}

/* The rows the others fix made to add up again: the handled total the sum of
 * the result rows (2 .. T3_NROWS-3), new = handled + carried out - carried in
 * (carried in lowered when that would be negative), each row's total. */
static inline void t3_add_up(int v[T3_NROWS][T3_NCOLS])
{
    for (int c = 0; c < T3_NCOLS - 1; c++) {
        int handled = 0;
        for (int r = 2; r < T3_NROWS - 2; r++)
            handled += v[r][c];
        v[T3_NROWS - 2][c] = handled;
        v[0][c] = handled + v[T3_NROWS - 1][c] - v[1][c];
        if (v[0][c] < 0) {
            v[1][c] += v[0][c];
            v[0][c] = 0;
        }
    }
    for (int r = 0; r < T3_NROWS; r++) {
        v[r][T3_NCOLS - 1] = 0;
        for (int c = 0; c < T3_NCOLS - 1; c++)
            v[r][T3_NCOLS - 1] += v[r][c];
    }
}

/* Values that add up: counts in the result rows (rows 2 .. T3_NROWS-3), the
 * rest from the equations (t3_add_up()). */
static void t3_draw_values(int v[T3_NROWS][T3_NCOLS])
{
    for (int c = 0; c < T3_NCOLS - 1; c++) {
        for (int r = 2; r < T3_NROWS - 2; r++)
            v[r][c] = gen_below(100) < 55 ? 0 : 1 + (int)gen_below(9);
        v[1][c] = (int)gen_below(3);
        v[T3_NROWS - 1][c] = (int)gen_below(3);
    }
    t3_add_up(v);
}

/* Some 0s left empty (empty[r][c] 1): of the first column's, `first` in a
 * hundred, of the others', `other` in a hundred. */
static inline void t3_draw_empties(int v[T3_NROWS][T3_NCOLS], unsigned char empty[T3_NROWS][T3_NCOLS], unsigned first,
                            unsigned other)
{
    memset(empty, 0, (size_t)T3_NROWS * T3_NCOLS);
    for (int r = 0; r < T3_NROWS; r++)
        for (int c = 0; c < T3_NCOLS; c++)
            empty[r][c] = v[r][c] == 0 && gen_below(100) < (c == 0 ? first : other);
}

/* The fixture's report with its table 3 (from the 勾稽关系 note up to section
 * 四) replaced by t3; malloc'd. */
/* Values that add up and differ (a misplaced number shows): drawn, the result
 * rows raised by up to 8 at random, added up again. */
static inline void t3_draw_differing(int v[T3_NROWS][T3_NCOLS])
{
    t3_draw_values(v);
    for (int r = 2; r < T3_NROWS - 2; r++)
        for (int c = 0; c < T3_NCOLS - 1; c++)
            v[r][c] += gen_below(2) ? (int)gen_below(9) : 0;
    t3_add_up(v);
}

/* The layouts a table's rows are written in (t3_put_row()): L_CSV apart, after
 * the six the generated tests go through. */
enum { L_TABS, L_PIPES, L_SPACES, L_LINES, L_BARE, L_PDFTEXT, NLAYOUTS, L_CSV = NLAYOUTS };
static const char *const LAYOUT[NLAYOUTS + 1] __attribute__((unused)) = {
    "tabs", "pipes", "spaces", "cell per line", "cell per line, rows not apart", "cell per line, a blank line after each",
    "csv"};

/* A line of cells in a layout (the cell-per-line layout: one a line, a blank
 * line after the row; rows not apart: nothing between them, as
 * BeautifulSoup's get_text("\n") prints a table; a blank line after each
 * cell, as pdftotext without -layout prints one: no line tells where a row
 * ends; CSV: commas, nothing quoted). */
static inline void t3_put_row(sbuf *b, int layout, const char *const *cells, int n)
{
    for (int k = 0; k < n; k++) {
        switch (layout) {
        case L_TABS:
            sbuf_printf(b, "%s%s", k ? "\t" : "", cells[k]);
            break;
        case L_CSV:
            sbuf_printf(b, "%s%s", k ? "," : "", cells[k]);
            break;
        case L_PIPES:
            sbuf_printf(b, "%s %s ", k ? "" : "|", cells[k][0] ? cells[k] : " ");
            sbuf_adds(b, "|");
            break;
        case L_SPACES:
            sbuf_printf(b, "%s%s", k ? "    " : "", cells[k][0] ? cells[k] : "");
            break;
        default:
            if (cells[k][0])
                sbuf_printf(b, "%s\n%s", cells[k], layout == L_PDFTEXT ? "\n" : "");
            break;
        }
    }
    if (layout != L_BARE && layout != L_PDFTEXT)
        sbuf_adds(b, "\n");
}

/* Where to break a label onto two lines: at a character in its second half,
 * so that the first piece still names the row most of the time and the
 * rest names nothing ("二、上年结转政府信" "息公开申请数量"); 0 when it has fewer
 * than `least` characters. */
static inline size_t t3_break_at(const char *label, size_t least)
{
    size_t len = strlen(label), at[64], n = 0;
    for (size_t k = 1; k < len && n < 64; k++)
        if (((unsigned char)label[k] & 0xC0) != 0x80)
            at[n++] = k;               /* the character boundaries */
    return n < least ? 0 : at[n / 2 + gen_below((unsigned)(n - n / 2 - 1))];
}

/* The note and the header's cells, a line each, each followed by nl. */
static inline void t3_head_lines(sbuf *t, const char *nl)
{
    static const char *const HEAD[] = {"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况",
                                       "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织",
                                       "法律服务机构", "其他", "总计"};
    for (size_t k = 0; k < sizeof HEAD / sizeof *HEAD; k++)
        sbuf_printf(t, "%s%s", HEAD[k], nl);
}

/* Table 3's header in a layout: its cells a line each (t3_head_lines(), a blank
 * line after, two newlines each for L_PDFTEXT) for the cell-per-line layouts,
 * else one row of column names (a markdown rule under it for L_PIPES). */
static inline void t3_put_head(sbuf *t, int layout)
{
    if (layout >= L_LINES && layout != L_CSV) {
        t3_head_lines(t, layout == L_PDFTEXT ? "\n\n" : "\n");
        sbuf_adds(t, "\n");
        return;
    }
    const char *head[] = {"项目", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"};
    t3_put_row(t, layout, head, 8);
    if (layout == L_PIPES)
        sbuf_adds(t, "|---|---|---|---|---|---|---|---|\n");
}

static char *t3_report(const char *t3)
{
    char *text = fx_report_between("三、收到和处理政府信息公开申请情况\n\n", "\n四、政府信息公开行政复议", t3);
    assert_non_null(text);
    return text;
}

/* Table 3's cell of row r and column c in rep; its id in id (64 bytes). */
static inline const gk_cell *t3_cell(const gk_report *rep, int r, int c, char *id)
{
    snprintf(id, 64, "t3.%s.%s", T3_KEYS[r], T3_COLS[c]);
    const gk_cell *cell = fx_cell_of(rep, id);
    assert_non_null(cell);
    return cell;
}

/* Every cell of table 3 read as written (v) or missing; a column the table does
 * not have (`absent`, or -1) never extracted, inferred only to its value.
 * Returns how many were read or inferred. */
static int t3_check_cells(const gk_report *r, int v[T3_NROWS][T3_NCOLS], int absent, const char *what, int iter)
{
    int read = 0;
    for (int row = 0; row < T3_NROWS; row++)
        for (int c = 0; c < T3_NCOLS; c++) {
            char id[64];
            const gk_cell *cell = t3_cell(r, row, c, id);
            if (cell->status == GK_ST_MISSING)
                continue;
            if (c == absent && cell->read_status == GK_ST_EXTRACTED)
                fail_msg("%s, table %d: %s extracted (%g) from a table without its column", what, iter, id,
                         cell->value);
            if (cell->value != v[row][c])
                fail_msg("%s, table %d: %s read as %g (status %d), written %d", what, iter, id, cell->value,
                         (int)cell->status, v[row][c]);
            read++;
        }
    return read;
}

/* A report's text (freed here) parsed and t3_check_cells() on it; the cells
 * read. */
static inline int t3_check_text(char *text, int v[T3_NROWS][T3_NCOLS], int absent, const char *what, int iter)
{
    gk_report *rep = fx_parse_text(text);
    assert_non_null(rep);
    int read = t3_check_cells(rep, v, absent, what, iter);
    report_free(rep);
    free(text);
    return read;
}

/* Table 3 written in t (freed here) in the fixture's report, parsed. */
static inline gk_report *t3_parse(sbuf *t)
{
    char *text = t3_report(t->s);
    sbuf_free(t);
    gk_report *rep = fx_parse_text(text);
    assert_non_null(rep);
    free(text);
    return rep;
}

/* Table 3 written in t (freed here) read back in the fixture's report:
 * t3_check_cells() on it (what, iter for its messages); the cells read. */
static inline int t3_read_back(sbuf *t, int v[T3_NROWS][T3_NCOLS], const char *what, int iter)
{
    gk_report *rep = t3_parse(t);
    int read = t3_check_cells(rep, v, -1, what, iter);
    report_free(rep);
    return read;
}

#endif
