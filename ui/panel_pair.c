/* panel_pair.c — two years of one body (y from a report; view_pair.c has
 * the data).  Two views, v switches: 表格 (the carried-over links first,
 * then every cell with both years' values and the change) and 正文 (the
 * narrative's sentences, repeated ones marked "=" and highlighted, with the
 * repeat share per section).  From VP_WIDE_MIN columns both years stand
 * side by side; below, one year at a time and Tab shows the other.  The
 * whole screen below the status bar is the panel's; arrows, PgUp/PgDn,
 * g/G and the wheel scroll it. */
#include "actions.h"
#include "draw.h"
#include "panel.h"
#include "util.h"
#include "view_pair.h"
#include "view_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { PM_TABLES = 0, PM_TEXT = 1 };
enum { MK_NONE = 0, MK_REPEAT, MK_INDENT };

/* One screen row of the view. */
typedef struct {
    int row;               /* a table row (index into vp->rows), -1: text */
    int split;             /* two halves side by side (wide) */
    const char *s[2];      /* text of each half (borrowed) */
    size_t len[2];
    theme_el el[2];
    int mark[2];           /* MK_*: "= " before a repeated sentence's first row, "  " before the others */
} pl_line;

typedef struct {
    view_pair *vp;
    int mode;              /* PM_TABLES or PM_TEXT */
    int shown;             /* narrow screens: the year shown (0 earlier, 1 later) */
    int top;
    pl_line *lines;
    int n;
    char **owned;          /* texts the lines point to that the panel made */
    int nowned;
} pair_state;

#define ST(p) ((pair_state *)(p)->priv)
#define LABEL_W 34
#define VALUE_W 10

static int wide(const panel *p)
{
    return p->r.w >= VP_WIDE_MIN;
}

static int body_rows(const panel *p)
{
    return p->r.h - 2 > 0 ? p->r.h - 2 : 0;   /* title and column header */
}

static void clear_lines(pair_state *s)
{
    for (int i = 0; i < s->nowned; i++)
        free(s->owned[i]);
    free(s->owned);
    free(s->lines);
    s->owned = NULL;
    s->lines = NULL;
    s->n = s->nowned = 0;
}

static const char *own(pair_state *s, char *text)
{
    s->owned = xrealloc(s->owned, (size_t)(s->nowned + 1) * sizeof *s->owned);
    s->owned[s->nowned++] = text;
    return text;
}

static pl_line *add_line(pair_state *s)
{
    s->lines = xrealloc(s->lines, (size_t)(s->n + 1) * sizeof *s->lines);
    pl_line *l = &s->lines[s->n++];
    memset(l, 0, sizeof *l);
    l->row = -1;
    l->el[0] = l->el[1] = EL_NORMAL;
    return l;
}

static void add_text(pair_state *s, const char *text, theme_el el)
{
    pl_line *l = add_line(s);
    l->s[0] = text;
    l->len[0] = strlen(text);
    l->el[0] = el;
}

/* ---- the tables view --------------------------------------------------------------------- */

static const char *const TABLE_TITLES[3] = {"表二 主动公开政府信息情况", "表三 收到和处理政府信息公开申请情况",
                                             "表四 政府信息公开行政复议、行政诉讼情况"};

static void build_tables(pair_state *s)
{
    const view_pair *vp = s->vp;
    add_text(s, "衔接：上年结转 = 上年的结转下年度；现行有效 = 上年现行有效 + 制发 − 废止", EL_HEADER);
    for (int i = 0; i < vp->nlinks; i++) {
        const vp_link *l = &vp->links[i];
        add_text(s, l->text, l->state == VP_LINK_DIFFERENT ? EL_ERROR : l->state == VP_LINK_UNKNOWN ? EL_WARNING
                                                                                                    : EL_NORMAL);
    }
    if (!vp->nlinks)
        add_text(s, "（两份报告没有可比较的结转或现行有效）", EL_NORMAL);
    int table = 0;
    for (int i = 0; i < vp->nrows; i++) {
        if (vp->rows[i].table != table) {
            table = vp->rows[i].table;
            add_text(s, "", EL_NORMAL);
            add_text(s, table >= 2 && table <= 4 ? TABLE_TITLES[table - 2] : "", EL_HEADER);
        }
        add_line(s)->row = i;
    }
}

/* ---- the narrative view ---------------------------------------------------------------------- */

/* The rows of one sentence wrapped into `width` columns (its mark included). */
static void wrap_sentence(const vp_sentence *se, int width, pl_line **out, int *n)
{
    const char *t = se->text;
    size_t len = strlen(t), at = 0;
    int first = 1, w = width - 2 > 4 ? width - 2 : 4;
    while (at < len || first) {
        size_t k = view_text_fit(t + at, len - at, 0, w, 0, NULL);
        if (k == 0 && at < len) {              /* one glyph wider than the room: take it anyway */
            view_glyph g;
            k = view_glyph_next(t + at, len - at, 0, 0, &g);
        }
        *out = xrealloc(*out, (size_t)(*n + 1) * sizeof **out);
        pl_line *l = &(*out)[(*n)++];
        memset(l, 0, sizeof *l);
        l->row = -1;
        l->s[0] = t + at;
        l->len[0] = k;
        l->el[0] = se->repeated ? EL_SEARCH : EL_NORMAL;
        l->mark[0] = first && se->repeated ? MK_REPEAT : MK_INDENT;
        at += k;
        first = 0;
    }
}

static char *share_text(const view_pair *vp, int k, int y)
{
    const vp_section_year *sy = &vp->sec[k][y];
    if (!sy->present && !sy->n)
        return xasprintf("%d年 缺此部分", vp->year[y]);
    if (!sy->n)
        return xasprintf("%d年 无成句的文字", vp->year[y]);
    return xasprintf("%d年 重复 %d/%d 句（%d%%）", vp->year[y], sy->nrep, sy->n, view_pair_share(vp, k, y));
}

static void build_text(pair_state *s, int width)
{
    const view_pair *vp = s->vp;
    int both = width >= VP_WIDE_MIN, cw = both ? (width - 3) / 2 : width;
    add_text(s, "= 与另一年相同的句子（数字、年份不计）；重复比例 = 相同的句数 / 本部分的句数", EL_HEADER);
    for (int k = 0; k < VP_SECTIONS; k++) {
        add_text(s, "", EL_NORMAL);
        if (VP_TABLE_SECTION(k)) {
            add_text(s, own(s, xasprintf("%s  （表格，见表格视图）", view_pair_section_name(k))), EL_HEADER);
            continue;
        }
        pl_line *h = add_line(s);
        h->el[0] = h->el[1] = EL_HEADER;
        if (both) {
            char *a = share_text(vp, k, 0), *b = share_text(vp, k, 1);
            h->split = 1;
            h->s[0] = own(s, xasprintf("%s  %s", view_pair_section_name(k), a));
            h->s[1] = own(s, xasprintf("%s  %s", view_pair_section_name(k), b));
            free(a);
            free(b);
        } else {
            char *a = share_text(vp, k, s->shown);
            h->s[0] = own(s, xasprintf("%s  %s", view_pair_section_name(k), a));
            free(a);
        }
        h->len[0] = strlen(h->s[0]);
        h->len[1] = h->s[1] ? strlen(h->s[1]) : 0;
        pl_line *col[2] = {NULL, NULL};
        int nc[2] = {0, 0};
        for (int y = 0; y < 2; y++) {
            if (!both && y != s->shown)
                continue;
            for (int i = 0; i < vp->sec[k][y].n; i++)
                wrap_sentence(&vp->sec[k][y].s[i], cw, &col[y], &nc[y]);
        }
        if (both) {
            int m = nc[0] > nc[1] ? nc[0] : nc[1];
            for (int i = 0; i < m; i++) {
                pl_line *l = add_line(s);
                l->split = 1;
                for (int y = 0; y < 2; y++)
                    if (i < nc[y]) {
                        l->s[y] = col[y][i].s[0];
                        l->len[y] = col[y][i].len[0];
                        l->el[y] = col[y][i].el[0];
                        l->mark[y] = col[y][i].mark[0];
                    }
            }
        } else {
            int y = s->shown;
            for (int i = 0; i < nc[y]; i++)
                *add_line(s) = col[y][i];
        }
        free(col[0]);
        free(col[1]);
    }
}

static void rebuild(panel *p)
{
    pair_state *s = ST(p);
    clear_lines(s);
    if (!s->vp || !s->vp->partner)
        return;
    if (s->mode == PM_TABLES)
        build_tables(s);
    else
        build_text(s, p->r.w);
    s->top = panel_scroll(s->top, s->top, body_rows(p), s->n);
}

/* ---- drawing ------------------------------------------------------------------------------------ */

static void cell(WINDOW *w, int y, int *x, int end, int width, const char *t, ui_style st, unsigned flags)
{
    int wdt = width < end - *x ? width : end - *x;
    if (wdt > 0)
        draw_text(w, y, *x, wdt, t, strlen(t), 0, st, DRAW_PAD | DRAW_MARK | flags);
    *x += wdt > 0 ? wdt + 1 : 0;
}

static void draw_row(panel *p, WINDOW *w, int y, const vp_row *r)
{
    const view_pair *vp = ST(p)->vp;
    const vp_link *l = r->link >= 0 ? &vp->links[r->link] : NULL;
    theme_el el = l && l->state == VP_LINK_DIFFERENT ? EL_ERROR
                  : r->has_change && (r->change > 1e-9 || r->change < -1e-9) ? EL_WARNING
                                                                                : EL_NORMAL;
    ui_style st = theme_style(el);
    int x = p->r.x, end = p->r.x + p->r.w;
    char ch[40];
    draw_fill(w, y, p->r.x, p->r.w, st);             /* the gaps between the columns */
    cell(w, y, &x, end, LABEL_W, r->label, st, 0);
    for (int k = 0; k < 2; k++)
        if (wide(p) || k == ST(p)->shown)
            cell(w, y, &x, end, VALUE_W, r->cell[k] < 0 ? "-" : r->text[k], st, DRAW_RIGHT);
    cell(w, y, &x, end, VALUE_W, view_pair_change_text(r, ch, sizeof ch), st, DRAW_RIGHT);
    cell(w, y, &x, end, end - x, l ? view_pair_link_mark(l->state) : "", st, 0);
}

static void draw_half(WINDOW *w, int y, int x, int width, const pl_line *l, int k)
{
    if (width <= 0)
        return;
    int used = 0;
    if (l->mark[k]) {
        const char *m = l->mark[k] == MK_REPEAT ? "= " : "  ";
        used = draw_text(w, y, x, width, m, 2, 0, theme_style(l->mark[k] == MK_REPEAT ? EL_SEARCH : EL_NORMAL), 0);
    }
    if (l->s[k])
        draw_text(w, y, x + used, width - used, l->s[k], l->len[k], 0, theme_style(l->el[k]), DRAW_PAD | DRAW_MARK);
    else
        draw_fill(w, y, x + used, width - used, theme_style(EL_NORMAL));
}

static const char *base_name(const char *path)
{
    const char *b = strrchr(path, '/');
    return b && b[1] ? b + 1 : path;
}

static void draw_header(panel *p, WINDOW *w, int y)
{
    pair_state *s = ST(p);
    const view_pair *vp = s->vp;
    ui_style st = theme_style(EL_HEADER);
    st.attr |= A_BOLD;
    int x = p->r.x, end = p->r.x + p->r.w;
    char ya[32], yb[32];
    draw_fill(w, y, p->r.x, p->r.w, st);
    snprintf(ya, sizeof ya, "%d年", vp->year[0]);
    snprintf(yb, sizeof yb, "%d年", vp->year[1]);
    if (s->mode == PM_TABLES) {
        cell(w, y, &x, end, LABEL_W, "单元格", st, 0);
        if (wide(p) || s->shown == 0)
            cell(w, y, &x, end, VALUE_W, ya, st, DRAW_RIGHT);
        if (wide(p) || s->shown == 1)
            cell(w, y, &x, end, VALUE_W, yb, st, DRAW_RIGHT);
        cell(w, y, &x, end, VALUE_W, "增减", st, DRAW_RIGHT);
        cell(w, y, &x, end, end - x, "衔接", st, 0);
        return;
    }
    if (wide(p)) {
        int cw = (p->r.w - 3) / 2;
        char *a = xasprintf("%s · %s", ya, base_name(vp->path[0]));
        char *b = xasprintf("%s · %s", yb, base_name(vp->path[1]));
        draw_text(w, y, x, cw, a, strlen(a), 0, st, DRAW_PAD | DRAW_MARK);
        draw_text(w, y, x + cw, 3, " | ", 3, 0, st, DRAW_PAD);
        draw_text(w, y, x + cw + 3, p->r.w - cw - 3, b, strlen(b), 0, st, DRAW_PAD | DRAW_MARK);
        free(a);
        free(b);
        return;
    }
    char *a = xasprintf("%s · %s", s->shown ? yb : ya, base_name(vp->path[s->shown]));
    draw_text(w, y, x, p->r.w, a, strlen(a), 0, st, DRAW_PAD | DRAW_MARK);
    free(a);
}

static void pair_draw(panel *p, WINDOW *w, int focused)
{
    pair_state *s = ST(p);
    const view_pair *vp = s->vp;
    if (!vp || !vp->partner)
        return;
    char yk[16], vk[16];
    actions_key_name(ACT_PAIR_YEAR, yk, sizeof yk);
    actions_key_name(ACT_PAIR_VIEW, vk, sizeof vk);
    char *title;
    if (wide(p))
        title = xasprintf("年度对比 · %s  %d 年 ↔ %d 年（本报告 %d 年；增减 = %d − %d）  %s 切换表格/正文",
                          s->mode == PM_TABLES ? "表格" : "正文", vp->year[0], vp->year[1], vp->year[vp->mine],
                          vp->year[1], vp->year[0], vk);
    else
        title = xasprintf("年度对比 · %s  %d 年 ↔ %d 年  显示 %d 年（%s 看 %d 年）", s->mode == PM_TABLES ? "表格" : "正文",
                          vp->year[0], vp->year[1], vp->year[s->shown], yk, vp->year[!s->shown]);
    panel_draw_title(w, p, title, focused);
    free(title);
    draw_header(p, w, p->r.y + 1);
    int h = body_rows(p), cw = (p->r.w - 3) / 2;
    for (int i = 0; i < h; i++) {
        int y = p->r.y + 2 + i, k = s->top + i;
        if (k >= s->n) {
            draw_fill(w, y, p->r.x, p->r.w, theme_style(EL_NORMAL));
            continue;
        }
        const pl_line *l = &s->lines[k];
        if (l->row >= 0) {
            draw_row(p, w, y, &vp->rows[l->row]);
        } else if (l->split) {
            draw_half(w, y, p->r.x, cw, l, 0);
            draw_text(w, y, p->r.x + cw, 3, " | ", 3, 0, theme_style(EL_NORMAL), DRAW_PAD);
            draw_half(w, y, p->r.x + cw + 3, p->r.w - cw - 3, l, 1);
        } else {
            draw_half(w, y, p->r.x, p->r.w, l, 0);
        }
    }
}

/* ---- keys ------------------------------------------------------------------------------------------ */

static int pair_key(panel *p, int action, const char *arg, ui_reply *out)
{
    (void)arg;
    pair_state *s = ST(p);
    int h = body_rows(p), last = s->n - h > 0 ? s->n - h : 0;
    if (panel_move(&s->top, action, h > 1 ? h - 1 : 1, last)) {
        s->top = s->top < 0 ? 0 : s->top > last ? last : s->top;
        return PR_HANDLED;
    }
    if (action == ACT_PAIR_VIEW) {
        s->mode = !s->mode;
        s->top = 0;
        rebuild(p);
        return PR_HANDLED;
    }
    if ((action == ACT_LEFT || action == ACT_RIGHT) && !wide(p)) {   /* ← the earlier year, → the later */
        int want = action == ACT_RIGHT;
        if (s->shown != want) {
            s->shown = want;
            rebuild(p);
        }
        snprintf(out->msg, sizeof out->msg, "显示 %d 年", s->vp->year[s->shown]);
        return PR_HANDLED;
    }
    if (action == ACT_PAIR_YEAR) {
        if (wide(p)) {
            snprintf(out->msg, sizeof out->msg, "窗口够宽，两年已并列显示（不足 %d 列时一次显示一年）", VP_WIDE_MIN);
            return PR_HANDLED;
        }
        s->shown = !s->shown;
        rebuild(p);
        snprintf(out->msg, sizeof out->msg, "显示 %d 年", s->vp->year[s->shown]);
        return PR_HANDLED;
    }
    return PR_IGNORED;
}

/* ---- the rest of the interface ------------------------------------------------------------------------ */

static void pair_open(panel *p, const ui_doc *d)
{
    pair_state *s = ST(p);
    p->doc = d;
    s->mode = PM_TABLES;
    s->top = 0;
    s->shown = s->vp ? s->vp->mine : 1;
    rebuild(p);
}

static void pair_resize(panel *p, ui_rect r)
{
    int was = p->r.w;
    p->r = r;
    if (r.w != was)
        rebuild(p);
    else
        ST(p)->top = panel_scroll(ST(p)->top, ST(p)->top, body_rows(p), ST(p)->n);
}

static void pair_select(panel *p, const ui_sel *sel)
{
    (void)p;
    (void)sel;
}

static void pair_free(panel *p)
{
    clear_lines(ST(p));
}

static const panel_ops PAIR_OPS = {
    .name = "pair", .open = pair_open, .resize = pair_resize, .draw = pair_draw, .key = pair_key,
    .select = pair_select, .free = pair_free,
};

panel *panel_pair_new(view_pair *vp)
{
    panel *p = panel_alloc(&PAIR_OPS, sizeof(pair_state));
    ST(p)->vp = vp;
    return p;
}
