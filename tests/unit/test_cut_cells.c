/* test_cut_cells.c — table 3 as html2text prints a page narrower than its
 * table (its default 79 columns): each cell cut to its column's width in
 * bytes, a full-width number ("１１３０") cut inside a character — its first
 * digits left in the cell, the cut character's other bytes printed at the
 * next cell's start ("１１３\xEF|\xBC\x90…") — or, the row's last cell, the
 * rest of the number after the table's border ("\xEF\xBC|９").  Seeded tables whose values add up, each number written in
 * full-width digits now and then and cut at a random byte.  Property: every
 * cell read is what was written, or missing — never a cut number's first
 * digits or its last (the engine before read 113 for 1130: a count of table
 * 2 has no equation to tell). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "t3gen.h"

/* n in full-width digits ("０" … "９", three bytes each) into out; its length. */
static size_t full_width(int n, char *out)
{
    char d[16];
    int k = snprintf(d, sizeof d, "%d", n);
    size_t len = 0;
    for (int i = 0; i < k; i++) {
        out[len++] = (char)0xEF;
        out[len++] = (char)0xBC;
        out[len++] = (char)(0x90 + (d[i] - '0'));
    }
    out[len] = '\0';
    return len;
}

static void test_cells_cut(void **state)
{
    (void)state;
    gen_seed(20261211);
    int read = 0, cells = 0, cut = 0;
    for (int iter = 0; iter < 300; iter++) {
        int v[T3_NROWS][T3_NCOLS];
        t3_draw_values(v);
        sbuf t;
        sbuf_init(&t);
        sbuf_adds(&t, "|项目|自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计|\n");
        for (int r = 0; r < T3_NROWS; r++) {
            char spill[8] = "";        /* a cut character's other bytes, at the next cell's start */
            sbuf_printf(&t, "|%s|", T3_LABELS[r]);
            for (int c = 0; c < T3_NCOLS; c++) {
                char num[64];
                size_t len;
                int cut_here = v[r][c] >= 10 && gen_below(6) == 0;
                if (cut_here || gen_below(4) == 0) {
                    len = full_width(v[r][c], num);
                } else {
                    len = (size_t)snprintf(num, sizeof num, "%d", v[r][c]);
                }
                sbuf_adds(&t, spill);
                spill[0] = '\0';
                if (cut_here) {        /* cut inside a character: at a byte that is no character's first */
                    size_t at = 1 + gen_below((unsigned)(len - 1));
                    if (at % 3 == 0)
                        at++;
                    sbuf_add(&t, num, at);
                    size_t rest = (at / 3 + 1) * 3;   /* the cut character's other bytes, its first dropped */
                    if (rest > at + 1 && rest <= len) {
                        memcpy(spill, num + at + 1, rest - at - 1);
                        spill[rest - at - 1] = '\0';
                    }
                    if (c == T3_NCOLS - 1 && gen_below(2) && rest < len) {   /* the last cell's rest after the
                                                                           table's border ("��|９") */
                        size_t k = strlen(spill);
                        memcpy(spill + k, num + rest, len - rest < 3 ? len - rest : 3);
                        spill[k + (len - rest < 3 ? len - rest : 3)] = '\0';
                    }
                    cut++;
                } else {
                    sbuf_add(&t, num, len);
                }
                sbuf_adds(&t, "|");
            }
            sbuf_adds(&t, spill);
            sbuf_adds(&t, "\n");
        }
        read += t3_read_back(&t, v, "cells cut", iter);
        cells += T3_NROWS * T3_NCOLS;
    }
    print_message("cells cut: %d cut, %d of %d cells read\n", cut, read, cells);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cells_cut),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
