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

/* The totals XYEAR.JUMP compares (both formats have them). */
static const char *const JUMP_IDS[XYEAR_JUMP_N] = {
    "t3.new.total",         "t3.handled_total.total", "t4.review.total",      "t4.suit_direct.total",
    "t4.suit_after_review.total", "t2.license.decisions",   "t2.penalty.decisions", "t2.coercion.decisions",
};

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
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
    for (int k = 0; k < XYEAR_JUMP_N; k++)
        s->total_ok[k] = cell_value(r, JUMP_IDS[k], &s->total[k]);
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

/* XYEAR.JUMP: a total of year Y against year Y-1 (reported in year Y's report). */
static void jump(gk_report *r, const gk_xsummary *me, const gk_xsummary *earlier)
{
    char a[32], b[32];
    for (int k = 0; k < XYEAR_JUMP_N; k++) {
        if (!me->total_ok[k] || !earlier->total_ok[k])
            continue;
        double now = me->total[k], before = earlier->total[k];
        if (now < XYEAR_JUMP_MIN || before < XYEAR_JUMP_MIN)
            continue;
        if (now <= before * XYEAR_JUMP_FACTOR && now * XYEAR_JUMP_FACTOR >= before)
            continue;
        int cell = template_cell_index(r->tpl, JUMP_IDS[k]);
        if (cell < 0)
            continue;
        report_format_value(now, a, sizeof a);
        report_format_value(before, b, sizeof b);
        add(r, "XYEAR.JUMP", cell,
            xasprintf("%s：%d 年为 %s，%d 年为 %s，%s至 %.1f 倍（超过 %g 倍或不足 1/%g，请核实；对照 %s）",
                      r->tpl->cells[cell].label, me->year, a, earlier->year, b, now > before ? "增" : "降",
                      now / before, XYEAR_JUMP_FACTOR, XYEAR_JUMP_FACTOR, earlier->path));
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
    xyear_summarize(r, &me);
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
