/* test_filled_labels.c — table 3 as a program writes a table whose merged cells
 * it fills (python-docx, openpyxl, pandas' read_html): a row label cell merged
 * with the empty label cell of the row below, so that the label is written on
 * both rows ("一、本年新收…  12 3 0 …" then "一、本年新收…  3 0 0 …", the second
 * row 上年结转's), in tab rows, pipe rows and CSV, with the group labels filled
 * into each of their rows too ("三、本年度办理结果" before every row of the
 * group).  Seeded random tables whose values add up.  Properties: no cell is
 * read as another value; the two rows sharing a label are read as written (the
 * engine before took the second for the label's row: 本年新收 read from
 * 上年结转's numbers and 上年结转 inferred from 本年新收's, the balance holding
 * either way). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "t3gen.h"

#define NWAYS 3
static const int WAYS[NWAYS] = {L_TABS, L_PIPES, L_CSV};   /* (t3gen.h) */

static void test_label_filled_into_next_row(void **state)
{
    (void)state;
    gen_seed(20261211);
    int read[NWAYS] = {0}, cells[NWAYS] = {0};
    for (int iter = 0; iter < 400; iter++) {
        int v[T3_NROWS][T3_NCOLS], way = (int)gen_below(NWAYS), layout = WAYS[way];
        t3_draw_differing(v);
        int filled = iter % 4 == 0 ? 0 : (int)gen_below(T3_NROWS - 1);   /* row filled+1 gets its label */
        sbuf t;
        sbuf_init(&t);
        const char *head[] = {"", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"};
        t3_put_row(&t, layout, head, 9);
        if (layout == L_PIPES)
            sbuf_adds(&t, "|---|---|---|---|---|---|---|---|---|\n");
        const char *group = "";
        for (int r = 0; r < T3_NROWS; r++) {
            char num[T3_NCOLS][16];
            const char *row[T3_NCOLS + 2];
            const char *g = t3_group_before(r);
            if (g)
                group = g;
            if (r == 2)
                group = "三、本年度办理结果";
            if (r >= T3_NROWS - 2)
                group = "";
            int label_first = !group[0];
            row[0] = label_first ? T3_LABELS[r == filled + 1 ? filled : r] : group;
            row[1] = label_first ? "" : T3_LABELS[r == filled + 1 ? filled : r];
            for (int c = 0; c < T3_NCOLS; c++) {
                snprintf(num[c], sizeof num[c], "%d", v[r][c]);
                row[c + 2] = num[c];
            }
            t3_put_row(&t, layout, row, T3_NCOLS + 2);
        }
        gk_report *rep = t3_parse(&t);
        char what[64];
        snprintf(what, sizeof what, "%s, label of row %d filled into the next", LAYOUT[layout], filled);
        read[way] += t3_check_cells(rep, v, -1, what, iter);
        cells[way] += T3_NROWS * T3_NCOLS;
        for (int c = 0; c < T3_NCOLS; c++) {
            char id[64];
            if (t3_cell(rep, filled, c, id)->status != GK_ST_EXTRACTED)
                fail_msg("%s, table %d: %s not read", what, iter, id);
        }
        report_free(rep);
    }
    for (int k = 0; k < NWAYS; k++)
        print_message("%s: %d of %d cells read or inferred\n", LAYOUT[WAYS[k]], read[k], cells[k]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_label_filled_into_next_row),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
