/* test_page_edge.c — table 3 as the PDF reader writes a table printed wider
 * than its page (a browser cuts it at the page's right edge): its last
 * columns lost past the edge, the columns kept at their places (label
 * columns first, empty cells where a row's label takes fewer), some 0s
 * printed as empty cells.  The reader marks what it knows is cut
 * (src/input_pdf.c): either a column whose numbers stood across the edge —
 * each of its numbers followed by U+FFFD, their last digits at times lost
 * with it, its empty cells U+FFFD alone — or, when the table's rules run past
 * the edge and no character crosses it, a cell U+FFFD after every row of
 * numbers (whole columns may lie past the edge).  Seeded tables whose values
 * add up and differ.  Property: every cell read is what was written, or
 * missing — never a number in another column's place, nor a cut number's
 * first digits, nor an empty label cell taken for a blank one to make a row
 * whole (the engine before read rows short by their lost columns with their
 * empty label cells as blank ones: every number a column off). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "t3gen.h"

#define CUT "\xEF\xBF\xBD"

static const char *const HEAD[T3_NCOLS] = {"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"};

/* Table 3 of values v with `kept` columns printed, the last of them cut at the
 * edge when `across` (else a cut cell after each row of numbers), `nl` label
 * columns, the 0s marked in `empty` printed empty. */
static void cut_table(sbuf *t, int v[T3_NROWS][T3_NCOLS], unsigned char empty[T3_NROWS][T3_NCOLS], int kept,
                      int across, int nl)
{
    sbuf_adds(t, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n");
    for (int k = 0; k < nl; k++)
        sbuf_adds(t, "\t");
    for (int c = 0; c < kept; c++)
        sbuf_printf(t, "%s%s%s", c ? "\t" : "", HEAD[c], across && c == kept - 1 ? CUT : "");
    sbuf_adds(t, "\n");
    for (int r = 0; r < T3_NROWS; r++) {
        const char *group = t3_group_before(r);
        if (group)
            sbuf_printf(t, "%s\n", group);
        sbuf_adds(t, T3_LABELS[r]);
        for (int k = 1; k < nl; k++)
            sbuf_adds(t, "\t");
        for (int c = 0; c < kept; c++) {
            sbuf_adds(t, "\t");
            int last = across && c == kept - 1;
            if (empty[r][c] && !last)
                continue;
            char num[32];
            int n = snprintf(num, sizeof num, "%d", v[r][c]);
            if (last) {                /* across the edge: its last digits at times lost, the mark after */
                if (empty[r][c] || gen_below(4) == 0)
                    n = (int)gen_below((unsigned)n);   /* (nothing left of it: the mark alone) */
                sbuf_add(t, num, (size_t)n);
                sbuf_adds(t, CUT);
            } else {
                sbuf_add(t, num, (size_t)n);
            }
        }
        if (!across)
            sbuf_adds(t, "\t" CUT);
        sbuf_adds(t, "\n");
    }
}

static void test_cut_at_page_edge(void **state)
{
    (void)state;
    gen_seed(20261207);
    int read = 0, cells = 0;
    for (int iter = 0; iter < 400; iter++) {
        int v[T3_NROWS][T3_NCOLS];
        unsigned char empty[T3_NROWS][T3_NCOLS];
        t3_draw_differing(v);
        t3_draw_empties(v, empty, 20, 20);
        int across = (int)gen_below(2);
        /* columns printed: all of them (the rules past the edge, nothing lost) down to four */
        int kept = T3_NCOLS - (int)gen_below(4);
        if (across && kept == T3_NCOLS && gen_below(2))
            kept--;
        int nl = 1 + (int)gen_below(3);
        sbuf t;
        sbuf_init(&t);
        cut_table(&t, v, empty, kept, across, nl);
        read += t3_read_back(&t, v, "table cut at the page's edge", iter);
        cells += T3_NROWS * T3_NCOLS;
    }
    print_message("cut at the page's edge: %d of %d cells read\n", read, cells);
    assert_true(read * 100 >= cells * 40);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cut_at_page_edge),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
