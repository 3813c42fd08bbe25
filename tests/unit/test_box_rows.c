/* test_box_rows.c — tables drawn with borders (w3m, links, elinks and
 * html2text dumps of a web page; pandoc's and Word's grid tables), a rule
 * under every row, the lines of a row not all holding its cells on the same
 * line: a cell whose text begins on its second line (a web page's
 * "&nbsp;<br>0"), cells aligned to the middle or the bottom of a row taller
 * than one line, a label wrapped over two lines.  Read in the order of the
 * lines the numbers were another cell's ("0" of 未经复议直接起诉's 结果维持
 * read as 复议后起诉's 总计: 42 wrong cells of converter seed 17, w3m, links,
 * elinks and html2text alike).
 *
 * Seeded reports (the fixture's three tables, values adding up) redrawn with
 * borders, each row over one to three lines, each cell on a line of its own
 * choosing; property: every cell read is what was written, never another
 * value; and where no cell is wrapped over two lines (a column has text on
 * one line of a row at most) every cell is read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "t3gen.h"

#define MAXC 16          /* columns of a drawn table */
#define MAXR 40          /* rows of a drawn table */
#define MAXH 3           /* lines of a row */

enum { STYLE_BOX, STYLE_ASCII, NSTYLES };
enum { MODE_SHIFT, MODE_WRAP, NMODES, MODE_FLAT = NMODES };

/* A byte offset near the middle of s[0..n) on a character boundary (0 when none). */
static size_t middle(const char *s, size_t n)
{
    size_t m = n / 2;
    while (m > 0 && ((unsigned char)s[m] & 0xC0) == 0x80)
        m--;
    return m;
}

typedef struct {
    const char *s;       /* a piece of a cell's text */
    size_t n;
} piece;

typedef struct {
    piece at[MAXR][MAXH][MAXC];   /* each row's lines' pieces */
    int h[MAXR];
    int nrows, ncols;
    int wrapped;                  /* a cell split over two lines */
} drawing;

static int is_number(const char *s, size_t n)
{
    if (!n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* The tab rows lines[0..n) laid out over the lines of their rows (mode). */
static void lay_out(drawing *d, char **lines, int n, int mode)
{
    memset(d, 0, sizeof *d);
    d->nrows = n;
    for (int r = 0; r < n; r++) {
        const char *cells[MAXC];
        size_t lens[MAXC];
        int nc = 0, numbers = 0;
        for (const char *p = lines[r];; ) {
            const char *t = strchr(p, '\t');
            size_t l = t ? (size_t)(t - p) : strlen(p);
            cells[nc] = p;
            lens[nc++] = l;
            numbers += is_number(p, l);
            if (!t || nc == MAXC)
                break;
            p = t + 1;
        }
        if (nc > d->ncols)
            d->ncols = nc;
        int h = mode == MODE_FLAT ? 1 : 1 + (int)gen_below(MAXH);
        d->h[r] = h;
        for (int c = 0; c < nc; c++) {
            size_t l = lens[c];
            if (!l)
                continue;
            int wrap = !is_number(cells[c], l) && h > 1 && gen_cols(cells[c], l) > 8 &&
                       (mode == MODE_WRAP || !numbers) && gen_below(2);
            if (wrap) {                /* over two lines, the second right under the first */
                int top = (int)gen_below((unsigned)h - 1);
                size_t m = middle(cells[c], l);
                d->at[r][top][c] = (piece){cells[c], m};
                d->at[r][top + 1][c] = (piece){cells[c] + m, l - m};
                d->wrapped |= numbers > 0;
            } else {
                d->at[r][gen_below((unsigned)h)][c] = (piece){cells[c], l};
            }
        }
    }
}

/* Draws d into b with borders of `style`: a rule above, between and under rows
 * (head 0), or only above, under its first `head` rows and under the last. */
static void draw(sbuf *b, const drawing *d, int style, int head)
{
    int w[MAXC] = {0};
    for (int r = 0; r < d->nrows; r++)
        for (int k = 0; k < d->h[r]; k++)
            for (int c = 0; c < d->ncols; c++) {
                int pw = gen_cols(d->at[r][k][c].s ? d->at[r][k][c].s : "", d->at[r][k][c].n);
                if (pw + 1 > w[c])
                    w[c] = pw + 1;
            }
    static const char *const BOX[3][3] = {{"┌", "┬", "┐"}, {"├", "┼", "┤"}, {"└", "┴", "┘"}};
    const char *dash = style == STYLE_BOX ? "─" : "-", *bar = style == STYLE_BOX ? "│" : "|";
    for (int r = 0; r <= d->nrows; r++) {
        int kind = r == 0 ? 0 : r == d->nrows ? 2 : 1;
        for (int c = 0; c < d->ncols && (!head || kind != 1 || r == head); c++) {
            sbuf_adds(b, style == STYLE_BOX ? BOX[kind][c ? 1 : 0] : "+");
            for (int x = 0; x < w[c]; x++)
                sbuf_adds(b, dash);
        }
        if (!head || kind != 1 || r == head) {
            sbuf_adds(b, style == STYLE_BOX ? BOX[kind][2] : "+");
            sbuf_adds(b, "\n");
        }
        if (r == d->nrows)
            break;
        for (int k = 0; k < d->h[r]; k++) {
            for (int c = 0; c < d->ncols; c++) {
                const piece *p = &d->at[r][k][c];
                int pw = p->n ? gen_cols(p->s, p->n) : 0, pad = w[c] - pw;
                int before = p->n && is_number(p->s, p->n) ? (int)gen_below((unsigned)pad + 1) : 0;
                sbuf_adds(b, bar);
                for (int x = 0; x < before; x++)
                    sbuf_adds(b, " ");
                if (p->n)
                    sbuf_add(b, p->s, p->n);
                for (int x = before + pw; x < w[c]; x++)
                    sbuf_adds(b, " ");
            }
            sbuf_adds(b, bar);
            sbuf_adds(b, "\n");
        }
    }
}

/* text with every run of lines holding a tab (a table of the fixture) drawn
 * with borders; *wrapped: some row of numbers has a cell over two lines. */
static char *redraw(const char *text, int style, int mode, int *wrapped)
{
    char *copy = xstrdup(text);
    char *lines[1024];
    int n = 0;
    for (char *p = copy; p && n < 1024;) {
        lines[n++] = p;
        char *e = strchr(p, '\n');
        if (e)
            *e = '\0';
        p = e ? e + 1 : NULL;
    }
    sbuf b;
    sbuf_init(&b);
    *wrapped = 0;
    for (int i = 0; i < n;) {
        if (!strchr(lines[i], '\t')) {
            sbuf_adds(&b, lines[i++]);
            sbuf_adds(&b, "\n");
            continue;
        }
        int j = i;
        while (j < n && strchr(lines[j], '\t'))
            j++;
        for (int k = i; k < j;) {      /* MODE_FLAT: tables of two to four lines, ruled around the first */
            int m = mode == MODE_FLAT ? k + 2 + (int)gen_below(3) : j;
            m = m > j ? j : m;
            drawing *d = xcalloc(1, sizeof *d);
            assert_true(m - k <= MAXR);
            lay_out(d, lines + k, m - k, mode);
            draw(&b, d, style, mode == MODE_FLAT && m - k > 1);
            *wrapped |= d->wrapped;
            free(d);
            k = m;
        }
        i = j;
    }
    free(copy);
    return sbuf_steal(&b);
}

/* Values that add up for the fixture's three tables, as overrides. */
typedef struct {
    fx_cell ov[256];
    char ids[256][48];
    char texts[256][12];
    int n;
} values;

static int blanks;                     /* a 0 left empty, one in `blanks` (0: none) */

static void put(values *v, const char *id, int x)
{
    assert_true(v->n < 255);
    snprintf(v->ids[v->n], sizeof v->ids[v->n], "%s", id);
    if (x || !blanks || gen_below((unsigned)blanks))
        snprintf(v->texts[v->n], sizeof v->texts[v->n], "%d", x);
    else
        v->texts[v->n][0] = '\0';
    v->ov[v->n] = (fx_cell){v->ids[v->n], v->texts[v->n]};
    v->n++;
    v->ov[v->n] = (fx_cell){NULL, NULL};
}

/* A row of n cells, its last put, left with none written (all left empty):
 * its first written 0 — see test_ruled_around_header(). */
static void not_all_blank(values *v, int n)
{
    for (int i = v->n - n; i < v->n; i++)
        if (v->texts[i][0])
            return;
    snprintf(v->texts[v->n - n], sizeof v->texts[v->n - n], "0");
}

static void draw_values(values *v)
{
    const gk_template *t = template_get(GK_FMT_2021);
    char id[64];
    v->n = 0;
    const gk_table_def *t2 = template_table(t, 2);
    for (int r = 0; r < t2->nrows; r++) {
        for (int c = 0; c < t2->rows[r].ncols; c++) {
            snprintf(id, sizeof id, "t2.%s.%s", t2->rows[r].key, t2->rows[r].cols[c].key);
            put(v, id, (int)gen_below(4) ? (int)gen_below(60) : 0);
        }
        not_all_blank(v, t2->rows[r].ncols);
    }
    int t3[T3_NROWS][T3_NCOLS];
    t3_draw_values(t3);
    for (int r = 0; r < T3_NROWS; r++) {
        for (int c = 0; c < T3_NCOLS; c++) {
            snprintf(id, sizeof id, "t3.%s.%s", T3_KEYS[r], T3_COLS[c]);
            put(v, id, t3[r][c]);
        }
        not_all_blank(v, T3_NCOLS);
    }
    const gk_table_def *t4 = template_table(t, 4);
    for (int g = 0; g < t4->nrows; g++) {
        int sum = 0;
        for (int c = 0; c < t4->rows[g].ncols; c++) {
            int x = c + 1 < t4->rows[g].ncols ? (gen_below(2) ? (int)gen_below(9) : 0) : sum;
            sum += x;
            snprintf(id, sizeof id, "t4.%s.%s", t4->rows[g].key, t4->rows[g].cols[c].key);
            put(v, id, x);
        }
    }
}

/* Every cell of v in r read as written or not read; *read counts those read. */
static void check_cells(const gk_report *r, const values *v, int *read, const char *what, int iter)
{
    for (int i = 0; i < v->n; i++) {
        const gk_cell *cell = fx_cell_of(r, v->ids[i]);
        assert_non_null(cell);
        if (cell->status == GK_ST_MISSING)
            continue;
        if (cell->value != atoi(v->texts[i]))
            fail_msg("%s, report %d: %s read as %g (status %d), written %s", what, iter, v->ids[i], cell->value,
                     (int)cell->status, v->texts[i]);
        ++*read;
    }
}

static void test_rows_over_lines(void **state)
{
    (void)state;
    static const char *const STYLE[NSTYLES] = {"box", "ascii"};
    static const char *const MODE[NMODES] = {"cells on lines of their own", "labels wrapped"};
    gen_seed(20261207);
    int cells[NSTYLES][NMODES] = {{0}}, read[NSTYLES][NMODES] = {{0}}, whole_cells = 0, whole_read = 0;
    for (int iter = 0; iter < 240; iter++) {
        int style = iter % NSTYLES, mode = iter / NSTYLES % NMODES, wrapped;
        values v;
        draw_values(&v);
        char *plain = fx_report(v.ov, NULL, NULL);
        char *text = redraw(plain, style, mode, &wrapped);
        free(plain);
        gk_report *r = fx_parse_text(text);
        assert_non_null(r);
        char what[96];
        snprintf(what, sizeof what, "%s, %s", STYLE[style], MODE[mode]);
        int got = 0;
        check_cells(r, &v, &got, what, iter);
        cells[style][mode] += v.n;
        read[style][mode] += got;
        if (!wrapped) {
            whole_cells += v.n;
            whole_read += got;
            if (got != v.n)
                fail_msg("%s, report %d: %d of %d cells read, no cell wrapped:\n%s", what, iter, got, v.n, text);
        }
        report_free(r);
        free(text);
    }
    for (int s = 0; s < NSTYLES; s++)
        for (int m = 0; m < NMODES; m++)
            print_message("%s, %s: %d of %d cells read\n", STYLE[s], MODE[m], read[s][m], cells[s][m]);
    print_message("rows with no cell wrapped: %d of %d cells read\n", whole_read, whole_cells);
    assert_true(whole_cells > 0);
}

/* Small tables ruled only around their first line (psql's and tabulate's
 * tables: a rule above, under the header and under the last row), every row
 * one line, a third of the zeros left empty: two rows' numbers in columns apart
 * and their labels on two lines are no row wrapped over two lines (one row of
 * two labels' numbers would give a row another's), and a row's "29" over the
 * next row's "0" no number wrapped in its cell (290) — never another value.
 * Not covered (noted): a row with every cell empty right under another in
 * such a table is taken for its label wrapped (the row of "行政强制 | 50" over
 * "行政事业性收费 |" reads 50 for the fee: the joined label names two rows,
 * the later taken) — each row here keeps one number. */
static void test_ruled_around_header(void **state)
{
    (void)state;
    gen_seed(20261209);
    blanks = 3;
    int cells = 0, read = 0;
    for (int iter = 0; iter < 200; iter++) {
        int wrapped;
        values v;
        draw_values(&v);
        char *plain = fx_report(v.ov, NULL, NULL);
        char *text = redraw(plain, iter % NSTYLES, MODE_FLAT, &wrapped);
        free(plain);
        gk_report *r = fx_parse_text(text);
        assert_non_null(r);
        check_cells(r, &v, &read, "ruled around the header", iter);
        cells += v.n;
        report_free(r);
        free(text);
    }
    blanks = 0;
    print_message("small tables ruled around their first line: %d of %d cells read\n", read, cells);
    assert_true(read > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rows_over_lines),
        cmocka_unit_test(test_ruled_around_header),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
