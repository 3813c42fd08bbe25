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

/* The values of the cells of rule's set in r's template (none when the
 * format has no such set). */
static void set_values(const gk_report *r, const char *rule, double v[GK_SET_ROWS][GK_SET_COLS],
                       unsigned char ok[GK_SET_ROWS][GK_SET_COLS])
{
    const gk_cellset *set = template_cellset(r->tpl, rule);
    for (int i = 0; set && i < set->nrows; i++)
        for (int k = 0; k < set->ncols; k++) {
            const gk_cell *c = &r->cells[set->cell[i][k]];
            ok[i][k] = c->status != GK_ST_MISSING;
            v[i][k] = ok[i][k] ? c->value : 0;
        }
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* A summary without the sentences: what the rules need of the report they
 * check (its partners' sentences are compared with its own as they are). */
static void summarize_cells(const gk_report *r, gk_xsummary *s)
{
    memset(s, 0, sizeof *s);
    s->path = xstrdup(r->path);
    s->body_key = xyear_body_key(r->body);
    s->year = r->year;
    s->format = r->format;
    set_values(r, "XYEAR.JUMP", s->total, s->total_ok);
    set_values(r, "XYEAR.CARRY", s->carry, s->carry_ok);
    set_values(r, "XYEAR.VALID", s->chain, s->chain_ok);
}

void xyear_summarize(const gk_report *r, gk_xsummary *s)
{
    summarize_cells(r, s);
    if (r->text) {
        for (int k = 0; k < NARR_SECTIONS; k++) {
            int n = 0;
            gk_sentence *st = narrative_sentences(r, NARR_SECTION_INDEX[k], &n);
            if (n) {
                s->sent[k] = xmalloc((size_t)n * sizeof *s->sent[k]);
                for (int i = 0; i < n; i++)
                    s->sent[k][i] = st[i].hash;
                qsort(s->sent[k], (size_t)n, sizeof *s->sent[k], cmp_u64);
                s->nsent[k] = n;
            }
            narrative_sentences_free(st, n);
        }
    }
}

void xyear_summary_free(gk_xsummary *s)
{
    if (!s)
        return;
    free(s->path);
    free(s->body_key);
    s->path = s->body_key = NULL;
    for (int k = 0; k < NARR_SECTIONS; k++) {
        free(s->sent[k]);
        s->sent[k] = NULL;
        s->nsent[k] = 0;
    }
}

static gk_xsummary *copy(const gk_xsummary *s)
{
    if (!s)
        return NULL;
    gk_xsummary *c = xmalloc(sizeof *c);
    *c = *s;
    c->path = xstrdup(s->path);
    c->body_key = xstrdup(s->body_key);
    for (int k = 0; k < NARR_SECTIONS; k++) {
        c->sent[k] = NULL;
        if (s->nsent[k]) {
            c->sent[k] = xmalloc((size_t)s->nsent[k] * sizeof *c->sent[k]);
            memcpy(c->sent[k], s->sent[k], (size_t)s->nsent[k] * sizeof *c->sent[k]);
        }
    }
    return c;
}

static void free_partners(gk_report *r)
{
    if (r->xprev) {
        xyear_summary_free(r->xprev);
        free(r->xprev);
    }
    if (r->xnext) {
        xyear_summary_free(r->xnext);
        free(r->xnext);
    }
    r->xprev = r->xnext = NULL;
}

void xyear_set_partners(gk_report *r, const gk_xsummary *prev, const gk_xsummary *next)
{
    free_partners(r);
    r->xprev = copy(prev);
    r->xnext = copy(next);
    r->partners_free = r->xprev || r->xnext ? free_partners : NULL;
}

static gk_finding *add(gk_report *r, const char *rule, int cell, char *msg)
{
    gk_finding *f = finding_add(&r->findings, &r->nfindings, rule, cell >= 0 ? r->cells[cell].line : 0, msg);
    finding_add_cell(f, cell);
    return f;
}

static void carry(gk_report *r, const gk_xsummary *me, const gk_xsummary *other, int this_is_later)
{
    const gk_cellset *set = template_cellset(r->tpl, "XYEAR.CARRY");
    int mine_row = this_is_later ? GK_CARRY_IN : GK_CARRY_OUT, their_row = this_is_later ? GK_CARRY_OUT : GK_CARRY_IN;
    char a[32], b[32];
    for (int c = 0; set && c < set->ncols; c++) {
        double mine = me->carry[mine_row][c], theirs = other->carry[their_row][c];
        if (!me->carry_ok[mine_row][c] || !other->carry_ok[their_row][c] || fabs(mine - theirs) < 1e-6)
            continue;
        int cell = set->cell[mine_row][c];
        report_format_value(mine, a, sizeof a);
        report_format_value(theirs, b, sizeof b);
        add(r, set->def->rule, cell,
            xasprintf(set->def->message[this_is_later ? 0 : 1], r->tpl->cells[cell].label, a, other->year, other->path,
                      b));
    }
}

/* valid(Y) = valid(Y-1) + issued(Y) - repealed(Y); `later` is year Y. */
static void valid(gk_report *r, const gk_xsummary *earlier, const gk_xsummary *later, int this_is_later)
{
    const gk_cellset *set = template_cellset(r->tpl, "XYEAR.VALID");
    if (earlier->format == GK_FMT_2019 || later->format == GK_FMT_2019 || !set)
        return;
    char a[32], b[32], c2[32], d[32];
    for (int k = 0; k < set->nrows; k++) {
        if (!earlier->chain_ok[k][GK_VALID_VALID] || !later->chain_ok[k][GK_VALID_VALID] ||
            !later->chain_ok[k][GK_VALID_ISSUED] || !later->chain_ok[k][GK_VALID_REPEALED])
            continue;
        double want = earlier->chain[k][GK_VALID_VALID] + later->chain[k][GK_VALID_ISSUED] -
                      later->chain[k][GK_VALID_REPEALED];
        if (fabs(want - later->chain[k][GK_VALID_VALID]) < 1e-6)
            continue;
        int cell = set->cell[k][GK_VALID_VALID];
        report_format_value(later->chain[k][GK_VALID_VALID], a, sizeof a);
        report_format_value(earlier->chain[k][GK_VALID_VALID], b, sizeof b);
        report_format_value(later->chain[k][GK_VALID_ISSUED], c2, sizeof c2);
        report_format_value(later->chain[k][GK_VALID_REPEALED], d, sizeof d);
        const gk_xsummary *other = this_is_later ? earlier : later;
        add(r, set->def->rule, cell,
            xasprintf(set->def->message[0], r->tpl->cells[cell].rowdef->label, later->year, a, earlier->year, b, c2, d,
                      other->path));
    }
}

/* XYEAR.JUMP: a total of year Y against year Y-1 (reported in year Y's report). */
static void jump(gk_report *r, const gk_xsummary *me, const gk_xsummary *earlier)
{
    const gk_cellset *set = template_cellset(r->tpl, "XYEAR.JUMP");
    char a[32], b[32];
    for (int k = 0; set && k < set->nrows; k++) {
        if (!me->total_ok[k][0] || !earlier->total_ok[k][0])
            continue;
        double now = me->total[k][0], before = earlier->total[k][0];
        if (now < XYEAR_JUMP_MIN || before < XYEAR_JUMP_MIN)
            continue;
        if (now <= before * XYEAR_JUMP_FACTOR && now * XYEAR_JUMP_FACTOR >= before)
            continue;
        int cell = set->cell[k][0];
        report_format_value(now, a, sizeof a);
        report_format_value(before, b, sizeof b);
        add(r, set->def->rule, cell,
            xasprintf(set->def->message[0], r->tpl->cells[cell].label, me->year, a, earlier->year, b,
                      now > before ? "增" : "降", now / before, XYEAR_JUMP_FACTOR, XYEAR_JUMP_FACTOR, earlier->path));
    }
}

/* At most `chars` characters of s, with "…" when cut. */
static void add_excerpt(sbuf *b, const char *s, int chars)
{
    size_t len = strlen(s), i = 0;
    for (int n = 0; i < len && n < chars; n++) {
        unsigned cp;
        int k = utf8_decode(s + i, len - i, &cp);
        i += k > 0 ? (size_t)k : 1;
    }
    sbuf_add(b, s, i);
    if (i < len)
        sbuf_adds(b, "…");
}

/* XYEAR.COPIED: the share of a section's sentences found in the same
 * section of the previous year's report (digits masked). */
static void copied(gk_report *r, const gk_xsummary *earlier)
{
    int threshold = narrative_copied_share();
    for (int k = 0; k < NARR_SECTIONS; k++) {
        if (!earlier->nsent[k])
            continue;
        int n = 0;
        gk_sentence *st = narrative_sentences(r, NARR_SECTION_INDEX[k], &n);
        int same = 0, first = -1;
        for (int i = 0; i < n; i++) {
            if (!bsearch(&st[i].hash, earlier->sent[k], (size_t)earlier->nsent[k], sizeof *earlier->sent[k], cmp_u64))
                continue;
            if (first < 0)
                first = i;
            same++;
        }
        if (n >= XYEAR_COPIED_MIN_SENTENCES && same * 100 >= threshold * n) {
            sbuf b;
            sbuf_init(&b);
            sbuf_printf(&b, "%s %d 句中有 %d 句（%d%%）与 %d 年度报告（%s）相同（数字、年份不计），如：",
                        narrative_section_name(NARR_SECTION_INDEX[k]), n, same, same * 100 / n, earlier->year,
                        earlier->path);
            int shown = 0;
            for (int i = first; i < n && shown < 2; i++) {
                if (!bsearch(&st[i].hash, earlier->sent[k], (size_t)earlier->nsent[k], sizeof *earlier->sent[k], cmp_u64))
                    continue;
                sbuf_adds(&b, "「");
                add_excerpt(&b, st[i].text, 40);
                sbuf_adds(&b, "」");
                shown++;
            }
            finding_add(&r->findings, &r->nfindings, "XYEAR.COPIED", st[first].line, sbuf_steal(&b));
        }
        narrative_sentences_free(st, n);
    }
}

void xyear_check(gk_report *r)
{
    if (!r->xprev && !r->xnext)
        return;
    gk_xsummary me;
    summarize_cells(r, &me);
    if (r->xprev) {
        carry(r, &me, r->xprev, 1);
        valid(r, r->xprev, &me, 1);
        jump(r, &me, r->xprev);
        copied(r, r->xprev);
    }
    if (r->xnext) {
        carry(r, &me, r->xnext, 0);
        valid(r, &me, r->xnext, 0);
    }
    xyear_summary_free(&me);
}
