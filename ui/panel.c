/* panel.c — what the panels share: construction, and the title row (focus
 * shown by colour and, for monochrome terminals, by a leading '>'). */
#include "actions.h"
#include "draw.h"
#include "panel.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

void panel_draw_title(WINDOW *w, const panel *p, const char *title, int focused)
{
    ui_style st = theme_style(EL_HEADER);
    if (focused)
        st.attr |= A_BOLD;
    else
        st.attr |= A_DIM;
    char *t = xasprintf("%s%s", focused ? "> " : "  ", title);
    draw_text(w, p->r.y, p->r.x, p->r.w, t, strlen(t), 0, st, DRAW_PAD | DRAW_MARK);
    free(t);
}

panel *panel_alloc(const panel_ops *ops, size_t priv_size)
{
    panel *p = xcalloc(1, sizeof *p);
    p->ops = ops;
    p->priv = xcalloc(1, priv_size);
    return p;
}

int panel_scroll(int top, int cur, int h, int n)
{
    if (cur < top)
        top = cur;
    if (h > 0 && cur >= top + h)
        top = cur - h + 1;
    if (top > n - h)
        top = n - h > 0 ? n - h : 0;
    return top;
}

int panel_move(int *pos, int action, int page, int end)
{
    switch (action) {
    case ACT_UP: --*pos; return 1;
    case ACT_DOWN: ++*pos; return 1;
    case ACT_PGUP: *pos -= page; return 1;
    case ACT_PGDN: *pos += page; return 1;
    case ACT_HOME: *pos = 0; return 1;
    case ACT_END: *pos = end; return 1;
    default: return 0;
    }
}

void panel_free(panel *p)
{
    if (!p)
        return;
    if (p->ops->free)
        p->ops->free(p);
    free(p->priv);
    free(p);
}
