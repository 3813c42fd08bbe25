/* test_by_columns.c — table 3 printed column by column, as pdfminer (pdf2txt)
 * prints a table whose number columns are text boxes of their own: every
 * row's label, one a line, then the first number of each row, then the
 * second, ... (cells a line each, with or without a blank line after each,
 * the group labels among the rows' labels).  Seeded random tables with values
 * that add up and differ.  Properties: every cell read as written or
 * missing, never another value, and with a blank line after each cell (as
 * pdftotext and pdfminer print) most read: the engine before read none, now
 * all.  Without the blank lines the grid takes the labels and numbers for one
 * row of at most 64 cells: unread (noted in the notes).
 * Decoy: the same labels, then the numbers row after row (a PDF's number block
 * read line by line prints them so): the same count, never another value. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "t3gen.h"

/* 200 tables; by_rows: the decoy.  Returns the cells read in the tables
 * with a blank line after each cell (*cells: theirs). */
static int tables(unsigned seed, int by_rows, int *cells)
{
    gen_seed(seed);
    int read = 0;
    *cells = 0;
    for (int iter = 0; iter < 200; iter++) {
        int v[T3_NROWS][T3_NCOLS];
        t3_draw_differing(v);
        const char *nl = gen_below(2) ? "\n\n" : "\n";
        sbuf t;
        sbuf_init(&t);
        t3_head_lines(&t, nl);
        for (int r = 0; r < T3_NROWS; r++) {
            const char *g = t3_group_before(r);
            if (g)
                sbuf_printf(&t, "%s%s", g, nl);
            sbuf_printf(&t, "%s%s", T3_LABELS[r], nl);
        }
        for (int a = 0; a < (by_rows ? T3_NROWS : T3_NCOLS); a++)
            for (int b = 0; b < (by_rows ? T3_NCOLS : T3_NROWS); b++)
                sbuf_printf(&t, "%d%s", by_rows ? v[a][b] : v[b][a], nl);
        int got = t3_read_back(&t, v, by_rows ? "row after row" : "column by column", iter);
        if (nl[1]) {
            read += got;
            *cells += T3_NROWS * T3_NCOLS;
        }
    }
    return read;
}

static void test_column_by_column(void **state)
{
    (void)state;
    int cells, read = tables(20261205, 0, &cells);
    if (read * 100 < cells * 90)
        fail_msg("column by column: %d of %d cells read", read, cells);
}

static void test_row_after_row_decoy(void **state)
{
    (void)state;
    int cells;
    tables(20261206, 1, &cells);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_column_by_column),
        cmocka_unit_test(test_row_after_row_decoy),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
