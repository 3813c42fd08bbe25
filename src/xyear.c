/* xyear.c — summaries of reports and the cross-year rules. */
#include "xyear.h"
#include "extract.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const SUFFIXES[] = {"人民政府", "政府", NULL};

char *xyear_body_key(const char *body)
{
    char *k = extract_squeeze(body ? body : "");
    size_t n = strlen(k);
    for (int i = 0; SUFFIXES[i]; i++) {
        size_t l = strlen(SUFFIXES[i]);
        if (n > l && strcmp(k + n - l, SUFFIXES[i]) == 0) {
            k[n - l] = '\0';
            break;
        }
    }
    return k;
}

static int cell_value(const gk_report *r, const char *id, double *v)
{
    int i = template_cell_index(r->tpl, id);
    if (i < 0 || r->cells[i].status == GK_ST_MISSING)
        return 0;
    *v = r->cells[i].value;
    return 1;
}

static const char *const T3COLS[7] = {"natural", "business", "research", "charity", "legal", "other", "total"};
static const char *const T2ROWS[2] = {"rule", "normative"};

void xyear_summarize(const gk_report *r, gk_xsummary *s)
{
    memset(s, 0, sizeof *s);
    s->path = xstrdup(r->path);
    s->body_key = xyear_body_key(r->body);
    s->year = r->year;
    s->format = r->format;
    char id[64];
    for (int c = 0; c < 7; c++) {
        snprintf(id, sizeof id, "t3.carried_in.%s", T3COLS[c]);
        s->in_ok[c] = cell_value(r, id, &s->in[c]);
        snprintf(id, sizeof id, "t3.carried_out.%s", T3COLS[c]);
        s->out_ok[c] = cell_value(r, id, &s->out[c]);
    }
    if (r->format == GK_FMT_2019)
        return;
    for (int k = 0; k < 2; k++) {
        snprintf(id, sizeof id, "t2.%s.issued", T2ROWS[k]);
        s->issued_ok[k] = cell_value(r, id, &s->issued[k]);
        snprintf(id, sizeof id, "t2.%s.repealed", T2ROWS[k]);
        s->repealed_ok[k] = cell_value(r, id, &s->repealed[k]);
        snprintf(id, sizeof id, "t2.%s.valid", T2ROWS[k]);
        s->valid_ok[k] = cell_value(r, id, &s->valid[k]);
    }
}

void xyear_summary_free(gk_xsummary *s)
{
    if (!s)
        return;
    free(s->path);
    free(s->body_key);
    s->path = s->body_key = NULL;
}

static gk_xsummary *copy(const gk_xsummary *s)
{
    if (!s)
        return NULL;
    gk_xsummary *c = xmalloc(sizeof *c);
    *c = *s;
    c->path = xstrdup(s->path);
    c->body_key = xstrdup(s->body_key);
    return c;
}

void xyear_set_partners(gk_report *r, const gk_xsummary *prev, const gk_xsummary *next)
{
    if (r->xprev) {
        xyear_summary_free(r->xprev);
        free(r->xprev);
    }
    if (r->xnext) {
        xyear_summary_free(r->xnext);
        free(r->xnext);
    }
    r->xprev = copy(prev);
    r->xnext = copy(next);
}

static gk_finding *add(gk_report *r, const char *rule, int cell, char *msg)
{
    gk_finding *f = finding_add(&r->findings, &r->nfindings, rule, cell >= 0 ? r->cells[cell].line : 0, msg);
    finding_add_cell(f, cell);
    return f;
}

static void carry(gk_report *r, const gk_xsummary *me, const gk_xsummary *other, int this_is_later)
{
    char a[32], b[32], id[64];
    for (int c = 0; c < 7; c++) {
        double mine = this_is_later ? me->in[c] : me->out[c];
        double theirs = this_is_later ? other->out[c] : other->in[c];
        int ok = (this_is_later ? me->in_ok[c] && other->out_ok[c] : me->out_ok[c] && other->in_ok[c]);
        if (!ok || fabs(mine - theirs) < 1e-6)
            continue;
        snprintf(id, sizeof id, "t3.%s.%s", this_is_later ? "carried_in" : "carried_out", T3COLS[c]);
        int cell = template_cell_index(r->tpl, id);
        report_format_value(mine, a, sizeof a);
        report_format_value(theirs, b, sizeof b);
        if (this_is_later)
            add(r, "XYEAR.CARRY", cell,
                xasprintf("%s：本年度上年结转为 %s，而 %d 年度报告（%s）结转下年度为 %s", r->tpl->cells[cell].label, a,
                          other->year, other->path, b));
        else
            add(r, "XYEAR.CARRY", cell,
                xasprintf("%s：本年度结转下年度为 %s，而 %d 年度报告（%s）上年结转为 %s", r->tpl->cells[cell].label, a,
                          other->year, other->path, b));
    }
}

/* valid(Y) = valid(Y-1) + issued(Y) - repealed(Y); `later` is year Y. */
static void valid(gk_report *r, const gk_xsummary *earlier, const gk_xsummary *later, int this_is_later)
{
    if (earlier->format == GK_FMT_2019 || later->format == GK_FMT_2019)
        return;
    char a[32], b[32], c2[32], d[32], id[64];
    for (int k = 0; k < 2; k++) {
        if (!earlier->valid_ok[k] || !later->valid_ok[k] || !later->issued_ok[k] || !later->repealed_ok[k])
            continue;
        double want = earlier->valid[k] + later->issued[k] - later->repealed[k];
        if (fabs(want - later->valid[k]) < 1e-6)
            continue;
        snprintf(id, sizeof id, "t2.%s.valid", T2ROWS[k]);
        int cell = template_cell_index(r->tpl, id);
        report_format_value(later->valid[k], a, sizeof a);
        report_format_value(earlier->valid[k], b, sizeof b);
        report_format_value(later->issued[k], c2, sizeof c2);
        report_format_value(later->repealed[k], d, sizeof d);
        const gk_xsummary *other = this_is_later ? earlier : later;
        add(r, "XYEAR.VALID", cell,
            xasprintf("%s：%d 年现行有效 %s ≠ %d 年现行有效 %s + 制发 %s − 废止 %s（对照 %s）",
                      r->tpl->cells[cell].rowdef->label, later->year, a, earlier->year, b, c2, d, other->path));
    }
}

void xyear_check(gk_report *r)
{
    if (!r->xprev && !r->xnext)
        return;
    gk_xsummary me;
    xyear_summarize(r, &me);
    if (r->xprev) {
        carry(r, &me, r->xprev, 1);
        valid(r, r->xprev, &me, 1);
    }
    if (r->xnext) {
        carry(r, &me, r->xnext, 0);
        valid(r, &me, r->xnext, 0);
    }
    xyear_summary_free(&me);
}

int xyear_peek(const char *path, char **body, int *year, gk_peeked *peeked)
{
    char *why = NULL;
    gk_report *r = report_open_head(path, peeked, &why);
    if (!r) {
        free(why);
        return -1;
    }
    *body = xstrdup(r->body ? r->body : "");
    *year = r->year;
    report_free(r);
    return 0;
}
