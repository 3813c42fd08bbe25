/* report.c — the report model: freeing it, the reviewer's overlay and the
 * finding helpers.  Knows nothing of reading (pipeline.c) or rules (rules.c). */
#include "report.h"
#include "json_out.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The arrays finding_add() and finding_add_cell() grow have room for 4
 * entries, or for the power of two at or above their count (only the count
 * is kept): one realloc() when the count reaches 0, 4, 8, 16 … instead of
 * one per entry.  Every entry is added by the two. */
static inline int grow_at(int n)
{
    return n == 0 || (n >= 4 && (n & (n - 1)) == 0);
}

static inline size_t room_after(int n)
{
    return n ? (size_t)n * 2 : 4;
}

gk_finding *finding_add(gk_finding **arr, int *n, const char *rule, int line, char *message)
{
    if (grow_at(*n))
        *arr = xrealloc(*arr, room_after(*n) * sizeof **arr);
    gk_finding *f = &(*arr)[(*n)++];
    memset(f, 0, sizeof *f);
    /* findings come in runs of one rule (a row of cells missing): the rule
     * looked up last is taken again when its id is the same text */
    static __thread const gk_rule_def *last;
    const gk_rule_def *rd = last && strcmp(last->id, rule) == 0 ? last : template_rule(rule);
    if (rd)
        last = rd;
    int nrules;
    const gk_rule_def *all = template_rules(&nrules);
    f->rule = rd ? rd->id : rule;
    f->rank = rd ? (int)(rd - all) : nrules;
    f->severity = rd ? rd->severity : GK_SEV_WARNING;
    f->line = line;
    f->message = message;
    return f;
}

void finding_add_cell(gk_finding *f, int cell)
{
    if (cell < 0)
        return;
    for (int i = 0; i < f->ncells; i++)
        if (f->cells[i] == cell)
            return;
    if (grow_at(f->ncells))            /* the first room by xmalloc(): realloc(NULL) costs more */
        f->cells = f->cells ? xrealloc(f->cells, room_after(f->ncells) * sizeof *f->cells)
                            : xmalloc(room_after(f->ncells) * sizeof *f->cells);
    f->cells[f->ncells++] = cell;
}

void finding_copy_cells(gk_finding *f, const gk_finding *src)
{
    if (f->ncells || !src->ncells) {
        for (int k = 0; k < src->ncells; k++)
            finding_add_cell(f, src->cells[k]);
        return;
    }
    /* the room finding_add_cell() would have grown to: 4, or the power of two at or above the count */
    size_t room = room_after(0);
    while (room < (size_t)src->ncells)
        room *= 2;
    f->cells = xmalloc(room * sizeof *f->cells);
    memcpy(f->cells, src->cells, (size_t)src->ncells * sizeof *f->cells);
    f->ncells = src->ncells;
}

void finding_free(gk_finding *f)
{
    free(f->cells);
    free(f->message);
}

static void free_findings(gk_finding *f, int n)
{
    for (int i = 0; i < n; i++)
        finding_free(&f[i]);
    free(f);
}

void report_free(gk_report *r)
{
    if (!r)
        return;
    if (r->tpl && r->cells && r->cells_own_text) {
        gk_cell *c = r->cells, *end = c + r->tpl->ncells;
        for (; c < end; c++) {
            if (c->unread_why)         /* seldom: most cells were read and not inferred */
                free(c->unread_why);
            if (c->equation)
                free(c->equation);
        }
    }
    free(r->cells);
    arena_free(&r->strings);
    free_findings(r->notes, r->nnotes);
    free_findings(r->findings, r->nfindings);
    for (int i = 0; i < r->ndismissals; i++) {
        free(r->dismissals[i].rule);
        free(r->dismissals[i].reason);
    }
    free(r->dismissals);
    free(r->stated);
    if (r->partners_free)              /* set by xyear_set_partners() */
        r->partners_free(r);
    free(r->body);
    free(r->path);
    text_free(r->text);
    free(r);
}

void report_correct(gk_report *r, int cell, double value)
{
    if (cell < 0 || cell >= r->tpl->ncells)
        return;
    r->cells[cell].corrected = 1;
    r->cells[cell].corrected_value = value;
}

void report_uncorrect(gk_report *r, int cell)
{
    if (cell >= 0 && cell < r->tpl->ncells)
        r->cells[cell].corrected = 0;
}

void report_dismiss(gk_report *r, const char *rule, int cell, const char *reason)
{
    r->dismissals = xrealloc(r->dismissals, (size_t)(r->ndismissals + 1) * sizeof *r->dismissals);
    gk_dismissal *d = &r->dismissals[r->ndismissals++];
    d->rule = xstrdup(rule);
    d->cell = cell;
    d->reason = xstrdup(reason ? reason : "");
}

const char *report_status_name(gk_status s)
{
    switch (s) {
    case GK_ST_EXTRACTED: return "extracted";
    case GK_ST_BLANK: return "blank";
    case GK_ST_INFERRED: return "inferred";
    case GK_ST_CORRECTED: return "corrected";
    default: return "missing";
    }
}

const char *report_severity_name(gk_severity s)
{
    return s == GK_SEV_ERROR ? "error" : "warning";
}

/* A whole number below 1e15 (exact in a double, and in a long long) is
 * written as "%.0f" writes it — its digits, "-" before a negative value or
 * -0 (json_put_int(), the project's one integer writer) — without snprintf (about 1,200 instructions a call, and the rules
 * format some 40 values a report); the rest goes to snprintf.
 * test_format_value checks the two against each other. */
const char *report_format_value(double v, char *buf, size_t n)
{
    if (fabs(v) < 1e15) {              /* false for NaN */
        long long i = (long long)v;    /* truncated: in range */
        if ((double)i == v) {          /* a whole number (-0.0 too) */
            char tmp[24], *p = tmp;
            if (signbit(v) && i == 0)
                *p++ = '-';            /* -0, as "%.0f" writes it */
            p = json_put_int(p, i);
            if (n) {                   /* as snprintf: cut to n - 1 bytes */
                size_t len = (size_t)(p - tmp);
                if (len > n - 1)
                    len = n - 1;
                memcpy(buf, tmp, len);
                buf[len] = '\0';
            }
            return buf;
        }
    }
    snprintf(buf, n, "%.6g", v);
    return buf;
}
