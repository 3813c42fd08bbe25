/* panel_findings.c — the list of findings (shown by default when the screen
 * is wide enough; f shows and hides it): one row each, open errors first,
 * then open warnings, then dismissed ones (greyed, with the reviewer's
 * reason); severity, source line, message and rule id.  E shows errors
 * only, R one rule at a time (each press the next rule, then all again).
 * Moving the cursor or clicking selects the finding, which selects its
 * cells and its source line. */
#include "actions.h"
#include "draw.h"
#include "panel.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int cur, top;          /* positions in order[] */
    int *order;            /* finding indices as listed */
    int n;
    unsigned filter;       /* VIEW_ONLY_ERRORS */
    const char *rule;      /* only this rule, NULL: all (a static rule id) */
    int selected;          /* the finding of the screen's selection, -1 none */
} fnd_state;

#define ST(p) ((fnd_state *)(p)->priv)

static const gk_report *rep(const panel *p)
{
    return p->doc ? p->doc->r : NULL;
}

static int body_rows(const panel *p)
{
    return p->r.h - 1 > 0 ? p->r.h - 1 : 0;
}

/* The list again (the report was re-checked or the filter changed),
 * keeping the cursor on the same finding when it is still listed. */
static void rebuild(panel *p, int keep)
{
    fnd_state *s = ST(p);
    const gk_report *r = rep(p);
    s->order = xrealloc(s->order, (size_t)(r && r->nfindings ? r->nfindings : 1) * sizeof *s->order);
    s->n = r ? view_findings_order(r, s->filter, s->rule, 1, s->order) : 0;
    for (int k = 0; keep >= 0 && k < s->n; k++)
        if (s->order[k] == keep)
            s->cur = k;
}

static void keep_visible(panel *p)
{
    fnd_state *s = ST(p);
    if (s->cur >= s->n)
        s->cur = s->n - 1;
    if (s->cur < 0)
        s->cur = 0;
    s->top = panel_scroll(s->top, s->cur, body_rows(p), s->n);
}

static int cur_finding(const panel *p)
{
    const fnd_state *s = ST(p);
    return s->cur >= 0 && s->cur < s->n ? s->order[s->cur] : -1;
}

static void draw_row(panel *p, WINDOW *w, int y, int k, int focused)
{
    const gk_finding *f = &rep(p)->findings[ST(p)->order[k]];
    int cur = k == ST(p)->cur;
    ui_style base = theme_style(cur && focused ? EL_SELECTED : f->dismissed ? EL_DISMISSED : EL_NORMAL);
    if (cur && !focused)
        base.attr |= A_BOLD;
    ui_style sev = f->dismissed || (cur && focused) ? base
                   : theme_style(f->severity == GK_SEV_ERROR ? EL_ERROR : EL_WARNING);
    char head[48], line[16];
    if (f->line > 0)
        snprintf(line, sizeof line, "%5d", text_file_line(rep(p)->text, f->line));
    else
        snprintf(line, sizeof line, "%5s", "-");
    snprintf(head, sizeof head, "%s%s", cur ? ">" : " ", f->dismissed ? "忽略" : view_severity_label(f->severity));
    int x = p->r.x, end = p->r.x + p->r.w;
    x += draw_text(w, y, x, end - x, head, strlen(head), 0, sev, 0);
    x += draw_text(w, y, x, end - x, line, strlen(line), 0, base, 0);
    char *text = f->dismissed ? xasprintf("  %s（已忽略：%s）  [%s]", f->message,
                                          f->dismiss_reason ? f->dismiss_reason : "", f->rule)
                              : xasprintf("  %s  [%s]", f->message, f->rule);
    draw_text(w, y, x, end - x, text, strlen(text), 0, base, DRAW_PAD | DRAW_MARK);
    free(text);
}

static void fnd_draw(panel *p, WINDOW *w, int focused)
{
    fnd_state *s = ST(p);
    char title[256];
    const gk_report *r = rep(p);
    if (r) {
        int n = snprintf(title, sizeof title, "问题列表 %d 条：错误 %d，警告 %d%s", r->nfindings, r->nerrors,
                         r->nwarnings, r->nfindings ? "" : "（无）");
        if ((s->filter || s->rule) && n > 0 && (size_t)n < sizeof title)
            snprintf(title + n, sizeof title - (size_t)n, " [%s%s%s，显示 %d 条]",
                     s->filter & VIEW_ONLY_ERRORS ? "只看错误" : "", s->filter && s->rule ? "·" : "",
                     s->rule ? s->rule : "", s->n);
    } else {
        snprintf(title, sizeof title, "问题列表");
    }
    panel_draw_title(w, p, title, focused);
    int y = p->r.y + 1, yend = p->r.y + p->r.h;
    for (int k = s->top; k < s->n && y < yend; k++)
        draw_row(p, w, y++, k, focused);
    for (; y < yend; y++)
        draw_fill(w, y, p->r.x, p->r.w, theme_style(EL_NORMAL));
}

static int reply(panel *p, ui_reply *out)
{
    keep_visible(p);
    int i = cur_finding(p);
    if (i < 0)
        return PR_HANDLED;
    const gk_finding *f = &rep(p)->findings[i];
    out->sel.finding = i;
    out->sel.cell = f->ncells > 0 ? f->cells[0] : -1;
    out->sel.line = f->line > 0 ? f->line : out->sel.cell >= 0 ? rep(p)->cells[out->sel.cell].line : 0;
    return PR_HANDLED | PR_SELECT;
}

/* R: the next rule of the report, then all rules again. */
static void next_rule(panel *p)
{
    fnd_state *s = ST(p);
    const gk_report *r = rep(p);
    const char **rules = xmalloc((size_t)(r->nfindings ? r->nfindings : 1) * sizeof *rules);
    int n = view_findings_rules(r, rules), at = -1;
    for (int k = 0; s->rule && k < n; k++)
        if (!strcmp(rules[k], s->rule))
            at = k;
    s->rule = at + 1 < n ? rules[at + 1] : NULL;
    free(rules);
}

static int filter_key(panel *p, int action, ui_reply *out)
{
    fnd_state *s = ST(p);
    int keep = cur_finding(p);
    if (action == ACT_F_ERRORS)
        s->filter ^= VIEW_ONLY_ERRORS;
    else
        next_rule(p);
    s->cur = 0;
    rebuild(p, keep);
    char keys[16];
    actions_key_name(ACT_F_ERRORS, keys, sizeof keys);
    char rk[16];
    actions_key_name(ACT_BY_RULE, rk, sizeof rk);
    snprintf(out->msg, sizeof out->msg, "问题列表：%s%s%s（%s 只看错误，%s 逐条规则）",
             s->filter ? "只看错误" : "", s->filter && s->rule ? "·规则 " : s->rule ? "规则 " : "",
             s->rule ? s->rule : s->filter ? "" : "全部", keys, rk);
    if (s->n == 0)
        return PR_HANDLED;
    return reply(p, out);
}

/* n / N: the next open finding in the list's order and filter, whether the
 * list is shown or not. */
static int step(panel *p, int dir, ui_reply *out)
{
    fnd_state *s = ST(p);
    int wrapped = 0, f = view_findings_step(rep(p), s->filter, s->rule, s->selected, dir, &wrapped);
    if (f < 0) {
        snprintf(out->msg, sizeof out->msg, "%s", s->filter || s->rule ? "筛选之下没有未处理的问题"
                                                                        : "本报告没有未处理的问题");
        return PR_HANDLED;
    }
    rebuild(p, f);
    s->selected = f;
    int k = 0;
    for (int i = 0; i < s->n; i++)
        if (s->order[i] == f)
            k = i;
    s->cur = k;
    int rc = reply(p, out), nopen = 0, at = 0;
    for (int i = 0; i < s->n; i++)
        if (!rep(p)->findings[s->order[i]].dismissed) {
            nopen++;
            at = s->order[i] == f ? nopen : at;
        }
    snprintf(out->msg, sizeof out->msg, "第 %d/%d 个问题%s：%s", at, nopen,
             wrapped ? (dir > 0 ? "（已回到第一个）" : "（已回到最后一个）") : "", rep(p)->findings[f].message);
    return rc;
}

static int fnd_key(panel *p, int action, const char *arg, ui_reply *out)
{
    (void)arg;
    fnd_state *s = ST(p);
    int page = body_rows(p) > 1 ? body_rows(p) - 1 : 1;
    if (!rep(p))
        return PR_IGNORED;
    if (action == ACT_F_ERRORS || action == ACT_BY_RULE)
        return filter_key(p, action, out);
    if (action == ACT_NEXT_FLAG || action == ACT_PREV_FLAG)
        return step(p, action == ACT_NEXT_FLAG ? 1 : -1, out);
    if (s->n == 0)
        return PR_IGNORED;
    if (action != ACT_NONE && !panel_move(&s->cur, action, page, s->n - 1))
        return PR_IGNORED;             /* ACT_NONE: the panel got the focus, its finding is the selection */
    return reply(p, out);
}

static int fnd_click(panel *p, int y, int x, int dbl, ui_reply *out)
{
    (void)x;
    fnd_state *s = ST(p);
    int k = s->top + (y - p->r.y - 1);
    if (!rep(p) || y <= p->r.y || k < 0 || k >= s->n)
        return PR_HANDLED;
    s->cur = k;
    return reply(p, out) | (dbl ? PR_DETAIL : 0);
}

static void fnd_open(panel *p, const ui_doc *d)
{
    p->doc = d;
    fnd_state *s = ST(p);
    s->cur = s->top = 0;
    s->rule = NULL;                    /* a rule of another report may not be there */
    s->selected = -1;
    rebuild(p, -1);
}

static void fnd_resize(panel *p, ui_rect r)
{
    p->r = r;
    keep_visible(p);
}

static void fnd_select(panel *p, const ui_sel *sel)
{
    fnd_state *s = ST(p);
    if (!rep(p) || !s->n) {
        s->selected = -1;
        return;
    }
    int f = sel->finding >= 0 ? sel->finding : sel->cell >= 0 ? view_finding_of_cell(rep(p), sel->cell) : -1;
    s->selected = f;
    for (int k = 0; f >= 0 && k < s->n; k++)
        if (s->order[k] == f)
            s->cur = k;
    keep_visible(p);
}

static void fnd_changed(panel *p)
{
    int keep = cur_finding(p);
    const gk_report *r = rep(p);
    fnd_state *s = ST(p);
    if (s->rule && r) {                /* the rule's findings may all be gone */
        const char **rules = xmalloc((size_t)(r->nfindings ? r->nfindings : 1) * sizeof *rules);
        int n = view_findings_rules(r, rules), found = 0;
        for (int k = 0; k < n; k++)
            if (!strcmp(rules[k], s->rule)) {
                s->rule = rules[k];
                found = 1;
            }
        if (!found)
            s->rule = NULL;
        free(rules);
    }
    rebuild(p, keep);
    keep_visible(p);
}

static void fnd_free(panel *p)
{
    free(ST(p)->order);
}

static const panel_ops FINDINGS_OPS = {
    .name = "findings", .open = fnd_open, .resize = fnd_resize, .draw = fnd_draw, .key = fnd_key,
    .select = fnd_select, .changed = fnd_changed, .click = fnd_click, .free = fnd_free,
};

panel *panel_findings_new(void)
{
    return panel_alloc(&FINDINGS_OPS, sizeof(fnd_state));
}
