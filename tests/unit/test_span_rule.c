/* test_span_rule.c — a cell spanning two rows of a bordered table, its number
 * printed over the rule between them: w3m, links and elinks centre a cell of
 * rowspan 2 vertically, so the number stands on the rule line, the label
 * column's rule parting the two rows ("├────────┤２１４ │" between
 * "(一)行政处罚" and "(二)行政强制").  Seeded: table 2 of the 2021 form drawn in
 * box-drawing or ASCII borders, each sub-table a table of its own, 行政强制's
 * cell merged into 行政处罚's or a cell of 行政规范性文件 into 规章's (the lower
 * row's own blank).  Property: never another value — the number is the
 * upper row's (the engine before read it as the lower row's: seed 7 v1276,
 * 行政强制 214 for a blank), and nine cells in ten read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"
#include "gen.h"

typedef struct {
    const char *v, *h, *tl, *tm, *tr, *ml, *mm, *mr, *bl, *bm, *br;   /* a vertical, a dash, the corners and junctions */
} border;

static const border BOX = {"│", "─", "┌", "┬", "┐", "├", "┼", "┤", "└", "┴", "┘"};
static const border ASCII = {"|", "-", "+", "+", "+", "|", "+", "|", "+", "+", "+"};

/* A rule line of n columns: dashes, or in column `merged` (-1: none) the text m. */
static void rule(sbuf *b, const border *bd, int n, const char *l, const char *mid, const char *r, int merged,
                 const char *m)
{
    sbuf_adds(b, "   ");
    for (int j = 0; j < n; j++) {
        const char *left = j == 0 ? (merged == 0 ? bd->v : l) : j == merged ? bd->mr : j == merged + 1 ? bd->ml : mid;
        sbuf_adds(b, left);
        if (j == merged) {
            sbuf_printf(b, " %-6s", m);
        } else {
            for (int k = 0; k < (j == 0 ? 12 : 7); k++)
                sbuf_adds(b, bd->h);
        }
    }
    sbuf_adds(b, merged == n - 1 ? bd->v : r);
    sbuf_adds(b, "\n");
}

static void row(sbuf *b, const border *bd, const char *const *cells, int n)
{
    sbuf_adds(b, "   ");
    for (int j = 0; j < n; j++)
        sbuf_printf(b, "%s%s ", bd->v, cells[j]);
    sbuf_printf(b, "%s\n", bd->v);
}

static void test_span_on_rule(void **state)
{
    (void)state;
    gen_seed(20261208);
    const gk_table_def *t2 = template_table(template_get(GK_FMT_2021), 2);
    static const int PIECE_FIRST[] = {0, 2, 3, 5, 6};   /* each sub-table's rows */
    static const char *const HEAD[4][4] = {{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
                                           {"信息内容", "本年处理决定数量"},
                                           {"信息内容", "本年处理决定数量"},
                                           {"信息内容", "本年收费金额（单位：万元）"}};
    static const char *const CAPTION[] = {"第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项",
                                          "第二十条第（八）项"};
    int cells = 0, read = 0;
    for (int iter = 0; iter < 200; iter++) {
        const border *bd = iter % 2 ? &ASCII : &BOX;
        int v[6][3];
        for (int r = 0; r < 6; r++)
            for (int c = 0; c < 3; c++)
                v[r][c] = 1 + (int)gen_below(300);
        int lower = gen_below(2) ? 4 : 1, col = lower == 4 ? 0 : (int)gen_below(3);   /* the merged cell */
        v[lower][col] = -1;
        sbuf b;
        sbuf_init(&b);
        for (int p = 0; p < 4; p++) {
            int n = t2->rows[PIECE_FIRST[p]].ncols + 1;
            sbuf_printf(&b, "%s\n\n", CAPTION[p]);
            rule(&b, bd, n, bd->tl, bd->tm, bd->tr, -1, NULL);
            row(&b, bd, HEAD[p], n);
            for (int r = PIECE_FIRST[p]; r < PIECE_FIRST[p + 1]; r++) {
                char text[4][32];
                const char *cl[4] = {t2->rows[r].label};
                for (int c = 0; c + 1 < n; c++) {
                    int merged_here = (r == lower - 1 || r == lower) && c == col;   /* its number on the rule */
                    if (merged_here)
                        text[c][0] = '\0';
                    else
                        snprintf(text[c], sizeof text[c], "%d", v[r][c]);
                    cl[c + 1] = text[c];
                }
                if (r > PIECE_FIRST[p]) {
                    char m[32];
                    snprintf(m, sizeof m, "%d", v[lower - 1][col]);
                    rule(&b, bd, n, bd->ml, bd->mm, bd->mr, r == lower ? col + 1 : -1, m);
                } else {
                    rule(&b, bd, n, bd->ml, bd->mm, bd->mr, -1, NULL);
                }
                row(&b, bd, cl, n);
            }
            rule(&b, bd, n, bd->bl, bd->bm, bd->br, -1, NULL);
            sbuf_adds(&b, "\n");
        }
        gk_report *r = fx_parse_with_t2(b.s);
        assert_non_null(r);
        int k = fx_t2_other(r, v, &cells, &read);
        if (k >= 0)
            fail_msg("iteration %d: t2.%s.%s read %g, written %d\n%s", iter, t2->rows[k / 3].key,
                     t2->rows[k / 3].cols[k % 3].key, fx_t2_cell(r, k / 3, k % 3)->value, v[k / 3][k % 3], b.s);
        report_free(r);
        sbuf_free(&b);
    }
    print_message("a cell over the rule between two rows: %d cells, %d read\n", cells, read);
    assert_true(read * 10 > cells * 9);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_span_on_rule),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
