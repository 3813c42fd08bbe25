/* report.c — report lifecycle, the reviewer's overlay and finding helpers. */
#include "report.h"
#include "extract.h"
#include "input.h"
#include "util.h"
#include "xyear.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

gk_finding *finding_add(gk_finding **arr, int *n, const char *rule, int line, char *message)
{
    *arr = xrealloc(*arr, (size_t)(*n + 1) * sizeof **arr);
    gk_finding *f = &(*arr)[(*n)++];
    memset(f, 0, sizeof *f);
    const gk_rule_def *rd = template_rule(rule);
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
    f->cells = xrealloc(f->cells, (size_t)(f->ncells + 1) * sizeof *f->cells);
    f->cells[f->ncells++] = cell;
}

void finding_free(gk_finding *f)
{
    free(f->cells);
    free(f->message);
}

/* Parses decoded text (NULL: *why, malloc'd, says already why the bytes could not be decoded). */
static gk_report *parse(const char *path, gk_text *t, char **why)
{
    if (!t)
        return NULL;
    gk_report *r = xcalloc(1, sizeof *r);
    r->path = xstrdup(path);
    r->text = t;
    extract_report(r);
    if (!extract_is_report(r)) {
        report_free(r);
        *why = xstrdup(GK_NOT_A_REPORT);
        return NULL;
    }
    report_check(r);
    return r;
}

gk_report *report_parse(const char *path, const char *bytes, size_t len, char **why)
{
    char *copy = xmalloc(len + 1);
    memcpy(copy, bytes, len);
    copy[len] = '\0';
    gk_text *t = input_decode(path, copy, len, NULL, why);   /* takes copy */
    return parse(path, t, why);
}

/* Reads the file in full, using what a peek learnt (`known`, may be NULL);
 * or, given `learnt` (may be NULL too), only its title, keeping there what
 * the full read can use. */
static gk_report *open_with(const char *path, char **why, const gk_peeked *known, int head_only, gk_peeked *learnt)
{
    char *buf;
    size_t len;
    const char *reason = NULL;
    gk_file_id id;
    int e = util_read_file_id(path, GK_MAX_FILE, &buf, &len, &id, &reason);
    if (e) {
        *why = e == EFBIG ? xasprintf("%s（上限 %u MB）", reason, GK_MAX_FILE >> 20) : xstrdup(reason);
        return NULL;
    }
    /* a verdict is reused only for the very file it was taken on */
    text_verdict verdict = TEXT_UNKNOWN;
    if (!head_only && known && known->verdict != TEXT_UNKNOWN && util_same_file(&known->id, &id))
        verdict = known->verdict;
    gk_report *r;
    if (head_only) {                   /* the encoding decided on all bytes, the lines split only as far as the title needs */
        int section_one = 0;           /* found by the stop as the lines are split */
        char *reason_m = NULL;
        gk_text *t = input_decode_until(path, buf, len, extract_title_lines, &section_one, &verdict, &reason_m);
        r = NULL;
        if (t) {
            r = xcalloc(1, sizeof *r);
            r->path = xstrdup(path);
            r->text = t;
            extract_title_only(r, section_one);
            if (!r->titled || !*r->body) {   /* no title line: the body and year are further in */
                text_free(r->text);
                r->text = input_decode_until(path, buf, len, NULL, NULL, &verdict, &reason_m);
                if (r->text)
                    extract_title_full(r);
                if (r->text && !extract_is_report(r)) {   /* refused as the full read refuses it */
                    report_free(r);
                    r = NULL;
                    *why = xstrdup(GK_NOT_A_REPORT);
                } else if (!r->text) {
                    report_free(r);
                    r = NULL;
                    *why = reason_m;
                    reason_m = NULL;
                }
            }
        } else {
            *why = reason_m;
            reason_m = NULL;
        }
        free(reason_m);
        if (learnt) {
            learnt->id = id;
            learnt->verdict = verdict;
        }
    } else {
        gk_text *t = input_decode(path, buf, len, &verdict, why);
        buf = NULL;                    /* the text's now, or freed */
        r = parse(path, t, why);
    }
    free(buf);
    return r;
}

gk_report *report_open(const char *path, char **why)
{
    return open_with(path, why, NULL, 0, NULL);
}

gk_report *report_open_peeked(const char *path, const gk_peeked *peeked, char **why)
{
    return open_with(path, why, peeked, 0, NULL);
}

gk_report *report_open_head(const char *path, gk_peeked *peeked, char **why)
{
    return open_with(path, why, NULL, 1, peeked);
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
    if (r->tpl && r->cells) {
        for (int i = 0; i < r->tpl->ncells; i++) {
            if (r->cells[i].unread_why)    /* seldom: most cells were read and not inferred */
                free(r->cells[i].unread_why);
            if (r->cells[i].equation)
                free(r->cells[i].equation);
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
    xyear_set_partners(r, NULL, NULL);
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

const char *report_format_value(double v, char *buf, size_t n)
{
    if (v == floor(v) && fabs(v) < 1e15)
        snprintf(buf, n, "%.0f", v);
    else
        snprintf(buf, n, "%.6g", v);
    return buf;
}
