/* view_text.c — glyphs, widths and placeholders for text shown on a
 * terminal (see view_text.h).  Owns no state. */
#include "view_text.h"
#include "safe.h"
#include "text.h"

#include <stdio.h>
#include <string.h>

/* Invisible format characters that are never combining marks. */
static int is_format(unsigned cp)
{
    return (cp >= 0x200B && cp <= 0x200D) || (cp >= 0x2028 && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF || cp == 0x180E || cp == 0x061C ||
           (cp >= 0xFFF9 && cp <= 0xFFFB);
}

static void set_ascii(view_glyph *g, const char *s)
{
    g->kind = VIEW_G_PH;
    g->n = 0;
    for (; *s && g->n < VIEW_GLYPH_MAX; s++)
        g->wc[g->n++] = (wchar_t)(unsigned char)*s;
    g->width = g->n;
}

static void set_placeholder(view_glyph *g, unsigned cp)
{
    char buf[16];
    safe_placeholder(cp, buf, sizeof buf);
    set_ascii(g, buf);
}

static void set_replacement(view_glyph *g)
{
    g->kind = VIEW_G_PH;
    g->wc[0] = 0xFFFD;
    g->n = 1;
    g->width = 1;
}

/* Width of a printable code point, or -1 when it has to be a placeholder. */
static int cp_width(unsigned cp)
{
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || is_format(cp))
        return -1;
    int w = wcwidth((wchar_t)cp);
    return w > 0 ? (w > 2 ? 2 : w) : -1;
}

static int is_combining(unsigned cp)
{
    return cp >= 0x300 && !is_format(cp) && wcwidth((wchar_t)cp) == 0;
}

size_t view_glyph_next(const char *s, size_t len, int col, int tabw, view_glyph *g)
{
    unsigned cp;
    int n = utf8_decode(s, len, &cp);
    if (n <= 0) {
        set_replacement(g);
        return 1;
    }
    if (cp == '\t') {
        g->kind = VIEW_G_TAB;
        g->n = 0;
        g->width = tabw > 0 ? tabw - (col % tabw) : 1;
        return 1;
    }
    int w = cp_width(cp);
    if (w < 0) {
        set_placeholder(g, cp);
        return (size_t)n;
    }
    g->kind = VIEW_G_CHAR;
    g->wc[0] = (wchar_t)cp;
    g->n = 1;
    g->width = w;
    size_t used = (size_t)n;
    while (used < len && g->n < 5) {           /* ncurses keeps up to 4 combining marks */
        int m = utf8_decode(s + used, len - used, &cp);
        if (m <= 0 || !is_combining(cp))
            break;
        g->wc[g->n++] = (wchar_t)cp;
        used += (size_t)m;
    }
    return used;
}

int view_text_width(const char *s, size_t len, int tabw)
{
    int col = 0;
    view_glyph g;
    for (size_t i = 0; i < len;) {
        i += view_glyph_next(s + i, len - i, col, tabw, &g);
        col += g.width;
    }
    return col;
}

size_t view_text_fit(const char *s, size_t len, int col0, int width, int tabw, int *used)
{
    int col = col0;
    size_t i = 0;
    view_glyph g;
    while (i < len) {
        size_t n = view_glyph_next(s + i, len - i, col, tabw, &g);
        if (col - col0 + g.width > width)
            break;
        col += g.width;
        i += n;
    }
    if (used)
        *used = col - col0;
    return i;
}
