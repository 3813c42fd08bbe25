/* test_bottom_up.c — reports whose pages are printed bottom up, as pdf2json
 * writes a page's lines from its foot to its head (text_bottom_up()).
 * Generated from the UTF-8 text samples: each cut into two to eight pages at
 * random lines, each page's lines written last to first, the pages in order,
 * parted by pdf2json's "----Page (N) Break----", pdf-parse's "-- N of M --" or
 * nothing after the last.  Properties: every cell is read as the sample read
 * top down reads it (value and status), or flagged (missing, inferred) — never
 * another value; a cell read so names the file's line that holds the text its
 * top-down reading names; nearly every cell read top down is read.  Decoys:
 * the same pages top down (each with its marker), never taken as bottom up, and
 * every sample as it is. */
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
            if (up) {
                runs++;
                detected += r->text->fileline != NULL;
                for (int c = 0; c < straight->tpl->ncells; c++) {
                    const gk_cell *a = &straight->cells[c], *b = &r->cells[c];
                    int a_read = a->status != GK_ST_MISSING && a->status != GK_ST_INFERRED;
                    int b_read = b->status != GK_ST_MISSING && b->status != GK_ST_INFERRED;
                    read_straight += a_read;
                    if (!b_read)
                        continue;
                    read_up++;
                    if (!a_read || a->value != b->value || a->status != b->status)
                        fail_msg("%s, %d pages bottom up (iteration %d): %s read %g (status %d), top down %g (%d)",
                                 s->name, np, iter, straight->tpl->cells[c].id, b->value, (int)b->status, a->value,
                                 (int)a->status);
                    int fl = text_file_line(r->text, b->line);   /* the file's line it names */
                    if (a->line > 0 && a->line <= n && fl != where[a->line - 1])
                        fail_msg("%s, bottom up (iteration %d): %s names line %d, its text is on line %d", s->name,
                                 iter, straight->tpl->cells[c].id, fl, where[a->line - 1]);
                }
            }
            report_free(r);
            free(text);
        }
        for (int k = 0; k < n; k++)
            free(lines[k]);
        free(lines);
        free(where);
        report_free(straight);
    }
    print_message("bottom up: %d of %d texts told; %ld of %ld cells read as top down\n", detected, runs, read_up,
                  read_straight);
    if (read_up * 100 < read_straight * 90)
        fail_msg("bottom up: %ld of %ld cells read", read_up, read_straight);
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
        cmocka_unit_test(test_samples_top_down),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
