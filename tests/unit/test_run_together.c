/* test_run_together.c — a row's numbers run together into one cell, the
 * separators between them lost and the row's other cells left empty, as a
 * page copied from some viewers gives a table ("110021000100011": table 4's
 * fifteen numbers in its first cell).  Generated, seeded: table 3 with one to
 * three of its rows so written (rows of ten digits or more: the totals' rows,
 * or any row whose numbers make that many), in a tab grid or a pipe table; and
 * table 4 as one row, its fifteen numbers in one cell, with its header in tabs
 * or pipes.  Property: every cell read as written or missing (or inferred to
 * what was written) — the run never read as one number, the empty cells beside
 * it never read as blank 0s. (The run was read as one count and the empty cells
 * as 0s: seven cells wrong of one genlayout variant, seed 3.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "t3gen.h"

#define RUN_LEAST 10           /* the digits a run has at least (extract.c's RUN_DIGITS) */

/* The digits of n values v[0..n) written one after another into out. */
static size_t run_of(const int *v, int n, char *out)
{
    size_t len = 0;
    for (int k = 0; k < n; k++)
        len += (size_t)sprintf(out + len, "%d", v[k]);
    return len;
}

static void test_t3_rows_run_together(void **state)
{
    (void)state;
    gen_seed(20261207);
    int runs = 0, read = 0;
    for (int iter = 0; iter < 300; iter++) {
        int v[T3_NROWS][T3_NCOLS];
        t3_draw_differing(v);
        int layout = gen_below(2) ? L_TABS : L_PIPES, glued[T3_NROWS] = {0}, want = 1 + (int)gen_below(3);
        for (int tries = 0; tries < 40 && want > 0; tries++) {
            /* the totals' rows first: their numbers are the widest */
            int r = tries < 2 ? (tries ? T3_NROWS - 2 : 0) : (int)gen_below(T3_NROWS);
            char run[T3_NCOLS * 12];
            if (!glued[r] && run_of(v[r], T3_NCOLS, run) >= RUN_LEAST && (tries >= 2 || gen_below(2)))
                glued[r] = 1, want--, runs++;
        }
        sbuf t;
        sbuf_init(&t);
        t3_put_head(&t, layout);
        for (int r = 0; r < T3_NROWS; r++) {
            if (t3_group_before(r)) {
                const char *g[8] = {t3_group_before(r), "", "", "", "", "", "", ""};
                t3_put_row(&t, layout, g, 8);
            }
            char num[T3_NCOLS][12], run[T3_NCOLS * 12];
            const char *cells[8] = {T3_LABELS[r]};
            for (int c = 0; c < T3_NCOLS; c++) {
                snprintf(num[c], sizeof num[c], "%d", v[r][c]);
                cells[1 + c] = glued[r] ? "" : num[c];
            }
            if (glued[r]) {
                run_of(v[r], T3_NCOLS, run);
                cells[1] = run;
            }
            t3_put_row(&t, layout, cells, 8);
        }
        read += t3_read_back(&t, v, layout == L_TABS ? "rows run together, tabs" : "rows run together, pipes", iter);
    }
    print_message("table 3: %d rows run together; %d of %d cells read\n", runs, read, 300 * T3_NROWS * T3_NCOLS);
    if (runs < 300)
        fail_msg("only %d rows run together in 300 tables", runs);
}

static const char *const T4_GROUPS[3] = {"review", "suit_direct", "suit_after_review"};
static const char *const T4_COLS[5] = {"upheld", "corrected", "other", "pending", "total"};

static void test_t4_run_together(void **state)
{
    (void)state;
    gen_seed(20261208);
    int read = 0;
    for (int iter = 0; iter < 200; iter++) {
        int v[15];
        for (int g = 0; g < 3; g++) {
            v[5 * g + 4] = 0;
            for (int c = 0; c < 4; c++) {
                v[5 * g + c] = gen_below(2) ? 0 : (int)gen_below(10);
                v[5 * g + 4] += v[5 * g + c];
            }
        }
        int pipes = gen_below(2);
        char run[15 * 12];
        run_of(v, 15, run);
        sbuf b;
        sbuf_init(&b);
        if (pipes) {
            sbuf_adds(&b, "| 行政复议 |   |   |   |   | 行政诉讼 |  |  |  |  |  |  |  |  |  |\n"
                          "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
                          "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 |   |   |   |   | 复议后起诉 "
                          "|  |  |  |  |\n"
                          "|   |   |   |   |   | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 "
                          "| 其他结果 | 尚未审结 | 总计 |\n");
            sbuf_printf(&b, "| %s |", run);
            for (int k = 1; k < 15; k++)
                sbuf_adds(&b, "  |");
        } else {
            sbuf_adds(&b, "行政复议\t\t\t\t\t行政诉讼\n"
                          "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\n"
                          "\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n");
            sbuf_adds(&b, run);
            for (int k = 1; k < 15; k++)
                sbuf_adds(&b, "\t");
        }
        sbuf_adds(&b, "\n");
        char *text = fx_report_between("四、政府信息公开行政复议、行政诉讼情况\n\n", "\n五、存在的主要问题", b.s);
        sbuf_free(&b);
        assert_non_null(text);
        gk_report *rep = fx_parse_text(text);
        free(text);
        assert_non_null(rep);
        for (int k = 0; k < 15; k++) {
            char id[64];
            snprintf(id, sizeof id, "t4.%s.%s", T4_GROUPS[k / 5], T4_COLS[k % 5]);
            const gk_cell *c = fx_cell_of(rep, id);
            assert_non_null(c);
            if (c->status == GK_ST_MISSING)
                continue;
            if (c->value != v[k])
                fail_msg("table 4 %s (%s), table %d: %s read as %g (status %d), written %d (run %s)", pipes ? "pipes" : "tabs",
                         "run together", iter, id, c->value, (int)c->status, v[k], run);
            read++;
        }
        report_free(rep);
    }
    print_message("table 4 run together: %d of %d cells read\n", read, 200 * 15);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_t3_rows_run_together),
        cmocka_unit_test(test_t4_run_together),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
