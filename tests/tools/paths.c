/* paths.c — the tables' shortcuts read what the general path reads.
 *
 *   paths FILE...
 *
 * Each report is read and checked twice: as gkreview reads it, and with
 * extract_general_only() (a clean table placed by the search, a header row's
 * words taken from its joined label).  Everything extraction and the rules
 * give must be the same: every cell (what was read, its source text and
 * line, why it was not read, its final value and status), the notes and the
 * findings.  Each file read differently is named on stdout; the last line is
 * "files N, read differently N".  Exit 1 when any file is read differently. */
#include "extract.h"
#include "pipeline.h"
#include "report.h"
#include "rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int same_text(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

static int same_findings(const gk_finding *a, int na, const gk_finding *b, int nb)
{
    if (na != nb)
        return 0;
    for (int i = 0; i < na; i++) {
        if (strcmp(a[i].rule, b[i].rule) || a[i].line != b[i].line || !same_text(a[i].message, b[i].message) ||
            a[i].severity != b[i].severity || a[i].ncells != b[i].ncells)
            return 0;
        for (int k = 0; k < a[i].ncells; k++)
            if (a[i].cells[k] != b[i].cells[k])
                return 0;
    }
    return 1;
}

/* The first difference between the two readings, or NULL. */
static const char *difference(const gk_report *a, const gk_report *b)
{
    if (!a || !b)
        return a || b ? "read only once" : NULL;
    if (a->format != b->format || a->tpl != b->tpl)
        return "format";
    for (int t = 0; t < 3; t++)
        if (a->table_line[t] != b->table_line[t])
            return "table line";
    for (int i = 0; a->tpl && i < a->tpl->ncells; i++) {
        const gk_cell *x = &a->cells[i], *y = &b->cells[i];
        if (x->read_status != y->read_status || x->read_value != y->read_value || x->read_is_int != y->read_is_int ||
            x->line != y->line || !same_text(x->raw, y->raw) || !same_text(x->unread_why, y->unread_why) ||
            x->status != y->status || x->value != y->value || !same_text(x->equation, y->equation))
            return a->tpl->cells[i].id;
    }
    if (!same_findings(a->notes, a->nnotes, b->notes, b->nnotes))
        return "notes";
    if (!same_findings(a->findings, a->nfindings, b->findings, b->nfindings))
        return "findings";
    return NULL;
}

static gk_report *read_checked(const char *path, int general)
{
    extract_general_only(general);
    char *why = NULL;
    gk_report *r = report_open(path, &why);
    free(why);
    if (r)
        rules_check(r);
    extract_general_only(0);
    return r;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: paths FILE...\n");
        return 2;
    }
    long files = 0, differ = 0;
    for (int i = 1; i < argc; i++) {
        gk_report *usual = read_checked(argv[i], 0), *general = read_checked(argv[i], 1);
        const char *what = difference(usual, general);
        files++;
        if (what) {
            differ++;
            printf("%s: read differently by the general path (%s)\n", argv[i], what);
        }
        report_free(usual);
        report_free(general);
    }
    printf("files %ld, read differently %ld\n", files, differ);
    return differ ? 1 : 0;
}
