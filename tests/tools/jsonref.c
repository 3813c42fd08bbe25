/* jsonref.c — holds gkreview's streamed JSON (src/json_out.c, issue #16) to
 * the jansson-built JSON it replaced.
 *
 *   jsonref [--export] [--no-review] OUTPUT PATH...
 *
 * OUTPUT is what `gkreview check --format json PATH...` (or `export`, with
 * --export) printed.  jsonref lists and pairs PATH... as check does, loads
 * every report again, builds the object the old writer built — one jansson
 * tree, the code of src/output.c before issue #16 — and compares it with
 * the matching line of OUTPUT parsed by jansson: equal as JSON (json_equal),
 * equal member order, and equal when both are dumped by jansson (numbers
 * then compare as doubles: 48.7 and 48.700000000000003 are one number).
 * A file that cannot be read has no line.  Prints "reports N, lines N,
 * equal N, different N" and, for the first differences, both lines; exits 1
 * on any difference. */
#include "batch.h"
#include "cli_review.h"
#include "report.h"
#include "sidecar.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the writer before issue #16, verbatim ------------------------------ */

static json_t *json_value(double v)
{
    if (v == floor(v) && fabs(v) < 9e15)
        return json_integer((json_int_t)v);
    return json_real(v);
}

static json_t *json_line(int line)
{
    return line ? json_integer(line) : json_null();
}

/* "page" after "line" for a PDF report (issue 15), as the writer adds it. */
static void add_page(json_t *o, const gk_report *r, int line)
{
    if (r->text && r->text->page && line > 0 && (size_t)line <= r->text->nlines)
        json_object_set_new(o, "page", json_integer(r->text->page[line - 1]));
}

static json_t *old_json(const gk_report *r)
{
    json_t *o = json_object();
    json_object_set_new(o, "file", json_string(r->path));
    json_object_set_new(o, "body", r->body && r->body[0] ? json_string(r->body) : json_null());
    json_object_set_new(o, "year", r->year ? json_integer(r->year) : json_null());
    json_object_set_new(o, "format", json_string(template_format_name(r->format)));
    json_t *cells = json_object();
    for (int i = 0; i < r->tpl->ncells; i++) {
        const gk_cell *c = &r->cells[i];
        json_t *cell = json_object();
        json_object_set_new(cell, "value", c->status == GK_ST_MISSING ? json_null() : json_value(c->value));
        json_object_set_new(cell, "status", json_string(report_status_name(c->status)));
        json_object_set_new(cell, "line", json_line(c->line));
        add_page(cell, r, c->line);
        if (c->status == GK_ST_CORRECTED && c->read_status != GK_ST_MISSING)
            json_object_set_new(cell, "original", json_value(c->read_value));
        json_object_set_new(cells, r->tpl->cells[i].id, cell);
    }
    json_object_set_new(o, "cells", cells);
    json_t *fs = json_array();
    for (int i = 0; i < r->nfindings; i++) {
        const gk_finding *x = &r->findings[i];
        json_t *fo = json_object();
        json_object_set_new(fo, "rule", json_string(x->rule));
        json_object_set_new(fo, "severity", json_string(report_severity_name(x->severity)));
        json_t *ids = json_array();
        for (int k = 0; k < x->ncells; k++)
            json_array_append_new(ids, json_string(r->tpl->cells[x->cells[k]].id));
        json_object_set_new(fo, "cells", ids);
        json_object_set_new(fo, "message", json_string(x->message));
        json_object_set_new(fo, "line", json_line(x->line));
        add_page(fo, r, x->line);
        json_object_set_new(fo, "dismissed", json_boolean(x->dismissed));
        if (x->dismissed)
            json_object_set_new(fo, "reason", json_string(x->dismiss_reason ? x->dismiss_reason : ""));
        json_array_append_new(fs, fo);
    }
    json_object_set_new(o, "findings", fs);
    return o;
}

/* ---- comparison ------------------------------------------------------------ */

/* Same members in the same order, recursively (json_equal ignores order). */
static int same_order(json_t *a, json_t *b)
{
    if (json_is_object(a) && json_is_object(b)) {
        void *ia = json_object_iter(a), *ib = json_object_iter(b);
        for (; ia && ib; ia = json_object_iter_next(a, ia), ib = json_object_iter_next(b, ib))
            if (strcmp(json_object_iter_key(ia), json_object_iter_key(ib)) ||
                !same_order(json_object_iter_value(ia), json_object_iter_value(ib)))
                return 0;
        return !ia && !ib;
    }
    if (json_is_array(a) && json_is_array(b)) {
        if (json_array_size(a) != json_array_size(b))
            return 0;
        for (size_t i = 0; i < json_array_size(a); i++)
            if (!same_order(json_array_get(a, i), json_array_get(b, i)))
                return 0;
    }
    return 1;
}

static int review_on = 1;

static int prepare(gk_report *r, void *ctx)
{
    (void)ctx;
    return review_on && cli_review_apply(r);
}

int main(int argc, char **argv)
{
    int a = 1;
    for (; a < argc && argv[a][0] == '-'; a++) {
        if (!strcmp(argv[a], "--no-review"))
            review_on = 0;
        else if (strcmp(argv[a], "--export") != 0)
            break;
    }
    int is_export = 0;
    for (int k = 1; k < a; k++)
        is_export |= !strcmp(argv[k], "--export");
    if (argc - a < 2) {
        fprintf(stderr, "usage: jsonref [--export] [--no-review] OUTPUT PATH...\n");
        return 2;
    }
    FILE *in = fopen(argv[a], "r");
    if (!in) {
        perror(argv[a]);
        return 2;
    }
    sidecar_read_only_run();
    gk_batch b;
    batch_list(&b, argc - a - 1, argv + a + 1);
    b.prepare = prepare;
    if (!is_export)
        batch_pair_titles(&b, 1);
    char *line = NULL;
    size_t cap = 0;
    long reports = 0, lines = 0, equal = 0, different = 0;
    for (size_t i = 0; i < b.files.n; i++) {
        char *why = NULL;
        gk_report *r = batch_load(&b, i, &why);
        free(why);
        if (!r)
            continue;
        reports++;
        json_t *want = old_json(r);
        ssize_t n = getline(&line, &cap, in);
        json_error_t err;
        json_t *got = n > 0 ? json_loads(line, 0, &err) : NULL;
        lines += n > 0;
        char *ws = json_dumps(want, JSON_COMPACT);
        char *gs = got ? json_dumps(got, JSON_COMPACT) : NULL;
        if (got && json_equal(got, want) && same_order(got, want) && gs && !strcmp(gs, ws)) {
            equal++;
        } else {
            if (++different <= 3) {
                printf("differs: %s\n", r->path);
                if (!got)
                    printf("  not JSON: %s\n", n > 0 ? err.text : "(no line)");
                printf("  jansson: %.300s\n  output:  %.300s\n", ws, n > 0 ? line : "");
            }
        }
        free(ws);
        free(gs);
        json_decref(want);
        json_decref(got);
        report_free(r);
        batch_release(&b, i);
    }
    if (getline(&line, &cap, in) > 0) {
        printf("output has more lines than readable reports\n");
        different++;
    }
    free(line);
    fclose(in);
    batch_free(&b);
    printf("reports %ld, lines %ld, equal %ld, different %ld\n", reports, lines, equal, different);
    return different ? 1 : 0;
}
