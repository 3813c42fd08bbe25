/* test_stray.c — a number too many in a row of a tab table that also holds a
 * blank cell between its numbers or as its last (a footnote mark after the
 * label, a page number at the end), checked as a property over seeded random reports: the
 * row's numbers counted without its blank cell fit its columns, but which of
 * them is too many only the equations can tell, so no cell of table 3 is ever
 * read as another value than the one written (missing, with a finding, is
 * right, and so is inferred to the value written); written without the number
 * too many, the row is read whole. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"

static uint64_t next(uint64_t *s)
{
    *s = *s * 6364136223846793005ull + 1442695040888963407ull;
    return *s >> 33;
}

typedef struct {
    char id[64];
    char text[16];
} cell_text;

/* A consistent table 3: every cell 0 but row `row` (an item row), its total
 * the sum of its cells, and the rows new and handled_total holding the same
 * numbers (the column sums and the balance hold).  Cell `blank` of the row is
 * written empty (its value 0; the last, the total: the row is all 0).  Returns how many overrides, written to ov. */
static int table3(const gk_table_def *t3, int row, int blank, uint64_t *seed, cell_text *ct, fx_cell *ov)
{
    int v[7] = {0}, n = 0;
    for (int c = 0; c < 6; c++)
        v[c] = c == blank || blank == 6 ? 0 : (int)(next(seed) % 10);
    for (int c = 0; c < 6; c++)
        v[6] += v[c];
    const char *keys[] = {t3->rows[row].key, "new", "handled_total"};
    for (int k = 0; k < 3; k++)
        for (int c = 0; c < 7; c++) {
            snprintf(ct[n].id, sizeof ct[n].id, "t3.%s.%s", keys[k], t3->rows[row].cols[c].key);
            if (k == 0 && c == blank)
                ct[n].text[0] = '\0';
            else
                snprintf(ct[n].text, sizeof ct[n].text, "%d", v[c]);
            ov[n] = (fx_cell){ct[n].id, ct[n].text};
            n++;
        }
    ov[n] = (fx_cell){NULL, NULL};
    return n;
}

/* Every cell of table 3 missing or read as written (an empty cell: blank, or 0);
 * *unread: the cells not read from the table (missing, or inferred from the
 * equations). */
static int read_as_written(const gk_report *r, const fx_cell *ov, int *unread)
{
    const gk_template *t = r->tpl;
    int first = t->first_cell[1][0], wrong = 0;
    *unread = 0;
    for (int i = first; i < t->ncells && strncmp(t->cells[i].id, "t3.", 3) == 0; i++) {
        const gk_cell *c = &r->cells[i];
        const char *want = fx_value(ov, t->cells[i].id);
        *unread += c->status == GK_ST_MISSING || c->status == GK_ST_INFERRED;
        if (c->status == GK_ST_MISSING)
            continue;
        if (want[0] == '\0' ? !(c->status == GK_ST_BLANK || c->value == 0) : c->value != atof(want)) {
            print_message("%s: read %g, written \"%s\"\n", t->cells[i].id, c->value, want);
            wrong++;
        }
    }
    return wrong;
}

static void test_stray_beside_blank(void **state)
{
    (void)state;
    static const char *const STRAY[] = {"1", "2", "3", "12", "15", "2021", "2022", "2023"};
    const gk_table_def *t3 = template_table(template_get(GK_FMT_2021), 3);
    uint64_t seed = 11;
    int flagged = 0;
    for (int iter = 0; iter < 300; iter++) {
        int row = 2 + (int)(next(&seed) % 20);   /* 予以公开 .. the last 其他处理 row */
        int blank = 1 + (int)(next(&seed) % 6);  /* between its numbers, or the last (the total: the row all 0) */
        int front = (int)(next(&seed) % 2);
        const char *stray = STRAY[next(&seed) % 8];
        cell_text ct[32];
        fx_cell ov[32];
        table3(t3, row, blank, &seed, ct, ov);
        char *text = fx_report(ov, NULL, NULL);
        /* the row as fixture.h writes it: "label\t\tv1\t...\tv7" */
        char *at = strstr(text, t3->rows[row].label);
        assert_non_null(at);
        char *eol = strchr(at, '\n');
        assert_non_null(eol);
        /* after the label and its empty cell ("label\t\t"), or at the end of the line */
        size_t len = strlen(text), cut = front ? (size_t)(at - text) + strlen(t3->rows[row].label) + 2
                                               : (size_t)(eol - text);
        char ins[16];
        int k = snprintf(ins, sizeof ins, front ? "%s\t" : "\t%s", stray);
        char *damaged = xmalloc(len + (size_t)k + 1);
        memcpy(damaged, text, cut);
        memcpy(damaged + cut, ins, (size_t)k);
        memcpy(damaged + cut + (size_t)k, text + cut, len - cut + 1);

        int unread;
        gk_report *r = fx_parse_text(text);
        assert_non_null(r);
        assert_int_equal(read_as_written(r, ov, &unread), 0);
        assert_int_equal(unread, 0);           /* undamaged: read whole */
        report_free(r);

        r = fx_parse_text(damaged);
        assert_non_null(r);
        if (read_as_written(r, ov, &unread))
            fail_msg("iteration %d: row %s, blank cell %d, \"%s\" %s", iter, t3->rows[row].key, blank, stray,
                     front ? "after the label" : "at the end");
        flagged += unread > 0;
        report_free(r);
        free(damaged);
        free(text);
    }
    assert_true(flagged > 0);
}

/* A year as a number too many (a date or footnote printed beside the row) beside
 * a number lost in one row of table 3: the count of its numbers fits, but the row
 * does not add up as read: no cell of table 3 is read as another value than the
 * one written.  The row's label may take one cell less than the others' (a total
 * row's layout).  Only damaged rows that do not add up as read count: one that
 * does is read (nothing tells it apart from a row as written). */
static void test_stray_beside_lost(void **state)
{
    (void)state;
    static const char *const STRAY[] = {"2021", "2022", "2023", "1998", "2099"};
    const gk_table_def *t3 = template_table(template_get(GK_FMT_2021), 3);
    uint64_t seed = 31;
    int flagged = 0, tried = 0;
    for (int iter = 0; iter < 400; iter++) {
        int row = 2 + (int)(next(&seed) % 20);
        int front = (int)(next(&seed) % 2), shortlab = (int)(next(&seed) % 2);
        const char *stray = STRAY[next(&seed) % 5];
        cell_text ct[32];
        fx_cell ov[32];
        table3(t3, row, -1, &seed, ct, ov);
        int lost = (int)(next(&seed) % 7);   /* any of its cells */
        char *text = fx_report(ov, NULL, NULL);
        char *at = strstr(text, t3->rows[row].label);
        assert_non_null(at);
        /* the row rewritten: label, its empty cell (or not), its numbers but the lost one,
         * the number too many after the label or at the end */
        char line[256];
        size_t k = (size_t)snprintf(line, sizeof line, "%s\t%s", t3->rows[row].label, shortlab ? "" : "\t");
        double v[8];
        int nv = 0;
        if (front)
            v[nv++] = atof(stray), k += (size_t)snprintf(line + k, sizeof line - k, "%s\t", stray);
        for (int c = 0; c < 7; c++)
            if (c != lost)
                v[nv++] = atof(ct[c].text), k += (size_t)snprintf(line + k, sizeof line - k, "%s\t", ct[c].text);
        if (!front)
            v[nv++] = atof(stray), k += (size_t)snprintf(line + k, sizeof line - k, "%s\t", stray);
        line[k - 1] = '\0';
        double sum = 0;
        for (int c = 0; c < 6; c++)
            sum += v[c];
        if (sum == v[6]) {             /* adds up as read */
            free(text);
            continue;
        }
        tried++;
        char *eol = strchr(at, '\n');
        assert_non_null(eol);
        size_t len = strlen(text), pre = (size_t)(at - text), post = (size_t)(eol - text);
        char *damaged = xmalloc(len + k + 1);
        memcpy(damaged, text, pre);
        memcpy(damaged + pre, line, k - 1);
        memcpy(damaged + pre + k - 1, text + post, len - post + 1);
        int unread;
        gk_report *r = fx_parse_text(damaged);
        assert_non_null(r);
        if (read_as_written(r, ov, &unread))
            fail_msg("iteration %d: row %s, cell %d lost, \"%s\" %s%s", iter, t3->rows[row].key, lost, stray,
                     front ? "after the label" : "at the end", shortlab ? ", short label" : "");
        flagged += unread > 0;
        report_free(r);
        free(damaged);
        free(text);
    }
    assert_true(tried > 50);
    assert_true(flagged > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stray_beside_blank),
        cmocka_unit_test(test_stray_beside_lost),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
