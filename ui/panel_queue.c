/* panel_queue.c — the report queue (several reports or a folder): one line
 * per report with its review state, errors, warnings, year, format, body and
 * file name, or why it cannot be read, the years it is paired with (on wide
 * screens) and [重复] when another report has the same body and year; sorted
 * (o: by errors, name, state, body, year), filtered (E, U) and searched (/);
 * Enter or a double click opens the report under the cursor.  The lines come from view_queue.c,
 * which fills them in while the reviewer already works. */
#include "actions.h"
#include "draw.h"
#include "panel.h"
#include "util.h"
#include "view_queue.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    view_queue *q;
    int cur, top;          /* position in q->order */
    int cur_file;          /* the file under the cursor, -1 none */
    int follow;            /* the reviewer chose that file: the cursor follows it when the
                            * order changes (otherwise it keeps its place, at the top) */
} que_state;

#define ST(p) ((que_state *)(p)->priv)

static int body_rows(const panel *p)
{
    return p->r.h - 2 > 0 ? p->r.h - 2 : 0;   /* title and column header */
}

/* The cursor follows its file when the order changes. */
static void que_sync(panel *p)
{
    que_state *s = ST(p);
    int n = (int)s->q->norder;
    int pos = s->follow && s->cur_file >= 0 ? view_queue_pos(s->q, (size_t)s->cur_file) : -1;
    if (pos >= 0)
        s->cur = pos;
    s->cur = s->cur >= n ? n - 1 : s->cur < 0 ? 0 : s->cur;
    s->cur_file = n ? s->q->order[s->cur] : -1;
    s->top = panel_scroll(s->top, s->cur, body_rows(p), n);
}

/* ---- drawing ------------------------------------------------------------------------ */

static const char *file_name(const panel *p, int i)
{
    const char *path = ST(p)->q->b->files.v[i].path, *s = strrchr(path, '/');
    return s && s[1] ? s + 1 : path;
}

static void cell(WINDOW *w, int y, int *x, int end, int width, const char *s, ui_style st, unsigned flags)
{
    int wdt = width < end - *x ? width : end - *x;
    if (wdt > 0)
        draw_text(w, y, *x, wdt, s, strlen(s), 0, st, DRAW_PAD | DRAW_MARK | flags);
    *x += wdt > 0 ? wdt + 1 : 0;
}

static void draw_head(panel *p, WINDOW *w, int y)
{
    ui_style st = theme_style(EL_NORMAL);
    st.attr |= A_BOLD;
    int x = p->r.x + 2, end = p->r.x + p->r.w;
    draw_fill(w, y, p->r.x, p->r.w, st);
    cell(w, y, &x, end, 8, "审核状态", st, 0);
    cell(w, y, &x, end, 4, "错误", st, DRAW_RIGHT);
    cell(w, y, &x, end, 4, "警告", st, DRAW_RIGHT);
    cell(w, y, &x, end, 4, "年度", st, 0);
    if (p->r.w >= 100)
        cell(w, y, &x, end, 9, "配对年度", st, 0);
    cell(w, y, &x, end, 6, "格式", st, 0);
    cell(w, y, &x, end, end - x, "单位 · 文件", st, 0);
}

static void draw_counts(WINDOW *w, int y, int *x, int end, const vq_item *it, ui_style base, int sel)
{
    char e[16] = "", wn[16] = "";
    if (it->status == VQ_CHECKED) {
        snprintf(e, sizeof e, "%d", it->nerrors);
        snprintf(wn, sizeof wn, "%d", it->nwarnings);
    }
    ui_style es = !sel && it->nerrors ? theme_style(EL_ERROR) : base;
    ui_style ws = !sel && it->nwarnings ? theme_style(EL_WARNING) : base;
    cell(w, y, x, end, 4, e, es, DRAW_RIGHT);
    cell(w, y, x, end, 4, wn, ws, DRAW_RIGHT);
}

static void draw_row(panel *p, WINDOW *w, int y, int k, int focused)
{
    que_state *s = ST(p);
    int i = s->q->order[k], sel = k == s->cur && focused;
    const vq_item *it = &s->q->v[i];
    ui_style base = theme_style(sel ? EL_SELECTED : EL_NORMAL);
    int x = p->r.x, end = p->r.x + p->r.w;
    draw_fill(w, y, x, p->r.w, base);
    cell(w, y, &x, end, 1, k == s->cur ? ">" : " ", base, 0);
    const char *state = it->status == VQ_UNREADABLE ? "无法读取"
                        : it->status == VQ_PENDING  ? "待检查"
                        : it->stale                 ? "重新检查"
                                                    : sidecar_state_name(it->review);
    ui_style ss = sel ? base : theme_style(it->status == VQ_UNREADABLE ? EL_ERROR
                                           : it->status == VQ_PENDING ? EL_DISMISSED : EL_NORMAL);
    cell(w, y, &x, end, 8, state, ss, 0);
    draw_counts(w, y, &x, end, it, base, sel);
    char year[16] = "";
    if (it->year)
        snprintf(year, sizeof year, "%d", it->year);
    cell(w, y, &x, end, 4, year, base, 0);
    if (p->r.w >= 100) {
        int py = view_queue_partner_year(s->q, (size_t)i, -1), ny = view_queue_partner_year(s->q, (size_t)i, 1);
        char pair[32] = "";
        if (py && ny)
            snprintf(pair, sizeof pair, "%d %d", py, ny);
        else if (py || ny)
            snprintf(pair, sizeof pair, "%d", py ? py : ny);
        cell(w, y, &x, end, 9, pair, base, 0);
    }
    const char *fmt = it->status != VQ_CHECKED ? "" : it->format == GK_FMT_2019 ? "2019版"
                                                   : it->format == GK_FMT_2021 ? "2021版" : "未识别";
    cell(w, y, &x, end, 6, fmt, base, 0);
    char *rest = it->status == VQ_UNREADABLE
                     ? xasprintf("%s · 原因：%s", file_name(p, i), it->why ? it->why : "")
                     : xasprintf("%s%s · %s", it->dup ? "[重复] " : "", it->body ? it->body : "（未识别单位）",
                                 file_name(p, i));
    cell(w, y, &x, end, end - x, rest, base, 0);
    free(rest);
}

static void que_draw(panel *p, WINDOW *w, int focused)
{
    que_state *s = ST(p);
    que_sync(p);
    char title[256];
    int n = snprintf(title, sizeof title, "报告队列 · 排序：%s", view_queue_sort_name(s->q->sort));
    if (n > 0 && (size_t)n < sizeof title && s->q->filter)
        snprintf(title + n, sizeof title - (size_t)n, " · 只看%s%s%s",
                 s->q->filter & VQ_ONLY_ERRORS ? "有错误的" : "",
                 s->q->filter == (VQ_ONLY_ERRORS | VQ_ONLY_OPEN) ? "、" : "",
                 s->q->filter & VQ_ONLY_OPEN ? "未审完的" : "");
    n = (int)strlen(title);
    if (s->q->query && (size_t)n < sizeof title)
        snprintf(title + n, sizeof title - (size_t)n, " · 搜索「%s」：%zu 份", s->q->query, s->q->norder);
    panel_draw_title(w, p, title, focused);
    draw_head(p, w, p->r.y + 1);
    int y = p->r.y + 2, yend = p->r.y + p->r.h;
    for (int k = s->top; k < (int)s->q->norder && y < yend; k++)
        draw_row(p, w, y++, k, focused);
    if (s->q->norder == 0 && y < yend) {
        const char *empty = s->q->query    ? "（没有符合搜索的报告；按 / 再回车清除搜索）"
                            : s->q->filter ? "（没有符合筛选条件的报告；再按 E 或 U 取消筛选）"
                                           : "（没有报告）";
        draw_str(w, y++, p->r.x, p->r.w, empty, theme_style(EL_NORMAL));
    }
    for (; y < yend; y++)
        draw_fill(w, y, p->r.x, p->r.w, theme_style(EL_NORMAL));
}

/* ---- keys ------------------------------------------------------------------------------ */

static int toggle(panel *p, unsigned bit, const char *what, ui_reply *out)
{
    que_state *s = ST(p);
    s->q->filter ^= bit;
    view_queue_reorder(s->q);
    snprintf(out->msg, sizeof out->msg, "%s%s：%zu 份", s->q->filter & bit ? "只看" : "取消筛选 ", what,
             s->q->norder);
    return PR_HANDLED;
}

static int que_key(panel *p, int action, const char *arg, ui_reply *out)
{
    (void)arg;
    que_state *s = ST(p);
    int page = body_rows(p) > 1 ? body_rows(p) - 1 : 1;
    que_sync(p);
    switch (action) {
    case ACT_SORT:
        s->q->sort = (s->q->sort + 1) % VQ_NSORTS;
        view_queue_reorder(s->q);
        snprintf(out->msg, sizeof out->msg, "排序：%s", view_queue_sort_name(s->q->sort));
        return PR_HANDLED;
    case ACT_ONLY_ERRORS: return toggle(p, VQ_ONLY_ERRORS, "有错误或无法读取的报告", out);
    case ACT_ONLY_OPEN: return toggle(p, VQ_ONLY_OPEN, "未审完的报告", out);
    case ACT_OPEN:
        if (s->q->norder == 0)
            return PR_HANDLED;
        out->open = s->q->order[s->cur];
        return PR_HANDLED | PR_OPEN;
    default:
        if (!panel_move(&s->cur, action, page, (int)s->q->norder - 1))
            return PR_IGNORED;
    }
    s->follow = 0;                      /* moved: the position decides, then the file */
    que_sync(p);
    s->follow = 1;
    return PR_HANDLED;
}

/* A click puts the cursor on a report; a double click opens it. */
static int que_click(panel *p, int y, int x, int dbl, ui_reply *out)
{
    (void)x;
    que_state *s = ST(p);
    int k = s->top + (y - p->r.y - 2);
    if (y < p->r.y + 2 || k < 0 || k >= (int)s->q->norder)
        return PR_HANDLED;
    s->cur = k;
    s->follow = 0;
    que_sync(p);
    s->follow = 1;
    if (!dbl)
        return PR_HANDLED;
    out->open = s->q->order[s->cur];
    return PR_HANDLED | PR_OPEN;
}

/* ---- lifecycle -------------------------------------------------------------------------- */

static void que_open(panel *p, const ui_doc *d)
{
    p->doc = d;
}

static void que_resize(panel *p, ui_rect r)
{
    p->r = r;
}

/* sel.cell is taken as a file index: put the cursor on it. */
static void que_select(panel *p, const ui_sel *sel)
{
    ST(p)->cur_file = sel->cell;
    ST(p)->follow = 1;
}

static const panel_ops QUEUE_OPS = {
    .name = "queue", .open = que_open, .resize = que_resize, .draw = que_draw, .key = que_key,
    .select = que_select, .changed = que_sync, .click = que_click,
};

panel *panel_queue_new(view_queue *q)
{
    panel *p = panel_alloc(&QUEUE_OPS, sizeof(que_state));
    ST(p)->q = q;
    ST(p)->cur_file = -1;
    return p;
}
