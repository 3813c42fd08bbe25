/* test_narrow_boxes.c — table 3 drawn with box borders in narrow columns, as
 * w3m, links and elinks dump a web page at their default 80 columns: every
 * header name wrapped to its column's width (a column two wide holds one
 * character a line: "科" "研" "机" "构" down the column), the note "（本列数据的
 * 勾稽关系为…）" in the first column over all the header's rows — so that the
 * rules between the header's rows are rules in every column but the first
 * ("│之和)   ├──┼────┼──┤"), in columns as narrow as two — the group name
 * 法人或其他组织 over the column after 自然人, and the rows' labels wrapped in
 * the first column.  Seeded: the columns' widths (two to eight), the columns in
 * the template's order or another (自然人 first), the values adding up.
 * Property: every cell read as written, or missing — never another value; with
 * the template's order, every cell read.  (A rule's two-dash cell was
 * taken for no rule: the names under it joined the row above, their order
 * another — 80 cells of one page of converter seed 20 at 80 columns.)
 * In a third of the tables every column is two wide (the widest number's digits
 * when wider).  In half of them 自然人 and 总计 span the header's rows, as a page's
 * rowspan draws them: the rules between those rows stop at their columns
 * ("│注│  ├──┼──┤  │": a rule of two-dash cells beside blank ones, and text
 * in the note's); in a third, some numbers carry a unit ("5件", "12（件）", "3 件")
 * that wraps under their digits in a narrow column ("12" over "（件", "）") — in half
 * of those under their digits always, where it would fit beside them ("0" over "件": a
 * browser wraps sooner than the width says); in
 * half, the cells of a data row stand in its middle, as elinks prints them (a
 * cell of four lines from the row's top, one of one on its second line). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "t3gen.h"
#include "text.h"

#define NCOL (T3_NCOLS + 1)    /* the label column, then the table's */
#define MAXL 48                /* lines a row may take */

static const char *const NAMES[T3_NCOLS] = {"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"};

/* s padded with spaces to `width` display columns. */
static void put_cell(sbuf *b, const char *s, int width)
{
    sbuf_adds(b, s);
    for (int w = (int)text_display_width(s, strlen(s)); w < width; w++)
        sbuf_addc(b, ' ');
}

/* A rule: "├" then each column's dashes; with `keep0` the first column's
 * cell text instead (a row of the first column going on: a rule in the others);
 * a column whose bit is set in `open` goes on too (a cell spanning the rows
 * above and below: blank, the junctions beside it tees). */
static void put_rule(sbuf *b, const int *width, const char *left, const char *cross, const char *right,
                     const char *keep0, unsigned open)
{
    if (keep0)
        open |= 1u;
    for (int c = 0; c <= NCOL; c++) {
        int lo = c > 0 && (open >> (c - 1) & 1), ro = c < NCOL && (open >> c & 1);   /* the cells beside */
        if (c == 0)
            sbuf_adds(b, ro ? "│" : left);
        else if (c == NCOL)
            sbuf_adds(b, lo ? "│" : right);
        else
            sbuf_adds(b, lo && ro ? "│" : lo ? "├" : ro ? "┤" : cross);
        if (c == NCOL)
            break;
        if (c == 0 && keep0)
            put_cell(b, keep0, width[0]);
        else
            for (int k = 0; k < width[c]; k++)
                sbuf_adds(b, open >> c & 1 ? " " : "─");
    }
    sbuf_addc(b, '\n');
}

/* A row of cells (text[c]) each wrapped to its width, `lines` lines or as
 * many as its tallest cell takes; returns the lines put.  note: the first
 * column's text goes on from note_at of note[][] (the header's note). */
static int put_row(sbuf *b, const int *width, const char *const *text, int lines, char note[MAXL][256], int *note_at,
                   int nnote, int mid)
{
    static char piece[NCOL][MAXL][256];
    int n[NCOL], tall = lines;
    for (int c = 0; c < NCOL; c++) {
        const char *nl = text[c] ? strchr(text[c], '\n') : NULL;
        if (nl) {                      /* broken there first (a unit wrapped sooner than it had to be) */
            snprintf(piece[c][0], sizeof piece[c][0], "%.*s", (int)(nl - text[c]), text[c]);
            n[c] = 1 + gen_wrap(nl + 1, width[c], piece[c][1], sizeof piece[c][0], MAXL - 1);
        } else {
            n[c] = text[c] ? gen_wrap(text[c], width[c], piece[c][0], sizeof piece[c][0], MAXL) : 0;
        }
        tall = n[c] > tall ? n[c] : tall;
    }
    for (int l = 0; l < tall; l++) {
        sbuf_adds(b, "│");
        for (int c = 0; c < NCOL; c++) {
            const char *s = "";
            if (c == 0 && note)
                s = *note_at < nnote ? note[(*note_at)++] : "";
            else if (l - (mid ? (tall - n[c]) / 2 : 0) >= 0 && l - (mid ? (tall - n[c]) / 2 : 0) < n[c])
                s = piece[c][l - (mid ? (tall - n[c]) / 2 : 0)];   /* mid: each cell in the row's middle */
            put_cell(b, s, width[c]);
            sbuf_adds(b, "│");
        }
        sbuf_addc(b, '\n');
    }
    return tall;
}

/* early (with units): a number's unit put on the line under its digits even where it would
 * fit beside them, as a browser wraps a cell sooner than its width says (elinks: "0" over
 * "件" in a column five wide), the row's other cells in its middle beside a label over
 * three lines. */
static int early;

static char *draw_table(int v[T3_NROWS][T3_NCOLS], const int *order, const int *width, int span, int units, int mid)
{
    sbuf b;
    sbuf_init(&b);
    char note[MAXL][256];
    int nnote = gen_wrap("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", width[0], note[0], sizeof note[0], MAXL),
        at = 0;
    const char *head[3][NCOL] = {{0}};
    head[0][1] = "申请人情况";
    head[1][1] = NAMES[order[0]];
    head[1][2] = "法人或其他组织";
    for (int c = 1; c < T3_NCOLS - 1; c++)
        head[2][1 + c] = NAMES[order[c]];
    head[0][T3_NCOLS] = NAMES[T3_NCOLS - 1];
    put_rule(&b, width, "┌", "┬", "┐", NULL, 0);
    for (int h = 0; h < 3; h++) {      /* the note down the first column, over the header's rows */
        put_row(&b, width, head[h], h < 2 ? 1 : nnote - at, note, &at, nnote, 0);
        /* a rule in every column but the note's — and, spanning, 总计's and (under the
         * group's name) 自然人's */
        unsigned open = !span ? 0 : h == 0 ? 1u << T3_NCOLS : 1u << T3_NCOLS | 1u << 1;
        if (h < 2)
            put_rule(&b, width, "├", "┼", "┤", at < nnote ? note[at++] : "", open);
    }
    put_rule(&b, width, "├", "┼", "┤", NULL, 0);
    static const char *const UNIT[] = {"件", "（件）", " 件"};
    for (int r = 0; r < T3_NROWS; r++) {
        char num[T3_NCOLS][16];
        const char *cells[NCOL];
        cells[0] = T3_LABELS[r];
        for (int c = 0; c < T3_NCOLS; c++) {
            const char *unit = units && gen_below(4) == 0 ? UNIT[gen_below(3)] : "";
            snprintf(num[c], sizeof num[c], "%d%s%s", v[r][order[c]], early && unit[0] ? "\n" : "",
                     early && unit[0] == ' ' ? unit + 1 : unit);
            cells[1 + c] = num[c];
        }
        put_row(&b, width, cells, 1, NULL, NULL, 0, mid);
        put_rule(&b, width, r + 1 < T3_NROWS ? "├" : "└", r + 1 < T3_NROWS ? "┼" : "┴", r + 1 < T3_NROWS ? "┤" : "┘",
                 NULL, 0);
    }
    return sbuf_steal(&b);
}

static void test_narrow_boxes(void **state)
{
    (void)state;
    gen_seed(20261209);
    int read_same = 0, cells_same = 0;
    for (int iter = 0; iter < 300; iter++) {
        int v[T3_NROWS][T3_NCOLS], order[T3_NCOLS], width[NCOL];
        t3_draw_values(v);
        for (int c = 0; c < T3_NCOLS; c++)
            order[c] = c;
        int same = gen_below(2);
        if (!same)                     /* the five under 法人或其他组织 in another order */
            for (int k = T3_NCOLS - 2; k > 1; k--) {
                int j = 1 + (int)gen_below((unsigned)k), t = order[k];
                order[k] = order[j];
                order[j] = t;
            }
        width[0] = 12 + 2 * (int)gen_below(6);
        int two = gen_below(3) == 0;   /* every column as narrow as it goes: a character a line */
        for (int c = 1; c < NCOL; c++) {
            int digits = 1;
            for (int r = 0; r < T3_NROWS; r++)
                digits = v[r][order[c - 1]] >= 100 ? 3 : v[r][order[c - 1]] >= 10 && digits < 2 ? 2 : digits;
            width[c] = two ? 2 : 2 + 2 * (int)gen_below(4);
            width[c] = width[c] < digits ? digits : width[c];
        }
        int span = gen_below(2), units = gen_below(3) == 0, mid = gen_below(2);
        early = units && gen_below(2);
        if (early)                     /* a label's column narrow enough to wrap most labels */
            width[0] = 12 + 2 * (int)gen_below(3);
        sbuf t;
        sbuf_init(&t);
        char *table = draw_table(v, order, width, span, units, mid);
        sbuf_adds(&t, table);
        free(table);
        char what[96];
        snprintf(what, sizeof what, "narrow boxes, %s%s%s%s", same ? "the template's order" : "another order",
                 span ? ", spanning" : "", units ? ", units" : "", early ? " wrapped early" : "");
        int got = t3_read_back(&t, v, what, iter);
        if (same) {
            read_same += got;
            cells_same += T3_NROWS * T3_NCOLS;
        }
    }
    print_message("narrow boxes, the template's order: %d of %d cells read\n", read_same, cells_same);
    if (read_same < cells_same)        /* (seeded: every one of them, since stop 54) */
        fail_msg("narrow boxes, the template's order: %d of %d cells read", read_same, cells_same);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_narrow_boxes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
