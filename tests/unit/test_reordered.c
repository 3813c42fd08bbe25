/* test_reordered.c — reports whose lines come in another order than their
 * pages', generated from the UTF-8 text samples.
 * Pages printed bottom up, as pdf2json writes a page's lines from its foot to its
 * head (text_bottom_up()): each sample cut into two to eight pages at random
 * lines, each page's lines written last to first, the pages in order, parted by
 * pdf2json's "----Page (N) Break----" or pdf-parse's "-- N of M --".
 * Tables gathered after the text, as a script prints a .docx's paragraphs and
 * then its tables (python-docx's doc.paragraphs, then doc.tables): the lines of
 * each tab grid (from its first line holding a tab to its last, between two
 * headings or captions) moved, in order, after the last line of text.
 * Properties: every cell is read as the sample read as it is reads it (value
 * and status), or flagged (missing, inferred) — never another value; a cell
 * read names the file's line that holds the text its straight reading names;
 * nearly every cell read straight is read.  Decoys: the same pages top down
 * (each with its marker), never taken as bottom up, and every sample as it is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "gen.h"
#include "pipeline.h"
#include "report.h"
#include "text.h"
#include "util.h"

#include <dirent.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

/* The UTF-8 text samples (their names), read once. */
typedef struct {
    char *name, *text;
    size_t len;
} sample;

static sample samples[64];
static int nsamples;

static int setup(void **state)
{
    (void)state;
    DIR *d = opendir("sample-reports");
    if (!d)
        return -1;
    struct dirent *e;
    while ((e = readdir(d)) && nsamples < 64) {
        size_t n = strlen(e->d_name);
        /* the text reports (not the GB18030 and UTF-16 ones: the pages are cut as UTF-8 lines) */
        if (n < 5 || strcmp(e->d_name + n - 4, ".txt") || strstr(e->d_name, "gb18030") || strstr(e->d_name, "utf16"))
            continue;
        char *path = xasprintf("sample-reports/%s", e->d_name), *buf;
        size_t len;
        const char *why;
        if (util_read_file(path, 1 << 24, &buf, &len, &why) == 0) {
            samples[nsamples].name = xstrdup(e->d_name);
            samples[nsamples].text = buf;
            samples[nsamples++].len = len;
        }
        free(path);
    }
    closedir(d);
    return nsamples >= 10 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    for (int i = 0; i < nsamples; i++) {
        free(samples[i].name);
        free(samples[i].text);
    }
    return 0;
}

/* The lines of s (no terminators; a CR before LF dropped) into *lines; how many. */
static int split_lines(const sample *s, char ***lines)
{
    int n = 0, cap = 64;
    char **v = xmalloc((size_t)cap * sizeof *v);
    for (size_t at = 0; at <= s->len;) {
        const char *nl = memchr(s->text + at, '\n', s->len - at);
        size_t e = nl ? (size_t)(nl - s->text) : s->len, l = e - at;
        if (l && s->text[at + l - 1] == '\r')
            l--;
        if (n == cap)
            v = xrealloc(v, (size_t)(cap *= 2) * sizeof *v);
        v[n] = xmalloc(l + 1);
        memcpy(v[n], s->text + at, l);
        v[n++][l] = '\0';
        if (!nl)
            break;
        at = e + 1;
    }
    *lines = v;
    return n;
}

static void free_lines(char **lines, int n)
{
    for (int k = 0; k < n; k++)
        free(lines[k]);
    free(lines);
}

/* The sample's lines cut into pages (ends[0..np): each page's end), written
 * bottom up (or top down) with a page marker of style `style` after each page but
 * the last (0 pdf2json's, 1 pdf-parse's); where[k] the written line (1-based)
 * of the sample's line k. */
static char *write_pages(char **lines, const int *ends, int np, int up, int style, int *where)
{
    sbuf b;
    sbuf_init(&b);
    int out = 0;
    for (int p = 0, from = 0; p < np; from = ends[p++]) {
        for (int k = 0; k < ends[p] - from; k++) {
            int i = up ? ends[p] - 1 - k : from + k;
            sbuf_printf(&b, "%s\n", lines[i]);
            where[i] = ++out;
        }
        if (p + 1 < np) {
            if (style == 0)
                sbuf_printf(&b, "----------------Page (%d) Break----------------\n", p);
            else
                sbuf_printf(&b, "-- %d of %d --\n", p + 1, np);
            out++;
        }
    }
    return sbuf_steal(&b);
}

/* Every cell of r (text `what`) as straight reads it, or flagged, naming the file's line
 * where[] puts straight's line; the cells read added to *read, straight's to *read_straight. */
static void compare(const gk_report *straight, const gk_report *r, const int *where, int n, const char *what, int iter,
                    long *read_straight, long *read)
{
    if (r->tpl != straight->tpl)       /* another template: every cell read another's */
        fail_msg("%s (iteration %d): read with the %s format's template, straight with the %s's", what, iter,
                 r->format == GK_FMT_2019 ? "2019" : "2021", straight->format == GK_FMT_2019 ? "2019" : "2021");
    for (int c = 0; c < straight->tpl->ncells; c++) {
        const gk_cell *a = &straight->cells[c], *b = &r->cells[c];
        int a_read = a->status != GK_ST_MISSING && a->status != GK_ST_INFERRED;
        int b_read = b->status != GK_ST_MISSING && b->status != GK_ST_INFERRED;
        *read_straight += a_read;
        if (!b_read)
            continue;
        ++*read;
        if (!a_read || a->value != b->value || a->status != b->status)
            fail_msg("%s (iteration %d): %s read %g (status %d), straight %g (%d)", what, iter,
                     straight->tpl->cells[c].id, b->value, (int)b->status, a->value, (int)a->status);
        int fl = text_file_line(r->text, b->line);   /* the file's line it names */
        if (a->line > 0 && a->line <= n && fl != where[a->line - 1])
            fail_msg("%s (iteration %d): %s names line %d, its text is on line %d", what, iter,
                     straight->tpl->cells[c].id, fl, where[a->line - 1]);
    }
}

static gk_report *parse(const char *name, const char *text)
{
    char *why = NULL;
    gk_report *r = report_parse(name, text, strlen(text), &why);
    free(why);
    return r;
}

static void test_pages_bottom_up(void **state)
{
    (void)state;
    gen_seed(20261207);
    long read_straight = 0, read_up = 0;
    int detected = 0, runs = 0;
    for (int iter = 0; iter < 240; iter++) {
        const sample *s = &samples[iter % nsamples];
        gk_report *straight = parse(s->name, s->text);
        if (!straight)
            continue;                  /* (a sample that is no report: 401's kind) */
        char **lines;
        int n = split_lines(s, &lines), np = 2 + (int)gen_below(7), ends[8], *where = xmalloc((size_t)n * sizeof *where);
        for (int p = 0; p < np; p++)   /* page ends, rising, the last at n */
            ends[p] = p + 1 == np ? n : (int)((long)n * (p + 1) / np) + (int)gen_below(9) - 4;
        for (int p = 1; p < np; p++)
            if (ends[p] <= ends[p - 1])
                ends[p] = ends[p - 1] + 1 < n ? ends[p - 1] + 1 : n;
        int style = (int)gen_below(2);
        for (int up = 0; up <= 1; up++) {
            char *text = write_pages(lines, ends, np, up, style, where);
            gk_report *r = parse(s->name, text);
            assert_non_null(r);
            if (!up && r->text->fileline)
                fail_msg("%s, %d pages top down: taken as bottom up", s->name, np);
            if (up && style == 0) {    /* a file's title read as a list reads it (its first lines
                                          when they tell): the same as the whole report's */
                char path[] = "/tmp/gk_reordered_XXXXXX";
                int fd = mkstemp(path);
                assert_true(fd >= 0);
                FILE *f = fdopen(fd, "w");
                fputs(text, f);
                fclose(f);
                char *body = NULL;
                int year = 0;
                gk_peeked pk;
                memset(&pk, 0, sizeof pk);
                if (report_peek(path, &body, &year, &pk) != 0 || strcmp(body, r->body ? r->body : "") ||
                    year != r->year)
                    fail_msg("%s, %d pages bottom up (iteration %d): listed as \"%s\" %d, read as \"%s\" %d", s->name,
                             np, iter, body ? body : "(none)", year, r->body ? r->body : "", r->year);
                free(body);
                unlink(path);
            }
            if (up) {
                runs++;
                detected += r->text->fileline != NULL;
                char what[96];
                snprintf(what, sizeof what, "%s, %d pages bottom up", s->name, np);
                compare(straight, r, where, n, what, iter, &read_straight, &read_up);
            }
            report_free(r);
            free(text);
        }
        free_lines(lines, n);
        free(where);
        report_free(straight);
    }
    print_message("bottom up: %d of %d texts told; %ld of %ld cells read as top down\n", detected, runs, read_up,
                  read_straight);
    if (read_up * 100 < read_straight * 90)
        fail_msg("bottom up: %ld of %ld cells read", read_up, read_straight);
}

/* Whether a line stays with the text when the tables move: a section's heading
 * ("三、…", "（二）…") or a table's caption ("第二十条第（一）项"), paragraphs of
 * their own in a .docx. */
static int stays(const char *line)
{
    static const char *const CN = "一二三四五六七八九十";
    while (*line == ' ')
        line++;
    if (!strncmp(line, "第二十条", strlen("第二十条")))
        return 1;
    const char *p = !strncmp(line, "（", 3) ? line + 3 : *line == '(' ? line + 1 : line;
    for (const char *c = CN; *c; c += 3)
        if (!strncmp(p, c, 3))
            return p != line || !strncmp(p + 3, "、", 3);
    return 0;
}

/* The sample's tables moved, in order, after its text (a blank line between at
 * times): between two lines that stay (stays()), the lines from the first holding
 * a tab to the last (a table's rows, and what wraps between them); where[k]: the
 * written line (1-based) of line k; *moved: how many moved. */
static char *tables_after_text(char **lines, int n, int *where, int *moved)
{
    char *move = xcalloc((size_t)n + 1, 1);
    for (int a = 0; a < n;) {          /* [a, b): lines between two that stay */
        int b = a + 1, first = -1, last = -1;
        while (b < n && !stays(lines[b]))
            b++;
        for (int k = a; k < b; k++)
            if (strchr(lines[k], '\t')) {
                first = first < 0 ? k : first;
                last = k;
            }
        for (int k = first; k >= 0 && k <= last; k++)
            move[k] = 1;
        a = b;
    }
    sbuf b;
    sbuf_init(&b);
    int out = 0;
    *moved = 0;
    for (int pass = 0; pass < 2; pass++) {
        if (pass && gen_below(2)) {
            sbuf_adds(&b, "\n");
            out++;
        }
        for (int k = 0; k < n; k++)
            if (move[k] == pass) {
                sbuf_printf(&b, "%s\n", lines[k]);
                where[k] = ++out;
                *moved += pass;
            }
    }
    free(move);
    return sbuf_steal(&b);
}

static void test_tables_after_text(void **state)
{
    (void)state;
    gen_seed(20261208);
    long read_straight = 0, read = 0;
    for (int iter = 0; iter < 120; iter++) {
        const sample *s = &samples[iter % nsamples];
        gk_report *straight = parse(s->name, s->text);
        if (!straight)
            continue;
        char **lines;
        int n = split_lines(s, &lines), *where = xmalloc((size_t)n * sizeof *where), moved;
        char *text = tables_after_text(lines, n, where, &moved);
        if (moved >= 10) {             /* a sample whose tables are tab grids */
            gk_report *r = parse(s->name, text);
            assert_non_null(r);
            char what[96];
            snprintf(what, sizeof what, "%s, tables after the text", s->name);
            compare(straight, r, where, n, what, iter, &read_straight, &read);
            report_free(r);
        }
        free(text);
        free_lines(lines, n);
        free(where);
        report_free(straight);
    }
    print_message("tables after the text: %ld of %ld cells read as in place\n", read, read_straight);
    if (read * 100 < read_straight * 90)
        fail_msg("tables after the text: %ld of %ld cells read", read, read_straight);
}

/* Every sample as it is: never bottom up. */
static void test_samples_top_down(void **state)
{
    (void)state;
    for (int i = 0; i < nsamples; i++) {
        const char *why = NULL;
        gk_text *t = text_decode(samples[i].text, samples[i].len, &why);
        assert_non_null(t);
        if (text_looks_bottom_up(t))
            fail_msg("%s taken as bottom up", samples[i].name);
        text_free(t);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pages_bottom_up),
        cmocka_unit_test(test_tables_after_text),
        cmocka_unit_test(test_samples_top_down),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
