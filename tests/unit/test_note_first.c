/* test_note_first.c — table 3 a cell a line (pdftotext without -layout, a web
 * page's text) whose header comes after a word naming a column printed before
 * the 勾稽 note, the header's first cell: a row's end from above the table ("3."
 * "30" "其他": table 2's last row a cell a line, its label's pieces around its
 * number, the section's heading lost), a page's stray word.  The columns under
 * 法人或其他组织 in the template's order or shuffled.  Seeded tables whose values
 * add up.  Property: every cell read is what was written, never another column's
 * value; every cell read.  (The engine before took the word for the header's
 * first name — "其他、自然人、商业企业 …" — and read every column one on: 95
 * cells of a generated variant printed to PDF by mkformats --grid, seed 2 v900.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "t3gen.h"

static const char *const NAMES[T3_NCOLS] = {"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"};

static void put_table(sbuf *t, int v[T3_NROWS][T3_NCOLS], const int *order, const char *nl)
{
    static const char *const STRAY[] = {"其他", "自然人", "总计", "3.\n30\n其他", "商业企业"};
    sbuf_printf(t, "%s%s", STRAY[gen_below(5)], nl);
    sbuf_printf(t, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）%s申请人情况%s总计%s自然人%s法人或其他组织%s",
                nl, nl, nl, nl, nl);
    for (int c = 1; c < T3_NCOLS - 1; c++)
        sbuf_printf(t, "%s%s", NAMES[order[c]], nl);
    for (int r = 0; r < T3_NROWS; r++) {
        if (t3_group_before(r))
            sbuf_printf(t, "%s%s", t3_group_before(r), nl);
        sbuf_printf(t, "%s%s", T3_LABELS[r], nl);
        for (int c = 0; c < T3_NCOLS; c++)
            sbuf_printf(t, "%d%s", v[r][order[c]], nl);
    }
}

static void test_word_before_note(void **state)
{
    (void)state;
    gen_seed(20261211);
    int read = 0, cells = 0;
    for (int iter = 0; iter < 200; iter++) {
        int v[T3_NROWS][T3_NCOLS], order[T3_NCOLS];
        t3_draw_values(v);
        for (int c = 0; c < T3_NCOLS; c++)
            order[c] = c;
        for (int k = T3_NCOLS - 2; iter % 2 && k > 1; k--) {   /* every other table shuffled */
            int j = 1 + (int)gen_below((unsigned)k), s = order[k];
            order[k] = order[j];
            order[j] = s;
        }
        sbuf t;
        sbuf_init(&t);
        put_table(&t, v, order, gen_below(2) ? "\n" : "\n\n");
        read += t3_read_back(&t, v, iter % 2 ? "a word before the note, shuffled" : "a word before the note", iter);
        cells += T3_NROWS * T3_NCOLS;
    }
    print_message("a word naming a column before the note: %d of %d cells read\n", read, cells);
    assert_int_equal(read, cells);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_word_before_note),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
