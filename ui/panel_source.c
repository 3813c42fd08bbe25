/* panel_source.c — the report's source text with line numbers: the line
 * a selected cell or finding came from is highlighted (and marked '>' in
 * the gutter, for monochrome terminals) and scrolled into view; long lines
 * wrap or scroll sideways (w); / searches, n/N repeat the search. */
#include "actions.h"
#include "draw.h"
#include "panel.h"
#include "util.h"
#include "view_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int top;            /* first line shown, 0-based */
    int hoff;           /* columns scrolled sideways (no wrap) */
    int wrap;
    int hl;             /* highlighted line, 1-based, 0 none */
    char *query;        /* the active search, or NULL */
    int mline;          /* line of the current match, 0-based, -1 none */
    size_t moff;        /* its byte offset */
} src_state;

#define ST(p) ((src_state *)(p)->priv)

static const gk_text *text_of(const panel *p)
{
    return p->doc && p->doc->r ? p->doc->r->text : NULL;
}

static int nlines(const panel *p)
{
    const gk_text *t = text_of(p);
    return t ? (int)t->nlines : 0;
}

/* Digits of the last page of a PDF's text (its page column beside the
 * line numbers: "p3" where a page begins), 0 for other inputs. */
static int page_width(const panel *p)
{
    const gk_text *t = text_of(p);
    if (!t || !t->page || !t->nlines)
        return 0;
    char buf[16];
    return snprintf(buf, sizeof buf, "p%d", t->page[t->nlines - 1]) + 1;
}

static int gutter_width(const panel *p)
{
    char buf[16];
    return snprintf(buf, sizeof buf, "%d", nlines(p) > 0 ? nlines(p) : 1) + 2 + page_width(p);
}

static int text_width(const panel *p)
{
    int w = p->r.w - gutter_width(p);
    return w > 1 ? w : 1;
}

/* Bytes of line i worth showing: trailing blanks (tab grids end in runs
 * of tabs) would only wrap into empty rows. */
static size_t shown_len(const panel *p, int i)
{
    const gk_line *l = &text_of(p)->orig[i];
    size_t n = l->len;
    while (n > 0 && (l->s[n - 1] == ' ' || l->s[n - 1] == '\t' || l->s[n - 1] == '\r'))
        n--;
    return n;
}

/* Screen rows line i takes. */
static int line_rows(const panel *p, int i)
{
    const gk_line *l = &text_of(p)->orig[i];
    size_t len = shown_len(p, i);
    if (!ST(p)->wrap || len == 0)
        return 1;
    int w = text_width(p), rows = 0, col = 0;
    for (size_t b = 0; b < len; rows++) {
        int used;
        size_t fit = view_text_fit(l->s + b, len - b, col, w, DRAW_TABW, &used);
        if (fit == 0)
            return rows + 1;
        b += fit;
        col += used;
    }
    return rows;
}

static int body_rows(const panel *p)
{
    return p->r.h - 1 > 0 ? p->r.h - 1 : 0;
}

/* The largest top that still fills the panel. */
static int max_top(const panel *p)
{
    int n = nlines(p), rows = 0, i = n;
    while (i > 0 && rows + line_rows(p, i - 1) <= body_rows(p))
        rows += line_rows(p, --i);
    return i < n ? i : (n > 0 ? n - 1 : 0);
}

static void clamp_top(panel *p)
{
    src_state *s = ST(p);
    int m = max_top(p);
    if (s->top > m)
        s->top = m;
    if (s->top < 0)
        s->top = 0;
}

/* Scrolls so line i (0-based) is visible, a third of the way down if it was not. */
static void show_line(panel *p, int i)
{
    src_state *s = ST(p);
    int rows = 0, visible = 0;
    for (int k = s->top; k < nlines(p) && rows < body_rows(p); k++) {
        rows += line_rows(p, k);
        if (k == i && rows <= body_rows(p))
            visible = 1;
    }
    if (!visible) {
        int above = body_rows(p) / 3;
        s->top = i;
        while (s->top > 0 && above - line_rows(p, s->top - 1) >= 0)
            above -= line_rows(p, --s->top);
    }
    clamp_top(p);
}

/* ---- drawing ------------------------------------------------------------------ */

static int draw_line(panel *p, WINDOW *w, int y, int i, int yend)
{
    src_state *s = ST(p);
    const gk_line *l = &text_of(p)->orig[i];
    size_t len = shown_len(p, i);
    int gw = gutter_width(p), tw = text_width(p), hl = (i + 1 == s->hl);
    ui_style base = theme_style(hl ? EL_SOURCE_HL : EL_NORMAL);
    ui_style ln = theme_style(hl ? EL_SOURCE_HL : EL_LINENR);
    char num[48];
    int pw = page_width(p);
    if (pw) {                          /* the page where one begins: "p3  56 " */
        const int *pg = text_of(p)->page;
        char pc[16] = "";
        if (i == 0 || pg[i] != pg[i - 1])
            snprintf(pc, sizeof pc, "p%d", pg[i]);
        snprintf(num, sizeof num, "%c%-*s%*d ", hl ? '>' : ' ', pw, pc, gw - 2 - pw, i + 1);
    } else {
        snprintf(num, sizeof num, "%c%*d ", hl ? '>' : ' ', gw - 2, text_file_line(text_of(p), i + 1));
    }
    draw_text(w, y, p->r.x, gw, num, strlen(num), 0, ln, DRAW_PAD);
    draw_opts o = {base, theme_style(EL_SEARCH), 0, 0, DRAW_TABW};
    if (s->query && s->mline == i) {
        o.hl_from = s->moff;
        o.hl_to = s->moff + strlen(s->query);
    }
    if (!s->wrap) {
        draw_textx(w, y, p->r.x + gw, tw, l->s, len, s->hoff, &o, DRAW_PAD | DRAW_MARK);
        return 1;
    }
    int rows = 0, col = 0;
    size_t b = 0;
    do {
        if (rows > 0)
            draw_text(w, y + rows, p->r.x, gw, "", 0, 0, ln, DRAW_PAD);
        int used;
        size_t fit = view_text_fit(l->s + b, len - b, col, tw, DRAW_TABW, &used);
        draw_textx(w, y + rows, p->r.x + gw, tw, l->s, b + fit, col, &o, DRAW_PAD);
        rows++;
        if (fit == 0)
            break;
        b += fit;
        col += used;
    } while (b < len && y + rows < yend);
    return rows;
}

static void src_draw(panel *p, WINDOW *w, int focused)
{
    src_state *s = ST(p);
    char title[256];
    const gk_text *t = text_of(p);
    if (!t) {
        panel_draw_title(w, p, "原文", focused);
        for (int r = 1; r < p->r.h; r++)
            draw_fill(w, p->r.y + r, p->r.x, p->r.w, theme_style(EL_NORMAL));
        if (p->doc && p->doc->error)
            draw_wrap(w, p->r.y + 1, p->r.x, p->r.w, p->r.h - 1, "（无法读取，见右侧说明）",
                      theme_style(EL_NORMAL));
        return;
    }
    int n = snprintf(title, sizeof title, "原文 %d/%zu行%s%s", text_file_line(t, s->hl ? s->hl : s->top + 1),
                     t->nlines, t->fileline ? " 各页倒序" : "", s->wrap ? "" : " 不换行");
    int at = s->hl ? s->hl - 1 : s->top;   /* a PDF's lines carry their page */
    if (t->page && at >= 0 && (size_t)at < t->nlines && n > 0 && (size_t)n < sizeof title)
        n += snprintf(title + n, sizeof title - (size_t)n, " 第%d页", t->page[at]);
    if (s->query && n > 0 && (size_t)n < sizeof title)
        n += snprintf(title + n, sizeof title - (size_t)n, " /%s", s->query);
    if (n > 0 && (size_t)n < sizeof title)
        snprintf(title + n, sizeof title - (size_t)n, " %s", t->encoding);
    panel_draw_title(w, p, title, focused);
    int y = p->r.y + 1, yend = p->r.y + p->r.h;
    for (int i = s->top; i < (int)t->nlines && y < yend; i++)
        y += draw_line(p, w, y, i, yend);
    for (; y < yend; y++)
        draw_fill(w, y, p->r.x, p->r.w, theme_style(EL_NORMAL));
}

/* ---- searching -------------------------------------------------------------------- */

/* Finds the query from (line, off) in direction dir; returns 1 when found. */
static int search_from(panel *p, int line, size_t off, int dir, int *wrapped)
{
    src_state *s = ST(p);
    const gk_text *t = text_of(p);
    int n = (int)t->nlines;
    *wrapped = 0;
    for (int step = 0; step <= n; step++, line += dir, off = dir > 0 ? 0 : (size_t)-1) {
        if (line >= n || line < 0) {
            line = line < 0 ? n - 1 : 0;
            *wrapped = 1;
        }
        const char *str = t->orig[line].s, *hit = NULL;
        for (const char *q = str; (q = strcasestr(q, s->query)) != NULL; q++) {
            size_t at = (size_t)(q - str);
            if (dir > 0 ? at >= off : (off == (size_t)-1 || at < off)) {
                hit = q;
                if (dir > 0)
                    break;
            }
        }
        if (hit) {
            s->mline = line;
            s->moff = (size_t)(hit - str);
            return 1;
        }
    }
    return 0;
}

static int src_search(panel *p, int action, const char *arg, ui_reply *out)
{
    src_state *s = ST(p);
    int wrapped = 0, found;
    if (action == ACT_SEARCH) {
        free(s->query);
        s->query = xstrdup(arg);
        found = search_from(p, s->top, 0, 1, &wrapped);
    } else {
        int dir = action == ACT_NEXT_FLAG ? 1 : -1;
        found = s->mline >= 0 && search_from(p, s->mline, s->moff + (dir > 0), dir, &wrapped);
    }
    if (!found) {
        snprintf(out->msg, sizeof out->msg, "未找到「%s」", s->query);
        s->mline = -1;
        return PR_HANDLED;
    }
    if (wrapped && action != ACT_SEARCH)
        snprintf(out->msg, sizeof out->msg, "已从%s继续搜索", action == ACT_PREV_FLAG ? "末尾" : "开头");
    show_line(p, s->mline);
    return PR_HANDLED;
}

/* ---- keys ------------------------------------------------------------------------- */

static int src_key(panel *p, int action, const char *arg, ui_reply *out)
{
    src_state *s = ST(p);
    if (!text_of(p))
        return PR_IGNORED;
    int page = body_rows(p) > 2 ? body_rows(p) - 2 : 1;
    switch (action) {
    case ACT_LEFT: s->hoff = s->wrap || s->hoff < 8 ? 0 : s->hoff - 8; break;
    case ACT_RIGHT: s->hoff += s->wrap ? 0 : 8; break;
    case ACT_WRAP: s->wrap = !s->wrap; s->hoff = 0; break;
    case ACT_CANCEL:
        free(s->query);
        s->query = NULL;
        s->mline = -1;
        break;
    case ACT_SEARCH: return src_search(p, action, arg, out);
    case ACT_NEXT_FLAG:
    case ACT_PREV_FLAG:
        return s->query ? src_search(p, action, arg, out) : PR_IGNORED;
    default:
        if (!panel_move(&s->top, action, page, nlines(p)))
            return PR_IGNORED;
    }
    clamp_top(p);
    return PR_HANDLED;
}

/* ---- lifecycle -------------------------------------------------------------------- */

static void src_open(panel *p, const ui_doc *d)
{
    src_state *s = ST(p);
    p->doc = d;
    s->top = s->hoff = s->hl = 0;
    s->mline = -1;
}

static void src_resize(panel *p, ui_rect r)
{
    p->r = r;
    if (text_of(p)) {
        clamp_top(p);
        if (ST(p)->hl > 0)
            show_line(p, ST(p)->hl - 1);
    }
}

static void src_select(panel *p, const ui_sel *sel)
{
    src_state *s = ST(p);
    s->hl = sel->line;
    if (text_of(p) && sel->line > 0 && sel->line <= nlines(p))
        show_line(p, sel->line - 1);
}

static void src_free(panel *p)
{
    free(ST(p)->query);
}

static const panel_ops SOURCE_OPS = {
    .name = "source", .open = src_open, .resize = src_resize, .draw = src_draw, .key = src_key,
    .select = src_select, .free = src_free,
};

panel *panel_source_new(void)
{
    panel *p = panel_alloc(&SOURCE_OPS, sizeof(src_state));
    ST(p)->wrap = 1;
    ST(p)->mline = -1;
    return p;
}
