/* panel_findings.c — the list of findings (f shows and hides it): one row
 * each, severity, source line, message and rule id; moving the cursor
 * selects the finding, which selects its cells and its source line.  A
 * dismissed finding stays listed, greyed, with the reviewer's reason. */
#include "actions.h"
#include "draw.h"
#include "panel.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int cur, top;
} fnd_state;

#define ST(p) ((fnd_state *)(p)->priv)

static int count(const panel *p)
{
    return p->doc && p->doc->r ? p->doc->r->nfindings : 0;
}

static int body_rows(const panel *p)
{
    return p->r.h - 1 > 0 ? p->r.h - 1 : 0;
}

static void keep_visible(panel *p)
{
    fnd_state *s = ST(p);
    int h = body_rows(p), n = count(p);
    if (s->cur >= n)
        s->cur = n - 1;
    if (s->cur < 0)
        s->cur = 0;
    s->top = panel_scroll(s->top, s->cur, h, n);
}

static void draw_row(panel *p, WINDOW *w, int y, int i, int focused)
{
    const gk_finding *f = &p->doc->r->findings[i];
    int cur = i == ST(p)->cur;
    ui_style base = theme_style(cur && focused ? EL_SELECTED : f->dismissed ? EL_DISMISSED : EL_NORMAL);
    if (cur && !focused)
        base.attr |= A_BOLD;
    ui_style sev = f->dismissed || (cur && focused) ? base
                   : theme_style(f->severity == GK_SEV_ERROR ? EL_ERROR : EL_WARNING);
    char head[48], line[16];
    if (f->line > 0)
        snprintf(line, sizeof line, "%5d", f->line);
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
    char title[128];
    const gk_report *r = p->doc ? p->doc->r : NULL;
    if (r)
        snprintf(title, sizeof title, "问题列表 %d 条：错误 %d，警告 %d%s", r->nfindings, r->nerrors,
                 r->nwarnings, r->nfindings ? "" : "（无）");
    else
        snprintf(title, sizeof title, "问题列表");
    panel_draw_title(w, p, title, focused);
    int y = p->r.y + 1, yend = p->r.y + p->r.h;
    for (int i = s->top; i < count(p) && y < yend; i++)
        draw_row(p, w, y++, i, focused);
    for (; y < yend; y++)
        draw_fill(w, y, p->r.x, p->r.w, theme_style(EL_NORMAL));
}

static int fnd_key(panel *p, int action, const char *arg, ui_reply *out)
{
    (void)arg;
    fnd_state *s = ST(p);
    int page = body_rows(p) > 1 ? body_rows(p) - 1 : 1;
    if (count(p) == 0)
        return PR_IGNORED;
    if (action != ACT_NONE && !panel_move(&s->cur, action, page, count(p) - 1))
        return PR_IGNORED;             /* ACT_NONE: the panel got the focus, its finding is the selection */
    keep_visible(p);
    const gk_finding *f = &p->doc->r->findings[s->cur];
    out->sel.finding = s->cur;
    out->sel.cell = f->ncells > 0 ? f->cells[0] : -1;
    out->sel.line = f->line;
    return PR_HANDLED | PR_SELECT;
}

static void fnd_open(panel *p, const ui_doc *d)
{
    p->doc = d;
    ST(p)->cur = ST(p)->top = 0;
}

static void fnd_resize(panel *p, ui_rect r)
{
    p->r = r;
    keep_visible(p);
}

static void fnd_select(panel *p, const ui_sel *sel)
{
    fnd_state *s = ST(p);
    if (!count(p))
        return;
    if (sel->finding >= 0)
        s->cur = sel->finding;
    else if (sel->cell >= 0 && view_finding_of_cell(p->doc->r, sel->cell) >= 0)
        s->cur = view_finding_of_cell(p->doc->r, sel->cell);
    keep_visible(p);
}

static const panel_ops FINDINGS_OPS = {
    .name = "findings", .open = fnd_open, .resize = fnd_resize, .draw = fnd_draw, .key = fnd_key,
    .select = fnd_select, .changed = keep_visible,
};

panel *panel_findings_new(void)
{
    panel *p = panel_alloc(&FINDINGS_OPS, sizeof(fnd_state));
    return p;
}
