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
 * the template's order, nearly every cell read.  (A rule's two-dash cell was
 * taken for no rule: the names under it joined the row above, their order
 * another — 80 cells of one page of converter seed 20 at 80 columns.) */
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

/* text cut into lines of at most `width` display columns (CJK two, ASCII one),
 * into piece[]; how many. */
static int wrap(const char *text, int width, char piece[MAXL][256])
{
    int n = 0;
    size_t at = 0, len = strlen(text);
    while (at < len && n < MAXL) {
        size_t e = at;
        int w = 0;
        while (e < len) {
            size_t cl = ((unsigned char)text[e] & 0x80) ? ((unsigned char)text[e] >= 0xF0 ? 4 : (unsigned char)text[e] >= 0xE0 ? 3 : 2) : 1;
            int cw = cl > 1 ? 2 : 1;
            if (w + cw > width && e > at)
                break;
            w += cw;
            e += cl;
        }
        memcpy(piece[n], text + at, e - at);
        piece[n++][e - at] = '\0';
        at = e;
    }
    return n;
}

/* s padded with spaces to `width` display columns. */
static void put_cell(sbuf *b, const char *s, int width)
{
    sbuf_adds(b, s);
    for (int w = (int)text_display_width(s, strlen(s)); w < width; w++)
        sbuf_addc(b, ' ');
}

/* A rule: "├" then each column's dashes; with `keep0` the first column's
 * cell text instead (a row of the first column going on: a rule in the others). */
static void put_rule(sbuf *b, const int *width, const char *left, const char *cross, const char *right,
                     const char *keep0)
{
    if (keep0) {
        sbuf_adds(b, "│");
        put_cell(b, keep0, width[0]);
        sbuf_adds(b, "├");
    } else {
        sbuf_adds(b, left);
        for (int k = 0; k < width[0]; k++)
            sbuf_adds(b, "─");
        sbuf_adds(b, cross);
    }
    for (int c = 1; c < NCOL; c++) {
        for (int k = 0; k < width[c]; k++)
            sbuf_adds(b, "─");
        sbuf_adds(b, c + 1 < NCOL ? cross : right);
    }
    sbuf_addc(b, '\n');
}

/* A row of cells (text[c]) each wrapped to its width, `lines` lines or as
 * many as its tallest cell takes; returns the lines put.  note: the first
 * column's text goes on from note_at of note[][] (the header's note). */
static int put_row(sbuf *b, const int *width, const char *const *text, int lines, char note[MAXL][256], int *note_at,
                   int nnote)
{
    static char piece[NCOL][MAXL][256];
    int n[NCOL], tall = lines;
    for (int c = 0; c < NCOL; c++) {
        n[c] = text[c] ? wrap(text[c], width[c], piece[c]) : 0;
        tall = n[c] > tall ? n[c] : tall;
    }
    for (int l = 0; l < tall; l++) {
        sbuf_adds(b, "│");
        for (int c = 0; c < NCOL; c++) {
            const char *s = "";
            if (c == 0 && note)
                s = *note_at < nnote ? note[(*note_at)++] : "";
            else if (l < n[c])
                s = piece[c][l];
            put_cell(b, s, width[c]);
            sbuf_adds(b, "│");
        }
        sbuf_addc(b, '\n');
    }
    return tall;
}

static char *draw_table(int v[T3_NROWS][T3_NCOLS], const int *order, const int *width)
{
    sbuf b;
    sbuf_init(&b);
    char note[MAXL][256];
    int nnote = wrap("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", width[0], note), at = 0;
    const char *head[3][NCOL] = {{0}};
    head[0][1] = "申请人情况";
    head[1][1] = NAMES[order[0]];
    head[1][2] = "法人或其他组织";
    for (int c = 1; c < T3_NCOLS - 1; c++)
        head[2][1 + c] = NAMES[order[c]];
    head[0][T3_NCOLS] = NAMES[T3_NCOLS - 1];
    put_rule(&b, width, "┌", "┬", "┐", NULL);
    for (int h = 0; h < 3; h++) {      /* the note down the first column, over the header's rows */
        put_row(&b, width, head[h], h < 2 ? 1 : nnote - at, note, &at, nnote);
        if (h < 2)                     /* a rule in every column but the note's */
            put_rule(&b, width, "├", "┼", "┤", at < nnote ? note[at++] : "");
    }
    put_rule(&b, width, "├", "┼", "┤", NULL);
    for (int r = 0; r < T3_NROWS; r++) {
        char num[T3_NCOLS][16];
        const char *cells[NCOL];
        cells[0] = T3_LABELS[r];
        for (int c = 0; c < T3_NCOLS; c++) {
            snprintf(num[c], sizeof num[c], "%d", v[r][order[c]]);
            cells[1 + c] = num[c];
        }
        put_row(&b, width, cells, 1, NULL, NULL, 0);
        put_rule(&b, width, r + 1 < T3_NROWS ? "├" : "└", r + 1 < T3_NROWS ? "┼" : "┴", r + 1 < T3_NROWS ? "┤" : "┘",
                 NULL);
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
        for (int c = 1; c < NCOL; c++) {
            int digits = 1;
            for (int r = 0; r < T3_NROWS; r++)
                digits = v[r][order[c - 1]] >= 100 ? 3 : v[r][order[c - 1]] >= 10 && digits < 2 ? 2 : digits;
            width[c] = 2 + 2 * (int)gen_below(4);
            width[c] = width[c] < digits ? digits : width[c];
        }
        sbuf t;
        sbuf_init(&t);
        char *table = draw_table(v, order, width);
        sbuf_adds(&t, table);
        free(table);
        char what[64];
        snprintf(what, sizeof what, "narrow boxes, %s", same ? "the template's order" : "another order");
        int got = t3_read_back(&t, v, what, iter);
        if (same) {
            read_same += got;
            cells_same += T3_NROWS * T3_NCOLS;
        }
    }
    print_message("narrow boxes, the template's order: %d of %d cells read\n", read_same, cells_same);
    if (read_same * 10 < cells_same * 9)
        fail_msg("narrow boxes, the template's order: %d of %d cells read", read_same, cells_same);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_narrow_boxes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
