/* test_cell_raw.c — a cell's raw text (gk_cell.raw) is its source text,
 * whichever way it is kept: the numbers of one to three digits point at the
 * program's read-only "000".."999" (cell_raw() in extract.c), every other
 * text is a copy in the report's arena.  Reports drawn from a seed, their
 * cells numbers of one to six digits, with units or thousands separators. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t seed;

static unsigned draw(unsigned n)
{
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return (unsigned)(seed >> 33) % n;
}

/* A cell's text: a number of one to six digits (no leading zero but "0"),
 * sometimes with a unit or a thousands separator. */
static void draw_text(char *out, size_t cap)
{
    static const unsigned tens[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    unsigned digits = 1 + draw(6), v = digits == 1 ? draw(10) : tens[digits - 1] + draw(tens[digits] - tens[digits - 1]);
    switch (draw(8)) {
    case 0:
        snprintf(out, cap, "%u件", v);
        break;
    case 1:
        if (v >= 1000) {
            snprintf(out, cap, "%u,%03u", v / 1000, v % 1000);
            break;
        }
        /* fall through */
    default:
        snprintf(out, cap, "%u", v);
    }
}

static void test_raw_is_source(void **state)
{
    (void)state;
    const gk_template *t = template_get(GK_FMT_2021);
    seed = 20261207;
    int read = 0, small = 0, cells = 0;
    for (int iter = 0; iter < 60; iter++) {
        fx_cell *ov = calloc((size_t)t->ncells + 1, sizeof *ov);
        char(*texts)[32] = calloc((size_t)t->ncells, sizeof *texts);
        assert_non_null(ov);
        assert_non_null(texts);
        for (int c = 0; c < t->ncells; c++) {
            draw_text(texts[c], sizeof texts[c]);
            ov[c] = (fx_cell){t->cells[c].id, texts[c]};
        }
        gk_report *r = fx_parse(ov, NULL, NULL);
        assert_non_null(r);
        assert_int_equal(r->tpl->format, GK_FMT_2021);
        for (int c = 0; c < t->ncells; c++) {
            const gk_cell *cell = fx_cell_of(r, t->cells[c].id);
            assert_non_null(cell);
            cells++;
            if (cell->read_status != GK_ST_EXTRACTED)
                continue;
            read++;
            assert_non_null(cell->raw);
            if (strcmp(cell->raw, texts[c]))
                fail_msg("%s: raw \"%s\", source \"%s\"", t->cells[c].id, cell->raw, texts[c]);
            small += strlen(texts[c]) <= 3 && strspn(texts[c], "0123456789") == strlen(texts[c]);
        }
        report_free(r);
        free(ov);
        free(texts);
    }
    print_message("%d of %d cells read, %d of one to three digits\n", read, cells, small);
    /* most cells read, both kinds among them */
    if (read * 10 < cells * 9 || small < read / 10 || read - small < read / 10)
        fail_msg("%d of %d cells read, %d of one to three digits", read, cells, small);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_raw_is_source),
    };
    return cmocka_run_group_tests_name("cell_raw", tests, NULL, NULL);
}
