/* panel_detail.c — a few lines under the panels saying everything about
 * the selection: the cell's full label, id, value, status and source line,
 * the reviewer's correction (original → corrected) and note, the equation
 * that inferred it, and every finding naming it; or the
 * selected finding's whole message.  It takes no keys (Enter shows the
 * same text in a box when it does not fit). */
#include "draw.h"
#include "panel.h"
#include "util.h"

#include <stdlib.h>

typedef struct {
    ui_sel sel;
    char *text;
} det_state;

#define ST(p) ((det_state *)(p)->priv)

static void det_update(panel *p)
{
    det_state *s = ST(p);
    free(s->text);
    const gk_report *r = p->doc ? p->doc->r : NULL;
    if (!r)
        s->text = xstrdup("");
    else if (s->sel.finding >= 0)
        s->text = view_finding_detail(r, s->sel.finding);
    else if (s->sel.cell >= 0)
        s->text = view_review_cell_detail(&p->doc->cells, p->doc->rv, s->sel.cell);
    else
        s->text = xstrdup("选择一个单元格查看其来源与问题；n 跳到下一个有问题的单元格，? 查看全部按键。");
}

static void det_draw(panel *p, WINDOW *w, int focused)
{
    (void)focused;
    det_state *s = ST(p);
    ui_style st = theme_style(EL_NORMAL);
    for (int r = 0; r < p->r.h; r++)
        draw_fill(w, p->r.y + r, p->r.x, p->r.w, st);
    st.attr |= A_BOLD;
    draw_wrap(w, p->r.y, p->r.x, p->r.w, p->r.h, s->text ? s->text : "", st);
}

static int det_key(panel *p, int action, const char *arg, ui_reply *out)
{
    (void)p;
    (void)action;
    (void)arg;
    (void)out;
    return PR_IGNORED;
}

static void det_open(panel *p, const ui_doc *d)
{
    p->doc = d;
    ST(p)->sel = (ui_sel){-1, -1, 0};
    det_update(p);
}

static void det_resize(panel *p, ui_rect r)
{
    p->r = r;
}

static void det_select(panel *p, const ui_sel *sel)
{
    ST(p)->sel = *sel;
    det_update(p);
}

static void det_free(panel *p)
{
    free(ST(p)->text);
}

static const panel_ops DETAIL_OPS = {
    .name = "detail", .open = det_open, .resize = det_resize, .draw = det_draw, .key = det_key,
    .select = det_select, .changed = det_update, .free = det_free,
};

panel *panel_detail_new(void)
{
    panel *p = panel_alloc(&DETAIL_OPS, sizeof(det_state));
    return p;
}
