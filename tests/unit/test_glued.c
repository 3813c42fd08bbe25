/* test_glued.c — splitting a row's glued digits (glued.c), checked as a
 * property over every row of every sample report: glued back together and
 * split, a row gets its own numbers or nothing — never others. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"
#include "glued.h"
#include "pipeline.h"
#include "rules.h"

#include <dirent.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The row's cells as one run of digits, or 0 when a cell is not a whole
 * count read as such. */
static int glue_row(const gk_report *r, int first, int n, char *out, size_t cap)
{
    size_t len = 0;
    for (int c = first; c < first + n; c++) {
        const gk_cell *cell = &r->cells[c];
        if (cell->read_status != GK_ST_EXTRACTED || cell->read_value < 0 || cell->read_value >= 1e12 ||
            floor(cell->read_value) != cell->read_value)
            return 0;
        int w = snprintf(out + len, cap - len, "%.0f", cell->read_value);
        if (w < 0 || (size_t)w >= cap - len)
            return 0;
        len += (size_t)w;
    }
    return 1;
}

/* 1 when an equation of the report's tables fails as written. */
static int inconsistent(const gk_report *r)
{
    for (int k = 0; k < r->nfindings; k++) {
        const gk_finding *f = &r->findings[k];
        if (f->severity == GK_SEV_ERROR && f->rule[0] == 'T' && f->rule[2] == '.')
            return 1;
    }
    return 0;
}

static void test_every_sample_row(void **state)
{
    (void)state;
    DIR *d = opendir("sample-reports");
    assert_non_null(d);
    int rows = 0, split = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char *path = xasprintf("sample-reports/%s", e->d_name);
        char *why = NULL;
        gk_report *r = report_open(path, &why);
        free(why);
        if (r && inconsistent(r)) {
            report_free(r);        /* its own tables do not add up: the equations cannot tell its numbers */
            r = NULL;
        }
        if (!r) {
            free(path);
            continue;
        }
        for (int table = 2; table <= 4; table++) {
            const gk_table_def *td = template_table(r->tpl, table);
            for (int row = 0; row < td->nrows; row++) {
                int first = r->tpl->first_cell[table - 2][row], n = td->rows[row].ncols;
                char digits[128];
                if (n < 2 || !glue_row(r, first, n, digits, sizeof digits))
                    continue;
                gk_cell saved[GLUED_MAX_COLS];
                memcpy(saved, &r->cells[first], (size_t)n * sizeof *saved);
                for (int c = first; c < first + n; c++) {     /* the row as if its cells were glued */
                    r->cells[c].read_status = GK_ST_MISSING;
                    r->cells[c].unread_why = NULL;
                }
                rows++;
                if (glued_split_row(r, table, row, digits, 1)) {
                    split++;
                    for (int j = 0; j < n; j++) {
                        const gk_cell *c = &r->cells[first + j];
                        if (c->read_status != GK_ST_INFERRED || c->read_value != saved[j].read_value)
                            fail_msg("%s: table %d row %d cell %d: split %s as %g, wrote %g", path, table, row, j,
                                     digits, c->read_value, saved[j].read_value);
                        free(c->unread_why);
                    }
                }
                memcpy(&r->cells[first], saved, (size_t)n * sizeof *saved);
            }
        }
        report_free(r);
        free(path);
    }
    closedir(d);
    print_message("glued rows: %d, split back: %d\n", rows, split);
    assert_true(rows > 300);
    assert_true(split > rows / 4);     /* the equations fix many; the others are left unread */
}

/* Runs of zeros: as many as cells, one each; one fewer or more, nothing. */
static void test_zero_runs(void **state)
{
    (void)state;
    fx_cell ov[] = {{"t3.new.natural", "3"}, {"t3.new.total", "3"}, {"t3.granted.natural", "3"},
                    {"t3.granted.total", "3"}, {"t3.handled_total.natural", "3"}, {"t3.handled_total.total", "3"},
                    {NULL, NULL}};
    gk_report *r = fx_parse(ov, NULL, NULL);
    int k = template_cell_index(r->tpl, "t2.rule.issued");
    assert_true(k >= 0);
    assert_int_equal(glued_split_row(r, 2, 0, "00", 7), 0);
    assert_int_equal(glued_split_row(r, 2, 0, "0000", 7), 0);
    assert_int_equal(glued_split_row(r, 2, 0, "000", 7), 1);
    for (int c = k; c < k + 3; c++) {
        assert_int_equal(r->cells[c].read_status, GK_ST_INFERRED);
        assert_true(r->cells[c].read_value == 0);
        assert_int_equal(r->cells[c].line, 7);
    }
    rules_check(r);
    assert_non_null(fx_find(r, "CELL.INFERRED", "t2.rule.issued"));
    report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_sample_row),
        cmocka_unit_test(test_zero_runs),
    };
    return cmocka_run_group_tests_name("glued", tests, NULL, NULL);
}
