/* draw.c — the text helper every panel draws with (see draw.h).  Glyphs
 * and placeholders come from ui/model/view_text.c; this file only places them
 * with the wide-character curses API. */
#include "draw.h"
#include "util.h"
#include "view_text.h"

#include <string.h>

static void put_cell(WINDOW *w, int y, int x, const wchar_t *wc, int n, ui_style st)
{
    wchar_t buf[CCHARW_MAX + 1];
    if (n > CCHARW_MAX)
        n = CCHARW_MAX;
    memcpy(buf, wc, (size_t)n * sizeof *wc);
    buf[n] = L'\0';
    cchar_t cc;
    if (setcchar(&cc, buf, st.attr, st.pair, NULL) == OK)
        mvwadd_wch(w, y, x, &cc);
}

static void put_char(WINDOW *w, int y, int x, wchar_t c, ui_style st)
{
    put_cell(w, y, x, &c, 1, st);
}

void draw_fill(WINDOW *w, int y, int x, int width, ui_style st)
{
    for (int i = 0; i < width; i++)
        put_char(w, y, x + i, L' ', st);
}

/* Draws one glyph whose first column is output column gx. */
static void put_glyph(WINDOW *w, int y, int x, int gx, const view_glyph *g, ui_style st)
{
    if (g->kind == VIEW_G_CHAR) {
        put_cell(w, y, x + gx, g->wc, g->n, st);
    } else if (g->kind == VIEW_G_TAB) {
        draw_fill(w, y, x + gx, g->width, st);
    } else {
        ui_style ph = theme_style(EL_PLACEHOLDER);
        for (int k = 0; k < g->n; k++)
            put_char(w, y, x + gx + k, g->wc[k], ph);
    }
}

static ui_style style_at(const draw_opts *o, size_t i)
{
    return o->hl_to > o->hl_from && i >= o->hl_from && i < o->hl_to ? o->hl : o->st;
}

int draw_textx(WINDOW *w, int y, int x, int width, const char *s, size_t len, int skip,
               const draw_opts *o, unsigned flags)
{
    if (width <= 0)
        return 0;
    if (skip < 0)
        skip = 0;
    int total = view_text_width(s, len, o->tabw);
    int lmark = (flags & DRAW_MARK) && skip > 0;
    int rmark = (flags & DRAW_MARK) && total - skip > width - lmark;
    if ((flags & DRAW_RIGHT) && !skip && total < width) {
        if (flags & DRAW_PAD)
            draw_fill(w, y, x, width - total, o->st);
        x += width - total;
        width = total;
    }
    int start = lmark, end = rmark ? width - 1 : width;
    int col = 0;
    view_glyph g;
    for (size_t i = 0; i < len;) {
        size_t n = view_glyph_next(s + i, len - i, col, o->tabw, &g);
        int gx = col - skip;
        if (gx + g.width > end)
            break;
        if (gx >= start)
            put_glyph(w, y, x, gx, &g, style_at(o, i));
        else if (gx + g.width > start)        /* straddles the left edge */
            draw_fill(w, y, x + start, gx + g.width - start, o->st);
        col += g.width;
        i += n;
    }
    int drawn = col - skip < 0 ? 0 : col - skip;
    if (drawn > end)
        drawn = end;
    if (drawn < start)
        drawn = start;
    if (lmark)
        put_char(w, y, x, L'<', o->st);
    if (rmark || (flags & DRAW_PAD))
        draw_fill(w, y, x + drawn, end - drawn, o->st);
    if (rmark)
        put_char(w, y, x + width - 1, L'>', o->st);
    return rmark || (flags & DRAW_PAD) ? width : drawn;
}

int draw_text(WINDOW *w, int y, int x, int width, const char *s, size_t len, int skip,
              ui_style st, unsigned flags)
{
    draw_opts o = {st, st, 0, 0, 0};
    return draw_textx(w, y, x, width, s, len, skip, &o, flags);
}

int draw_str(WINDOW *w, int y, int x, int width, const char *s, ui_style st)
{
    return draw_text(w, y, x, width, s ? s : "", s ? strlen(s) : 0, 0, st, DRAW_PAD | DRAW_MARK);
}

int draw_width(const char *s, int tabw)
{
    return s ? view_text_width(s, strlen(s), tabw) : 0;
}

/* Where wrapped rows go; NULL only counts them. */
typedef struct {
    WINDOW *w;
    int y, x, width;
    ui_style st;
} wrap_target;

/* Walks the rows of the wrapped text, at most `height` (< 0: no limit),
 * drawing them when t is set; returns the rows. */
static int wrap_walk(const char *s, int width, int height, const wrap_target *t)
{
    int rows = 0;
    size_t len = strlen(s);
    for (size_t i = 0; i <= len;) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t plen = nl ? (size_t)(nl - (s + i)) : len - i;
        size_t p = 0;
        do {
            if (height >= 0 && rows >= height)
                return rows;
            int last = height >= 0 && rows == height - 1;
            size_t fit = view_text_fit(s + i + p, plen - p, 0, width, 0, NULL);
            int more = p + fit < plen || nl != NULL;
            if (last && more)
                fit = view_text_fit(s + i + p, plen - p, 0, width - 1, 0, NULL);
            if (t)
                draw_text(t->w, t->y + rows, t->x, t->width, s + i + p, fit, 0, t->st,
                          DRAW_PAD | (last && more ? DRAW_MARK : 0));
            if (t && last && more)
                draw_text(t->w, t->y + rows, t->x + t->width - 1, 1, ">", 1, 0, t->st, 0);
            rows++;
            if (fit == 0)
                break;                         /* not even one glyph fits */
            p += fit;
        } while (p < plen);
        if (!nl)
            break;
        i += plen + 1;
    }
    return rows;
}

int draw_wrap(WINDOW *w, int y, int x, int width, int height, const char *s, ui_style st)
{
    if (width <= 0 || height <= 0)
        return 0;
    wrap_target t = {w, y, x, width, st};
    return wrap_walk(s ? s : "", width, height, &t);
}

int draw_wrap_rows(const char *s, int width)
{
    return width > 0 ? wrap_walk(s ? s : "", width, -1, NULL) : 0;
}

char *draw_clip_middle(const char *s, int width)
{
    size_t len = strlen(s);
    int total = view_text_width(s, len, 0);
    if (total <= width || width < 3)
        return xstrdup(s);
    int head = (width - 1) / 2, tail = width - 1 - head;
    size_t h = view_text_fit(s, len, 0, head, 0, NULL), t = len;
    for (size_t i = h; i < len;) {          /* the first glyph from which the rest fits */
        view_glyph g;
        if (view_text_width(s + i, len - i, 0) <= tail) {
            t = i;
            break;
        }
        i += view_glyph_next(s + i, len - i, 0, 0, &g);
    }
    sbuf b;
    sbuf_init(&b);
    sbuf_add(&b, s, h);
    sbuf_addc(&b, '~');
    sbuf_add(&b, s + t, len - t);
    return sbuf_steal(&b);
}
