/* test_label_cell_wrapped.c — table 3 as a program writes a table whose
 * label cells wrap (pandoc -t gfm, a grid read row by row): a row's label
 * broken over two rows of the table, its first piece on a row of empty cells
 * ("| 2.其他法律行 |  |  | … |") and the rest on the row holding its numbers
 * ("| 政法规禁止公开 | 9 | 0 | … |"), in a pipe table or a tab grid; in half
 * the tables a row lost one of its cells (a converter dropping an empty
 * one).  Seeded random tables whose values add up and differ.  Property:
 * every cell read as written or missing, never another value (converter
 * seed 7 v150, pandoc-gfm: the wrapped row anchored on its first piece,
 * whose cells are empty, and the row after it, one short, took its numbers
 * as a label printed after them: 6 cells of another row, no finding); and
 * most read.  Decoy: a row whose cells are all empty, its label whole, then
 * a stray line of another label's piece and a number — not the row's.  And
 * the row before a wrapped one printed with its label cut short before its
 * numbers, the rest on a line of its own after them (wrapped_tables()). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "t3gen.h"

/* 400 tables from seed; with tails, in some tables a row's label is cut short
 * before its numbers and its rest printed on a line of its own after them
 * ("4、无正当理 | 7 | 0 | 9 | 0 | 1 | 17" over "由大量反复申请"), the next row's
 * label wrapped onto a row of empty cells (seed 10 v614, pandas' dumps, fill,
 * w3m, elinks: 大量反复 anchored on its rest took the empty cells after the next
 * row's first piece, all blank: 4 cells of other values, no finding). */
static void wrapped_tables(unsigned seed, int tails)
{
    gen_seed(seed);
    int read = 0, cells = 0;
    for (int iter = 0; iter < 400; iter++) {
        int v[T3_NROWS][T3_NCOLS], layout = gen_below(2) ? L_PIPES : L_TABS;
        t3_draw_differing(v);
        /* in half the tables the rest goes on a cell a line from a row on (a page
         * break the converter lost the table's structure at), the row before it
         * wrapped, and often the row there a cell short */
        int from = gen_below(2) ? 3 + (int)gen_below(T3_NROWS - 5) : T3_NROWS;
        int lost = from < T3_NROWS && gen_below(2) ? from : gen_below(3) ? -1 : (int)gen_below(T3_NROWS);
        int lost_at = (int)gen_below(T3_NCOLS);
        /* a decoy in a quarter: a row's cells all empty (zeros left blank), its
         * whole label, then a stray line of another label's piece and a number
         * ("行政事业性收费" over "规  94": w3m's vertical label of another table) */
        int blank = gen_below(4) == 0 ? 2 + (int)gen_below(T3_NROWS - 4) : -1;   /* a result row */
        if (blank == from - 1 || blank == lost)
            blank = -1;
        if (blank >= 0) {
            for (int c = 0; c < T3_NCOLS; c++)
                v[blank][c] = 0;
            t3_add_up(v);              /* the table adds up again */
        }
        sbuf t;
        sbuf_init(&t);
        t3_put_head(&t, layout);
        int tail_next = 0;             /* the row before was written with its label's rest after it */
        for (int r = 0; r < T3_NROWS; r++) {
            const char *g = t3_group_before(r);
            int way = r >= from ? L_LINES : layout;
            /* with tails: this row's label cut short before its numbers, its rest on a line
               of its own after them, and the next row's label wrapped onto empty cells */
            int tail = tails && !g && !t3_group_before(r + 1) && r + 1 < from - 1 && r != blank && r + 1 != blank &&
                       r != lost && gen_below(3) == 0;
            if (g) {
                const char *row[T3_NCOLS + 1] = {g, "", "", "", "", "", "", ""};
                t3_put_row(&t, way, row, T3_NCOLS + 1);
            }
            char first[256], rest[256], num[T3_NCOLS][16];
            size_t cut = r < from && r != blank && (tail_next || r == from - 1 || gen_below(3) == 0)
                             ? t3_break_at(T3_LABELS[r], 6)
                             : 0;
            if (tail && !cut)
                tail = 0;
            tail_next = tail;
            const char *row[T3_NCOLS + 1] = {T3_LABELS[r]};
            if (tail) {                /* the first piece before the numbers, naming nothing (its item
                                          number and three characters), the rest after them */
                size_t at = 0;
                for (int chars = 0; T3_LABELS[r][at] && chars < 5; chars++)
                    do
                        at++;
                    while (((unsigned char)T3_LABELS[r][at] & 0xC0) == 0x80);
                snprintf(first, sizeof first, "%.*s", (int)at, T3_LABELS[r]);
                snprintf(rest, sizeof rest, "%s", T3_LABELS[r] + at);
                row[0] = first;
            } else if (cut) {
                snprintf(first, sizeof first, "%.*s", (int)cut, T3_LABELS[r]);
                snprintf(rest, sizeof rest, "%s", T3_LABELS[r] + cut);
                const char *top[T3_NCOLS + 1] = {first, "", "", "", "", "", "", ""};
                t3_put_row(&t, layout, top, T3_NCOLS + 1);
                row[0] = rest;
            }
            int n = 1;
            for (int c = 0; c < T3_NCOLS; c++) {
                if (r == lost && c == lost_at)
                    continue;
                snprintf(num[c], sizeof num[c], "%d", v[r][c]);
                row[n++] = r == blank ? "" : num[c];
            }
            t3_put_row(&t, way, row, n);
            if (tail)
                sbuf_printf(&t, "%s\n", rest);
            if (r == blank) {
                const char *stray[T3_NCOLS + 1] = {"规", "94", "", "", "", "", "", ""};
                t3_put_row(&t, way, stray, T3_NCOLS + 1);
            }
        }
        read += t3_read_back(&t, v, LAYOUT[layout], iter);
        cells += T3_NROWS * T3_NCOLS;
    }
    print_message("label cells wrapped%s: %d of %d cells read or inferred\n", tails ? ", rests after" : "", read,
                  cells);
    if (read * 100 < cells * 80)
        fail_msg("label cells wrapped: %d of %d cells read", read, cells);
}

static void test_label_cell_wrapped(void **state)
{
    (void)state;
    wrapped_tables(20261215, 0);
}

static void test_label_rest_after_numbers(void **state)
{
    (void)state;
    wrapped_tables(20261208, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_label_cell_wrapped),
        cmocka_unit_test(test_label_rest_after_numbers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
