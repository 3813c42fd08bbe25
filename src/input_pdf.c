/* input_pdf.c — a PDF to report text, through poppler (poppler-glib).
 *
 * poppler gives each page's characters with their boxes; the lines are
 * rebuilt from the boxes, not taken from poppler's reading order:
 *   - characters whose vertical centres are close form a line, ordered left
 *     to right; a gap wider than about a character splits the line into
 *     cells, a smaller one is a space (two for a gap of about two spaces, as
 *     PDF text separated by runs of spaces has them);
 *   - consecutive lines of two cells or more (and up to four single-cell
 *     lines between them close under one another: a cell's text wrapped
 *     inside it; also at the foot of a page when the table goes on on the
 *     next) are a table, one over a page break: its numbers give the columns
 *     of numbers (the extents of one column's numbers overlap, however they
 *     are aligned in their cells; a header over one column widens it), the
 *     cells left of them the label columns (their extents, narrowest first:
 *     a cell over two of them makes none), and each row is written with its
 *     cells at their columns, separated by tabs, empty where a column is
 *     empty;
 *   - a table printed with its cells' borders (Word, WPS, a browser) is read
 *     by them: each page that may hold a table is drawn (cairo, a pixel a
 *     point) with its characters' middles painted over, and the thin dark
 *     strokes left are its rules.  A vertical rule between two characters
 *     parts them however close they stand (narrow cells' numbers); the lines
 *     between two horizontal rules crossed by borders at three places or more
 *     are one row, each
 *     cell's lines joined (a label wrapped in its cell, a number printed in
 *     the middle of the row's height, an item number on a line of its own),
 *     a cell over several rows written in its first, and every line inside
 *     such a table is the table's;
 *   - a label printed one character per line (a group label in a merged
 *     cell) is read as one label, in the row where it starts;
 *   - a line at the top or bottom of a page that repeats on other pages
 *     (digits aside), or that is only a page number ("- 3 -", "第3页",
 *     "3/12"), is a page header or footer and dropped, so a table that
 *     continues on the next page continues in the text;
 *   - a line that reaches the right margin and is followed by one starting
 *     at the left margin is joined with it (a wrapped paragraph);
 *   - a vertical gap of a line or more becomes empty lines.
 * Each line keeps the page it was printed on.  A PDF without any text is a
 * scan; an encrypted or broken one is named as such. */
#include "input.h"
#include "input_out.h"
#include "util.h"

#include <glib.h>
#include <math.h>
#include <poppler.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The lines of one table cell's text wrapped under its first, read as part of the table. */
#define WRAP_LINES 4

/* Pages and characters read at most (a report has a few pages). */
#define PDF_MAX_PAGES 2000
#define PDF_MAX_GLYPHS 4000000

typedef struct {
    unsigned cp;
    double x1, y1, x2, y2;
} glyph;

typedef struct {
    char *text;         /* UTF-8, spaces inside */
    double x1, x2;
    double y;           /* centre */
    double lw;          /* its last character's width */
} group;

typedef struct {
    group *g;
    int ng;
    double y, h;        /* centre, character height */
    double x1, x2;
    int page;
    double pw;          /* the page's width */
    int drop;           /* a header or footer */
    int table;          /* part of a table block */
    int vstack;         /* 1: a lone character, part of a vertical label */
} pline;

typedef struct {
    pline *v;
    size_t n, cap;
} plines;

/* A horizontal rule drawn on a page (a table's border between two rows), in the
 * page's points, y downwards as the glyphs' boxes. */
typedef struct {
    double y, x1, x2;
} hrule;

/* A vertical rule (a border between two cells of a row). */
typedef struct {
    double x, y1, y2;
} vrule;

/* A page's rules, as page_rules() found them. */
typedef struct {
    hrule *v;           /* by height; the heights of rules drawn at one height made one */
    size_t n;
    double *ys;         /* the heights, each once, ascending: the bands between them are rows */
    size_t nys;
    vrule *vv;          /* the vertical rules */
    size_t nvv;
} ruling;

static int cmp_glyph_y(const void *a, const void *b)
{
    const glyph *p = a, *q = b;
    double pa = (p->y1 + p->y2) / 2, qa = (q->y1 + q->y2) / 2;
    return pa < qa ? -1 : pa > qa;
}

static int cmp_glyph_x(const void *a, const void *b)
{
    const glyph *p = a, *q = b;
    return p->x1 < q->x1 ? -1 : p->x1 > q->x1;
}

static void add_cp(sbuf *b, unsigned cp)
{
    char u[4];
    int n = utf8_encode(cp, u);
    sbuf_add(b, u, (size_t)n);
}

/* A vertical rule of the page between glyphs a and b (a before b) at height y:
 * two cells' border, in the gap between them or at the edge of either's box,
 * and taller than their boxes (a character's stroke is not). */
static int rule_between(const ruling *R, const glyph *a, const glyph *b, double y)
{
    double x1 = a->x2 - 0.25 * (a->x2 - a->x1) - 0.5, x2 = b->x1 + 0.25 * (b->x2 - b->x1) + 0.5;
    double top = fmin(a->y1, b->y1), bottom = fmax(a->y2, b->y2), gh = bottom - top;
    for (size_t k = 0; k < R->nvv; k++) {
        const vrule *v = &R->vv[k];
        if (v->x < x1 || v->x > x2 || v->y1 > y || y > v->y2)
            continue;
        /* past the boxes' top and bottom (a cell's border), or over most of their height
         * and twice as long (a border through several rows, beside a box taller than
         * its row) */
        if ((v->y1 <= top - 0.5 && v->y2 >= bottom + 0.5) ||
            (v->y1 <= top + 0.1 * gh && v->y2 >= bottom - 0.1 * gh && v->y2 - v->y1 >= 2 * gh))
            return 1;
    }
    return 0;
}

/* A cell's text cut at the page's right edge is marked so, U+FFFD after it:
 * its number, or the rest of it, is not known (the engine reads it unread).
 * A browser prints a table wider than its page cut at the edge: a character
 * across it (a group's last), and a column whose cells are cut so —
 * write_table() — holds others that may be ("17" printed "1", the "7" past
 * the edge; or nothing left in the row). */
#define CUT_MARK "\xEF\xBF\xBD"

/* One line of glyphs (sorted by x) into groups; a vertical rule between two
 * glyphs parts them however close they stand; a group whose last character
 * lies across the page's edge ends with CUT_MARK. */
static void make_groups(pline *l, glyph *g, size_t n, const ruling *R)
{
    double h = 0;
    for (size_t i = 0; i < n; i++)
        h = fmax(h, g[i].y2 - g[i].y1);
    if (h <= 0)
        h = 1;
    l->h = h;
    l->g = NULL;
    l->ng = 0;
    sbuf b;
    sbuf_init(&b);
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        double gap = i < n && i > start ? g[i].x1 - g[i - 1].x2 : 0;
        if (i == n || (i > start && (gap > 0.8 * h || (R && R->nvv && rule_between(R, &g[i - 1], &g[i], l->y))))) {
            if (l->pw > 0 && g[i - 1].x2 > l->pw)
                sbuf_adds(&b, CUT_MARK);
            l->g = xrealloc(l->g, (size_t)(l->ng + 1) * sizeof *l->g);
            group *gr = &l->g[l->ng++];
            gr->text = sbuf_steal(&b);
            if (!gr->text)
                gr->text = xstrdup("");
            gr->x1 = g[start].x1;
            gr->x2 = g[i - 1].x2;
            gr->lw = g[i - 1].x2 - g[i - 1].x1;
            gr->y = l->y;
            sbuf_init(&b);
            start = i;
            if (i == n)
                break;
        } else if (i > start && gap > 0.5 * h) {
            sbuf_adds(&b, "  ");
        } else if (i > start && gap > 0.2 * h) {
            sbuf_addc(&b, ' ');
        }
        add_cp(&b, g[i].cp);
    }
    sbuf_free(&b);
    l->x1 = l->ng ? l->g[0].x1 : 0;
    l->x2 = l->ng ? l->g[l->ng - 1].x2 : 0;
}

/* The lines of one page, from its glyphs. */
static void page_lines(plines *out, glyph *g, size_t n, int page, double pw, const ruling *R)
{
    qsort(g, n, sizeof *g, cmp_glyph_y);
    size_t i = 0;
    while (i < n) {
        double cy = (g[i].y1 + g[i].y2) / 2, h = g[i].y2 - g[i].y1;
        size_t k = i + 1;
        while (k < n) {
            double ky = (g[k].y1 + g[k].y2) / 2, kh = g[k].y2 - g[k].y1;
            if (ky - cy > 0.45 * fmax(fmin(h, kh), 1))
                break;
            k++;
        }
        qsort(g + i, k - i, sizeof *g, cmp_glyph_x);
        if (out->n == out->cap) {
            out->cap = out->cap ? 2 * out->cap : 256;
            out->v = xrealloc(out->v, out->cap * sizeof *out->v);
        }
        pline *l = &out->v[out->n++];
        memset(l, 0, sizeof *l);
        double sum = 0;
        for (size_t j = i; j < k; j++)
            sum += (g[j].y1 + g[j].y2) / 2;
        l->y = sum / (double)(k - i);
        l->page = page;
        l->pw = pw;
        make_groups(l, g + i, k - i, R);
        i = k;
    }
}

/* Mostly digits: a number, or numbers of narrow cells run together. */
static int digits_mostly(const char *t)
{
    size_t d = 0, n = 0;
    for (; *t; t++) {
        if (((unsigned char)*t & 0xC0) == 0x80)
            continue;
        n++;
        d += *t >= '0' && *t <= '9';
    }
    return d > 0 && 10 * d >= 6 * n;
}

/* Lines [from, n) of a page hold a line of two cells or more, or a cell of
 * numbers: a table may be drawn there, and its rules are worth finding (drawing
 * a page costs some fifteen milliseconds; a page of text alone is not drawn). */
static int table_lines(const plines *L, size_t from)
{
    for (size_t i = from; i < L->n; i++) {
        if (L->v[i].ng >= 2)
            return 1;
        for (int j = 0; j < L->v[i].ng; j++)
            if (digits_mostly(L->v[i].g[j].text))
                return 1;
    }
    return 0;
}

static void free_line(pline *l)
{
    for (int i = 0; i < l->ng; i++)
        free(l->g[i].text);
    free(l->g);
    l->g = NULL;
    l->ng = 0;
}

/* ---- page headers and footers --------------------------------------------------- */

/* The text of a line with its digits and spaces taken out. */
static char *masked(const pline *l)
{
    sbuf b;
    sbuf_init(&b);
    for (int i = 0; i < l->ng; i++)
        for (const char *p = l->g[i].text; *p; p++)
            if (!(*p >= '0' && *p <= '9') && *p != ' ')
                sbuf_addc(&b, *p);
    char *s = sbuf_steal(&b);
    return s ? s : xstrdup("");
}

/* Only a page number: "3", "- 3 -", "—3—", "第 3 页", "第3页 共5页", "3/12", "Page 3". */
static int page_number(const pline *l)
{
    sbuf b;
    sbuf_init(&b);
    for (int i = 0; i < l->ng; i++)
        for (const char *p = l->g[i].text; *p; p++)
            if (*p != ' ')
                sbuf_addc(&b, *p);
    const char *s = b.s ? b.s : "";
    int digits = 0, other = 0;
    for (const char *p = s; *p;) {
        unsigned cp;
        int n = utf8_decode(p, strlen(p), &cp);
        if (n <= 0)
            break;
        if (cp >= '0' && cp <= '9')
            digits++;
        else if (!(cp == '-' || cp == 0x2014 || cp == 0x2013 || cp == 0x2012 || cp == 0x2212 || cp == '/' ||
                   cp == 0x7B2C || cp == 0x9875 || cp == 0x5171 || cp == '.' || cp == 'P' || cp == 'a' || cp == 'g' ||
                   cp == 'e' || cp == 'o' || cp == 'f'))
            other++;
        p += n;
    }
    sbuf_free(&b);
    return digits > 0 && digits <= 8 && other == 0;
}

static long ruled_band(const ruling *R, double y);

/* Page headers and footers dropped: a line near the top or bottom of a page that
 * is only a page number (one cell: a row of numbers is a table's, and so is a line
 * inside a ruled table's row), or that another page repeats, digits aside. */
static void drop_headers(plines *L, const double *page_h, int npages, const ruling *rules)
{
    for (size_t i = 0; i < L->n; i++) {
        pline *l = &L->v[i];
        double ph = page_h[l->page - 1];
        int top = l->y < ph * 0.1, bottom = l->y > ph * 0.9;
        if (!top && !bottom)
            continue;
        if (rules && ruled_band(&rules[l->page - 1], l->y) >= 0)
            continue;
        if (l->ng == 1 && page_number(l)) {
            l->drop = 1;
            continue;
        }
        if (npages < 2)
            continue;
        char *m = masked(l);
        int same = 0;
        for (size_t j = 0; j < L->n && !same; j++) {
            pline *o = &L->v[j];
            if (o->page == l->page || fabs(o->y - l->y) > 2 * l->h)
                continue;
            char *mo = masked(o);
            same = *m && !strcmp(m, mo);
            free(mo);
        }
        free(m);
        if (same)
            l->drop = 1;
    }
}

/* ---- vertical labels ---------------------------------------------------------------- */

static int cjk(const char *s, unsigned *cp)
{
    int n = utf8_decode(s, strlen(s), cp);
    return n > 0 && (size_t)n == strlen(s) && *cp >= 0x3000;
}

/* Lone CJK characters stacked at one x in consecutive lines of a page: one
 * label, put in the line where it starts. */
static void join_vertical(plines *L, double pitch)
{
    for (size_t i = 0; i < L->n; i++) {
        pline *l = &L->v[i];
        for (int gi = 0; gi < l->ng; gi++) {
            group *g = &l->g[gi];
            unsigned cp;
            if (!cjk(g->text, &cp))
                continue;
            /* the chain below */
            size_t members[64];
            int which[64];
            int nm = 0;
            double last_y = l->y;
            for (size_t j = i + 1; j < L->n && nm < 64; j++) {
                pline *o = &L->v[j];
                if (o->page != l->page || o->y - last_y > fmax(3.0 * l->h, 1.5 * pitch))
                    break;
                int found = -1;
                for (int k = 0; k < o->ng; k++) {
                    unsigned c2;
                    if (fabs(o->g[k].x1 - g->x1) < 0.3 * l->h && cjk(o->g[k].text, &c2)) {
                        found = k;
                        break;
                    }
                }
                if (found < 0)
                    break;
                members[nm] = j;
                which[nm] = found;
                nm++;
                last_y = o->y;
            }
            if (nm < 2)
                continue;
            sbuf b;
            sbuf_init(&b);
            sbuf_adds(&b, g->text);
            for (int m = 0; m < nm; m++) {
                pline *o = &L->v[members[m]];
                group *og = &o->g[which[m]];
                sbuf_adds(&b, og->text);
                free(og->text);
                memmove(og, og + 1, (size_t)(o->ng - which[m] - 1) * sizeof *og);
                o->ng--;
            }
            free(g->text);
            g->text = sbuf_steal(&b);
        }
    }
}

/* ---- tables ---------------------------------------------------------------------------- */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* A cell holding a number as tables print them: digits with their ',' and
 * '.', a sign, a '%' or a unit after them ("12", "1,234", "+2", "0.5", "3件"),
 * or a blank marker ("-", "—", "/", "无"); not a label's numbering ("1.",
 * "（一）"). */
static int numeric_cell(const char *t)
{
    if (!strcmp(t, "-") || !strcmp(t, "--") || !strcmp(t, "/") || !strcmp(t, "\u2014") ||
        !strcmp(t, "\u2014\u2014") || !strcmp(t, "\u65e0"))
        return 1;
    const char *p = t + (*t == '+' || *t == '-');
    if (*p < '0' || *p > '9')
        return 0;
    while ((*p >= '0' && *p <= '9') || ((*p == ',' || *p == '.') && p[1] >= '0' && p[1] <= '9'))
        p++;
    return !*p || !strcmp(p, CUT_MARK) || !strcmp(p, "%") || !strcmp(p, "\u4ef6") || !strcmp(p, "\u6761") ||
           !strcmp(p, "\u4e07\u5143") || !strcmp(p, "\u5143");
}

typedef struct {
    double a, b;       /* extent of the numbers of a column */
    int n;             /* how many */
} numcol;

static int cmp_numcol(const void *x, const void *y)
{
    const numcol *p = x, *q = y;
    return p->a < q->a ? -1 : p->a > q->a;
}

static int cmp_width(const void *x, const void *y)
{
    const numcol *p = x, *q = y;
    double u = p->b - p->a, v = q->b - q->a;
    return u < v ? -1 : u > v ? 1 : cmp_numcol(x, y);
}

/* Adds the extents g[0..n) of cells to the columns cl[0..ncl) (in order),
 * narrowest first: one overlapping a single column widens it, one
 * overlapping none is a column of its own, one over two columns or more (a
 * group's label over the label columns, a header over its columns, a note
 * over the table) makes none; with widen_only, one overlapping none makes
 * none either.  cl has room for ncl + n; g may be cl + ncl or lie at cl
 * itself with ncl 0 (read before written).  Returns the columns' count, cl
 * in order. */
static size_t merge_extents(numcol *cl, size_t ncl, numcol *g, size_t n, int widen_only)
{
    qsort(g, n, sizeof *g, cmp_width);
    for (size_t i = 0; i < n; i++) {
        numcol e = g[i];
        size_t hit = 0, at = 0;
        for (size_t q = 0; q < ncl; q++)
            if (e.a < cl[q].b && e.b > cl[q].a)
                hit++, at = q;
        if (hit == 1) {
            cl[at].a = fmin(cl[at].a, e.a);
            cl[at].b = fmax(cl[at].b, e.b);
        } else if (!hit && !widen_only) {
            cl[ncl++] = e;
        }
    }
    qsort(cl, ncl, sizeof *cl, cmp_numcol);
    return ncl;
}

/* The columns write_table() found for a table block. */
typedef struct {
    size_t nk, nl, ncol;    /* columns of numbers, label columns, all */
    double lab_end;         /* the labels' right end */
    const double *col;      /* each column's left edge */
    const numcol *lc;       /* the label columns' extents */
    const unsigned char *cut;   /* each column of numbers (cut[c - nl]): a cell of it cut at the page's edge */
    int past;                   /* the table's rules run past the page's edge, its characters don't: whole
                                   columns may lie past it (each row of numbers ends in CUT_MARK) */
} tcols;

/* The column of a cell starting at x, c the column of the line's cell before it. */
static size_t column_at(const tcols *t, double x, size_t c)
{
    size_t at = c;
    if (t->nk && x > t->lab_end) {      /* a column of numbers: the last starting at or before it */
        if (at < t->nl)
            at = t->nl;
        while (at + 1 < t->ncol && t->col[at + 1] <= x)
            at++;
    } else {                            /* the first label column it reaches into */
        at = 0;
        while (at + 1 < t->nl && t->lc[at].b <= x)
            at++;
        if (at < c)
            at = c;
    }
    return at;
}

/* Whether text s ends with CUT_MARK. */
static int ends_cut(const char *s)
{
    size_t n = strlen(s);
    return n >= 3 && !strcmp(s + n - 3, CUT_MARK);
}

/* Whether column c is one of numbers a cell of which was cut at the page's edge. */
static int cut_column(const tcols *t, size_t c)
{
    return c >= t->nl && t->cut && t->cut[c - t->nl];
}

/* Column c of a row, empty, as written: nothing, or CUT_MARK in a cut column
 * (this row's cell may lie past the edge: not known to be blank). */
static void empty_cell(sbuf *row, const tcols *t, size_t c)
{
    if (cut_column(t, c))
        sbuf_adds(row, CUT_MARK);
}

/* After a row whose last cell is in column last: a cell CUT_MARK when the
 * table's rules run past the edge and the row holds a cell among the numbers'
 * columns (a cell, or more, past the edge: not known). */
static void past_edge(sbuf *row, const tcols *t, size_t last)
{
    if (t->past && last >= t->nl)
        sbuf_adds(row, "\t" CUT_MARK);
}

/* One line of a table, its cells at their columns. */
static void write_row(gk_out *o, const pline *l, const tcols *t)
{
    sbuf row;
    sbuf_init(&row);
    sbuf_reserve(&row, 1);
    row.s[0] = '\0';
    size_t c = 0;
    for (int j = 0; j < l->ng; j++) {
        size_t at = column_at(t, l->g[j].x1, c);
        while (c < at) {
            sbuf_addc(&row, '\t');
            if (++c < at)
                empty_cell(&row, t, c);
        }
        if (j > 0 && c == at && row.len && row.s[row.len - 1] != '\t')
            sbuf_addc(&row, '\t');     /* two cells in one column: still two cells */
        const group *gr = &l->g[j];
        sbuf_adds(&row, gr->text);
        if (cut_column(t, c) && gr->x2 + gr->lw > l->pw && !ends_cut(gr->text))
            sbuf_adds(&row, CUT_MARK);  /* its next character would have stood across the edge */
    }
    /* the empty cells after its last: a line of labels alone (a label's second
     * line, wrapped in its cell) gets none — they would say its row is blank */
    while ((c >= t->nl || !t->nk) && c + 1 < t->ncol) {
        sbuf_addc(&row, '\t');
        empty_cell(&row, t, ++c);
    }
    past_edge(&row, t, c);
    o->page = l->page;
    out_line(o, row.s, row.len);
    sbuf_free(&row);
}

/* The band (between two consecutive rules of the page) holding height y, or -1
 * above the first rule and below the last. */
static long band_of(const ruling *R, double y)
{
    if (R->nys < 2 || y <= R->ys[0] || y >= R->ys[R->nys - 1])
        return -1;
    size_t lo = 0, hi = R->nys - 1;     /* ys[lo] < y < ys[hi] */
    while (hi - lo > 1) {
        size_t m = (lo + hi) / 2;
        if (R->ys[m] < y)
            lo = m;
        else
            hi = m;
    }
    return (long)lo;
}

/* The band where the cell holding a text at x (its middle) on a line at y
 * begins: the band under the nearest rule above the line that reaches x (a
 * cell spanning rows, a label over several, has no rule across it between
 * them); `own` (the line's band) when no rule above reaches x. */
static long cell_band(const ruling *R, double x, double y, long own)
{
    double best = -1e300;
    for (size_t k = 0; k < R->n && R->v[k].y < y; k++)
        if (R->v[k].x1 - 1 <= x && x <= R->v[k].x2 + 1)
            best = R->v[k].y;
    long b = best > -1e300 ? band_of(R, best + 1e-3) : -1;
    return b >= 0 && b <= own ? b : own;
}

/* The band of line y when it is a ruled table's row: vertical rules at three
 * places or more (two cells' borders at least) cross its middle; -1 else (a
 * table drawn with rules between its rows only, or above and below it only,
 * is read a line at a time; a frame around the page or a box around a
 * paragraph is not a table). */
static long ruled_band(const ruling *R, double y)
{
    long b = band_of(R, y);
    if (b < 0)
        return -1;
    double mid = (R->ys[b] + R->ys[b + 1]) / 2, x[3];
    int nx = 0;
    for (size_t k = 0; k < R->nvv && nx < 3; k++) {
        if (R->vv[k].y1 > mid || mid > R->vv[k].y2)
            continue;
        int seen = 0;
        for (int q = 0; q < nx; q++)
            seen |= fabs(x[q] - R->vv[k].x) < 2;
        if (!seen)
            x[nx++] = R->vv[k].x;
    }
    return nx >= 3 ? b : -1;
}

static int ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Lines [from, to) of one page, each between two of its rules: the lines of a
 * ruled table row are one row, each cell's lines joined (a label wrapped inside
 * its cell, a number printed in the middle of the cell's height beside it), and a
 * cell over several rows is written in its first. */
static void write_ruled(gk_out *o, const plines *L, size_t from, size_t to, const tcols *t, const ruling *R)
{
    long b0 = -1, b1 = -1;
    for (size_t i = from; i < to; i++)
        if (!L->v[i].drop) {
            long b = band_of(R, L->v[i].y);
            if (b0 < 0 || b < b0)
                b0 = b;
            if (b > b1)
                b1 = b;
        }
    size_t nb = (size_t)(b1 - b0 + 1), ns = t->ncol + 8;
    /* a band holding two lines of numbers is not one row (rules left out between
     * rows): its lines are written one by one — but a line of one or two numbers (beside
     * the label's first line, or alone), each in a column where a line of three
     * numbers or more of the band has none, is a cell's first line printed above the
     * row's (a cell of two lines, "0" over "件", centred down a taller row: Chromium),
     * no row of its own ("行政许可 0" beside "行政规范性文件 2 0 7", its number under
     * the 2, is one) */
    int *numeric = xcalloc(nb, sizeof *numeric);
    uint64_t *wide = xcalloc(nb, sizeof *wide);   /* the number columns of a band's lines of three or more */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = from; i < to; i++) {
            const pline *l = &L->v[i];
            if (l->drop)
                continue;
            int nums = 0;
            uint64_t cols = 0;
            for (int j = 0; j < l->ng; j++)
                if (l->g[j].x1 > t->lab_end && numeric_cell(l->g[j].text)) {
                    nums++;
                    size_t at = column_at(t, l->g[j].x1, 0);
                    cols |= at < 63 ? (uint64_t)1 << at : (uint64_t)1 << 63;
                }
            long b = band_of(R, l->y) - b0;
            if (!pass) {
                if (nums > 2)
                    wide[b] |= cols | (uint64_t)1 << 63;   /* (bit 63: one at least) */
            } else if (nums && !(nums <= 2 && wide[b] && !(cols & wide[b]))) {
                numeric[b]++;
            }
        }
    free(wide);
    sbuf *cell = xcalloc(nb * ns, sizeof *cell);
    unsigned char *used = xmalloc(ns);
    int page = 0;
    for (size_t i = from; i < to; i++) {
        const pline *l = &L->v[i];
        if (l->drop)
            continue;
        page = l->page;
        long own = band_of(R, l->y);
        if (numeric[own - b0] > 1)
            continue;
        memset(used, 0, ns);
        size_t c = 0;
        for (int j = 0; j < l->ng; j++) {
            const group *g = &l->g[j];
            size_t at = column_at(t, g->x1, c);
            while (at + 1 < ns && used[at])
                at++;                    /* two cells in one column: still two cells */
            used[at] = 1;
            c = at;
            long b = cell_band(R, (g->x1 + g->x2) / 2, l->y, own);
            if (b < b0 || numeric[b - b0] > 1)
                b = own;
            sbuf *s = &cell[(size_t)(b - b0) * ns + at];
            if (s->len && ascii_alnum((unsigned char)s->s[s->len - 1]) && ascii_alnum((unsigned char)g->text[0]))
                sbuf_addc(s, ' ');
            sbuf_adds(s, g->text);
        }
    }
    const pline *prev = NULL;          /* the line before, page headers aside */
    for (size_t i = from; i-- > 0 && !prev;)
        if (!L->v[i].drop)
            prev = &L->v[i];
    sbuf row;
    sbuf_init(&row);
    for (size_t b = 0; b < nb; b++) {
        if (numeric[b] > 1) {
            for (size_t i = from; i < to; i++)
                if (!L->v[i].drop && band_of(R, L->v[i].y) - b0 == (long)b)
                    write_row(o, &L->v[i], t);
            continue;
        }
        size_t last = 0;
        int any = 0;
        for (size_t k = 0; k < ns; k++)
            if (cell[b * ns + k].len) {
                last = k;
                any = 1;
            }
        if (!any)
            continue;
        row.len = 0;
        size_t n = last + 1 > t->ncol ? last + 1 : t->ncol;
        /* labels alone at the top of a page, the table going on from the page
         * before: the rest of a row broken by the page break (a word processor
         * breaks a row whose label wraps), no row of blank cells */
        if (b == 0 && last < t->nl && prev && prev->table && prev->page < page)
            n = last + 1;
        for (size_t k = 0; k < n; k++) {
            if (k)
                sbuf_addc(&row, '\t');
            if (cell[b * ns + k].len)
                sbuf_add(&row, cell[b * ns + k].s, cell[b * ns + k].len);
            else
                empty_cell(&row, t, k);
        }
        past_edge(&row, t, last);
        o->page = page;
        out_line(o, row.s ? row.s : "", row.len);
    }
    sbuf_free(&row);
    for (size_t k = 0; k < nb * ns; k++)
        sbuf_free(&cell[k]);
    free(cell);
    free(used);
    free(numeric);
}

/* Whether a horizontal rule among lines [from, to) (a table's, between two of
 * its lines or just above or below them) reaches the right edge of its page:
 * a table drawn wider than its page. */
static int rules_past_edge(const plines *L, size_t from, size_t to, const ruling *rules)
{
    for (size_t i = from; i < to;) {
        const pline *l = &L->v[i];
        size_t e = i;
        double top = l->y - l->h, bottom = l->y + l->h;
        while (e < to && L->v[e].page == l->page) {
            top = fmin(top, L->v[e].y - L->v[e].h);
            bottom = fmax(bottom, L->v[e].y + L->v[e].h);
            e++;
        }
        const ruling *R = &rules[l->page - 1];
        for (size_t k = 0; l->pw > 0 && k < R->n; k++)
            if (R->v[k].y >= top && R->v[k].y <= bottom && R->v[k].x2 >= l->pw - 2)
                return 1;
        i = e;
    }
    return 0;
}

/* Writes lines [from, to), a table block (over a page break too), with their
 * cells at their columns.  Numbers give the columns they stand in: a table
 * printed by a word processor aligns them left, right or in the middle of
 * their cells, so that their left edges differ by a digit or two while the
 * extents of one column's numbers overlap, and those of two columns do not.
 * The cells left of the first column of numbers (labels, however aligned)
 * give the label columns by their extents (merge_extents()), each in the
 * first label column it reaches into; every other cell (a header, a number)
 * stands in the column of numbers it starts in (the boundaries half-way
 * between their extents). */
static void write_table(gk_out *o, plines *L, size_t from, size_t to, const ruling *rules)
{
    size_t n = 0;
    double h = 0;
    for (size_t i = from; i < to; i++) {
        n += (size_t)L->v[i].ng;
        h = fmax(h, L->v[i].h);
    }
    /* the columns of numbers: the numbers' extents, overlapping ones merged */
    numcol *nc = xmalloc((n + 1) * sizeof *nc);
    size_t nn = 0;
    for (size_t i = from; i < to; i++)
        for (int j = 0; j < L->v[i].ng; j++)
            if (!L->v[i].drop && numeric_cell(L->v[i].g[j].text))
                nc[nn++] = (numcol){L->v[i].g[j].x1, L->v[i].g[j].x2, 1};
    qsort(nc, nn, sizeof *nc, cmp_numcol);
    size_t nk = 0;
    for (size_t i = 0; i < nn; i++) {
        if (nk && nc[i].a <= nc[nk - 1].b + 0.1 * h) {
            nc[nk - 1].b = fmax(nc[nk - 1].b, nc[i].b);
            nc[nk - 1].n++;
        } else {
            nc[nk++] = nc[i];
        }
    }
    size_t kept = 0;                   /* a column holds two numbers at least (in a table of two rows or more) */
    for (size_t k = 0; k < nk; k++)
        if (nc[k].n >= 2)
            nc[kept++] = nc[k];
    if (kept)
        nk = kept;
    /* the labels' right end: cells wholly left of the first column of numbers */
    double lab_end = -1e300;
    for (size_t i = from; nk && i < to; i++)
        for (int j = 0; j < L->v[i].ng; j++)
            if (L->v[i].g[j].x2 < nc[0].a - 0.1 * h)
                lab_end = fmax(lab_end, L->v[i].g[j].x2);
    /* the label columns: the extents of the cells starting left of lab_end
     * (all of them when no column of numbers was found); the other cells
     * (headers) widen the columns of the numbers they stand over */
    numcol *lc = xmalloc((n + 1) * sizeof *lc), *rest = xmalloc((n + 1) * sizeof *rest);
    size_t k = 0, nr = 0;
    for (size_t i = from; i < to; i++)
        for (int j = 0; j < L->v[i].ng; j++) {
            const group *g = &L->v[i].g[j];
            if (!nk || g->x1 <= lab_end)
                lc[k++] = (numcol){g->x1, g->x2, 1};
            else if (!numeric_cell(g->text))
                rest[nr++] = (numcol){g->x1, g->x2, 1};
        }
    /* a header over no number makes no column among the numbers': a header
     * centred in a cell whose numbers stand at its left (or right) side lies
     * beside them, between two columns (a column blank in every row is lost
     * with it: its rows are short, and read so) */
    size_t nl = merge_extents(lc, 0, lc, k, 0);
    nk = merge_extents(nc, nk, rest, nr, 1);
    free(rest);
    double *col = xmalloc((nl + nk + 1) * sizeof *col);
    for (size_t q = 0; q < nl; q++)
        col[q] = lc[q].a;
    /* then the columns of numbers, each from half-way after the one before */
    size_t ncol = nl;
    for (size_t q = 0; q < nk; q++)
        col[ncol++] = q ? (nc[q - 1].b + nc[q].a) / 2 : fmax(lab_end, nc[0].a - 0.5 * h);
    free(nc);
    tcols tc = {nk, nl, ncol, lab_end, col, lc, NULL, 0};
    /* the columns a number cut at the page's edge stands in (a table wider than
     * its page): their empty cells are not known to be blank */
    unsigned char *cut = xcalloc(nk + 1, 1);
    size_t ncut = 0;
    for (size_t i = from; nk && i < to; i++)
        for (int j = 0; j < L->v[i].ng; j++) {
            const char *t = L->v[i].g[j].text;
            if (!L->v[i].drop && ends_cut(t) && numeric_cell(t)) {
                size_t at = column_at(&tc, L->v[i].g[j].x1, 0);
                if (at >= nl && !cut[at - nl]) {
                    cut[at - nl] = 1;
                    ncut++;
                }
            }
        }
    if (ncut)
        tc.cut = cut;
    else if (nk && rules)
        tc.past = rules_past_edge(L, from, to, rules);
    for (size_t i = from; i < to;) {
        if (L->v[i].drop) {
            i++;
            continue;
        }
        const ruling *R = rules ? &rules[L->v[i].page - 1] : NULL;
        if (R && ruled_band(R, L->v[i].y) >= 0) {  /* a run of lines in a ruled table's rows */
            size_t e = i;
            while (e < to && (L->v[e].drop || (L->v[e].page == L->v[i].page && ruled_band(R, L->v[e].y) >= 0)))
                e++;
            write_ruled(o, L, i, e, &tc, R);
            i = e;
            continue;
        }
        write_row(o, &L->v[i], &tc);
        i++;
    }
    free(col);
    free(cut);
    free(lc);
}

/* ---- the document ------------------------------------------------------------------------- */

static int cmp_double_p(const void *a, const void *b)
{
    return cmp_double(a, b);
}

/* The usual distance between consecutive lines of a page (the median). */
static double line_pitch(const plines *L)
{
    double *d = xmalloc((L->n + 1) * sizeof *d);
    size_t nd = 0;
    for (size_t i = 1; i < L->n; i++)
        if (L->v[i].page == L->v[i - 1].page && !L->v[i].drop && !L->v[i - 1].drop)
            d[nd++] = L->v[i].y - L->v[i - 1].y;
    qsort(d, nd, sizeof *d, cmp_double_p);
    double pitch = nd ? d[nd / 2] : 0;
    free(d);
    return pitch;
}

/* Line l follows line `above` of the same page with no empty line between
 * (less than one and a half of the usual pitch; any gap when none is known). */
static int close_under(const pline *above, const pline *l, double pitch)
{
    return pitch <= 0 || l->y - above->y <= 1.5 * pitch;
}

/* Lines inside a ruled table are the table's, however few their cells: a
 * label's item number on a line of its own, a header's names stacked in their
 * cells, a cell's last line at the foot of a page.  A ruled table is a run of
 * consecutive ruled bands (ruled_band()) of a page holding a line of two cells
 * or more. */
static void mark_ruled_lines(plines *L, const ruling *rules)
{
    for (size_t i = 0; i < L->n;) {
        size_t e = i;
        while (e < L->n && L->v[e].page == L->v[i].page)
            e++;
        const ruling *R = &rules[L->v[i].page - 1];
        if (R->nys >= 2) {
            /* each band: ruled or not, and the region (run of ruled bands) it is in */
            size_t nb = R->nys - 1;
            long *region = xmalloc(nb * sizeof *region);
            unsigned char *rows = xcalloc(nb, 1);
            long id = -1;
            for (size_t b = 0; b < nb; b++) {
                if (ruled_band(R, (R->ys[b] + R->ys[b + 1]) / 2) < 0) {
                    region[b] = -1;
                    continue;
                }
                if (b == 0 || region[b - 1] < 0)
                    id = (long)b;
                region[b] = id;
            }
            for (size_t k = i; k < e; k++) {
                long b = band_of(R, L->v[k].y);
                if (b >= 0 && region[b] >= 0 && L->v[k].ng >= 2 && !L->v[k].drop)
                    rows[region[b]] = 1;
            }
            for (size_t k = i; k < e; k++) {
                long b = band_of(R, L->v[k].y);
                if (b >= 0 && region[b] >= 0 && rows[region[b]] && !L->v[k].table && !L->v[k].drop && L->v[k].ng)
                    L->v[k].table = 3;
            }
            free(region);
            free(rows);
        }
        i = e;
    }
}

static void write_lines(gk_out *o, plines *L, double pitch, const ruling *rules)
{
    /* table blocks: runs of lines with two cells or more (and lone-cell lines between them) */
    for (size_t i = 0; i < L->n; i++) {
        if (L->v[i].ng >= 2 && !L->v[i].drop)
            L->v[i].table = 1;
    }
    /* lone-cell lines between table lines: a cell's text wrapped over lines of its
     * own (up to WRAP_LINES of them, each close under the one before) */
    for (size_t i = 1; i + 1 < L->n; i++) {
        if (L->v[i].table || L->v[i].ng != 1 || L->v[i - 1].table != 1)
            continue;
        size_t e = i;
        while (e < L->n && e - i < WRAP_LINES && !L->v[e].table && L->v[e].ng == 1 && !L->v[e].drop &&
               L->v[e].page == L->v[i - 1].page && close_under(&L->v[e - 1], &L->v[e], pitch))
            e++;
        /* the table goes on after them: on the same page close under them, or
         * (they end a page) on the next page after its header */
        size_t f = e;
        while (f < L->n && L->v[f].drop)
            f++;
        int next_page = f < L->n && L->v[f].page == L->v[i - 1].page + 1;
        if (f < L->n && L->v[f].table == 1 &&
            (next_page || (f == e && L->v[e].page == L->v[i - 1].page &&
                           close_under(&L->v[e - 1], &L->v[e], pitch))))
            for (size_t k = i; k < e; k++)
                L->v[k].table = 2;
    }
    if (rules)
        mark_ruled_lines(L, rules);
    /* the right margin of flowing text (the widest line of the document) */
    double right = 0;
    for (size_t i = 0; i < L->n; i++)
        if (!L->v[i].table && !L->v[i].drop && L->v[i].ng)
            right = fmax(right, L->v[i].x2);
    double left = 1e9;
    for (size_t i = 0; i < L->n; i++)
        if (!L->v[i].drop && L->v[i].ng)
            left = fmin(left, L->v[i].x1);

    size_t prev = (size_t)-1;         /* the last line written */
    sbuf para;
    sbuf_init(&para);
    for (size_t i = 0; i < L->n;) {
        pline *l = &L->v[i];
        if (l->drop || l->ng == 0) {
            i++;
            continue;
        }
        if (prev != (size_t)-1 && L->v[prev].page == l->page && pitch > 0) {
            double gap = l->y - L->v[prev].y;
            int empty = (int)floor((gap - 0.5 * pitch) / pitch);
            for (int e = 0; e < empty && e < 3; e++)
                out_line(o, "", 0);
        }
        o->page = l->page;
        if (l->table) {
            size_t k = i + 1;
            while (k < L->n && (L->v[k].table || L->v[k].drop)) {
                if (!L->v[k].drop) {           /* a gap of an empty line ends the table */
                    size_t p = k - 1;
                    while (p > i && L->v[p].drop)
                        p--;
                    if (L->v[p].page == L->v[k].page && !close_under(&L->v[p], &L->v[k], pitch))
                        break;
                }
                k++;
            }
            /* a block split across pages is one table: its columns are those of all its lines */
            write_table(o, L, i, k, rules);
            prev = k - 1;
            while (prev > i && L->v[prev].drop)
                prev--;
            i = k;
            continue;
        }
        /* flowing text: joined with what follows while it fills the line */
        para.len = 0;
        sbuf_reserve(&para, 1);
        para.s[0] = '\0';
        sbuf_adds(&para, l->g[0].text);
        size_t j = i;
        while (right > 0 && L->v[j].x2 >= right - 1.5 * L->v[j].h) {
            size_t k = j + 1;
            while (k < L->n && L->v[k].drop)
                k++;
            if (k >= L->n || L->v[k].table || L->v[k].ng != 1 || L->v[k].x1 > left + 0.5 * L->v[k].h)
                break;
            if (L->v[k].page == L->v[j].page && !close_under(&L->v[j], &L->v[k], pitch))
                break;
            const char *t = L->v[k].g[0].text;
            unsigned a = 0, bcp = 0;
            if (para.len) {
                const char *e = para.s + para.len - 1;
                while (e > para.s && ((unsigned char)*e & 0xC0) == 0x80)
                    e--;
                utf8_decode(e, strlen(e), &a);
            }
            utf8_decode(t, strlen(t), &bcp);
            if (a < 0x2E80 && bcp < 0x2E80 && a != ' ')
                sbuf_addc(&para, ' ');     /* words of Latin script were separated by the line end */
            sbuf_adds(&para, t);
            j = k;
        }
        out_line(o, para.s, para.len);
        prev = j;
        i = j + 1;
    }
    sbuf_free(&para);
}

/* ---- poppler, loaded on the first PDF ------------------------------------------------------
 * Linking poppler (and with it cairo, glib, freetype, fontconfig, nss …) costs every run of
 * the program some 30 million instructions of symbol binding and 12 MB before the first
 * report, PDF or not; so it is opened with dlopen() when a PDF comes, once per process. */

static struct {
    int ok;
    GBytes *(*bytes_new_static)(gconstpointer, gsize);
    void (*bytes_unref)(GBytes *);
    void (*error_free)(GError *);
    void (*free_)(gpointer);
    void (*object_unref)(gpointer);
    GQuark (*error_quark)(void);
    PopplerDocument *(*document_new_from_bytes)(GBytes *, const char *, GError **);
    int (*document_get_n_pages)(PopplerDocument *);
    PopplerPage *(*document_get_page)(PopplerDocument *, int);
    void (*page_get_size)(PopplerPage *, double *, double *);
    char *(*page_get_text)(PopplerPage *);
    gboolean (*page_get_text_layout)(PopplerPage *, PopplerRectangle **, guint *);
    /* drawing a page, to find its rules (cairo comes with poppler-glib): optional */
    int draw_ok;
    void (*page_render)(PopplerPage *, cairo_t *);
    cairo_surface_t *(*surface_create)(cairo_format_t, int, int);
    void (*surface_destroy)(cairo_surface_t *);
    void (*surface_flush)(cairo_surface_t *);
    unsigned char *(*surface_data)(cairo_surface_t *);
    int (*surface_stride)(cairo_surface_t *);
    int (*surface_status)(cairo_surface_t *);
    cairo_t *(*create)(cairo_surface_t *);
    void (*destroy)(cairo_t *);
    void (*scale)(cairo_t *, double, double);
    void (*set_source_rgb)(cairo_t *, double, double, double);
    void (*paint)(cairo_t *);
} P;
static pthread_once_t P_once = PTHREAD_ONCE_INIT;

static void load_poppler(void)
{
    static const char *const NAMES[] = {"libpoppler-glib.so.8", "libpoppler-glib.so", NULL};
    const util_sym SYMS[] = {
        {"g_bytes_new_static", &P.bytes_new_static},
        {"g_bytes_unref", &P.bytes_unref},
        {"g_error_free", &P.error_free},
        {"g_free", &P.free_},
        {"g_object_unref", &P.object_unref},
        {"poppler_error_quark", &P.error_quark},
        {"poppler_document_new_from_bytes", &P.document_new_from_bytes},
        {"poppler_document_get_n_pages", &P.document_get_n_pages},
        {"poppler_document_get_page", &P.document_get_page},
        {"poppler_page_get_size", &P.page_get_size},
        {"poppler_page_get_text", &P.page_get_text},
        {"poppler_page_get_text_layout", &P.page_get_text_layout},
        {NULL, NULL},
    };
    P.ok = util_dlload("libpoppler-glib", NAMES, SYMS);
    const util_sym DRAW[] = {
        {"poppler_page_render", &P.page_render},
        {"cairo_image_surface_create", &P.surface_create},
        {"cairo_surface_destroy", &P.surface_destroy},
        {"cairo_surface_flush", &P.surface_flush},
        {"cairo_image_surface_get_data", &P.surface_data},
        {"cairo_image_surface_get_stride", &P.surface_stride},
        {"cairo_surface_status", &P.surface_status},
        {"cairo_create", &P.create},
        {"cairo_destroy", &P.destroy},
        {"cairo_scale", &P.scale},
        {"cairo_set_source_rgb", &P.set_source_rgb},
        {"cairo_paint", &P.paint},
        {NULL, NULL},
    };
    P.draw_ok = P.ok && util_dlload("libpoppler-glib", NAMES, DRAW);
}

#define g_bytes_new_static P.bytes_new_static
#define g_bytes_unref P.bytes_unref
#define g_error_free P.error_free
#define g_free P.free_
#define g_object_unref P.object_unref
#define poppler_error_quark P.error_quark
#define poppler_document_new_from_bytes P.document_new_from_bytes
#define poppler_document_get_n_pages P.document_get_n_pages
#define poppler_document_get_page P.document_get_page
#define poppler_page_get_size P.page_get_size
#define poppler_page_get_text P.page_get_text
#define poppler_page_get_text_layout P.page_get_text_layout


/* ---- rules ---------------------------------------------------------------------------------
 * A table's borders are not text: the page is drawn (cairo, RULE_SCALE pixels a point), the
 * middles of its characters' boxes painted with the ground around them (paint_ground()), and
 * every thin dark stroke across RULE_MIN points or more of a pixel row (one and a half
 * characters' height at least) is a horizontal rule, every run down a pixel column taller
 * than a character a vertical one — but runs side by side over a shaded cell
 * (drop_dark_areas()). */

#define RULE_SCALE 1.0
#define RULE_DARK 208        /* a pixel of a rule: darker than this (a thin line drawn over two pixel rows is grey) */
#define RULE_MIN 12.0          /* points: a horizontal rule's least length */
#define RULE_VMIN 8.0          /* points: a vertical rule's least height */
#define RULE_THICK 3.0         /* points: thicker is a bar, not a rule */
#define RULE_AREA 6.0          /* points: vertical runs side by side this wide are a shaded area (a
                                  double border, cells apart, is narrower) */
#define RULE_MAX_PIXELS (1 << 25)

static int cmp_hrule(const void *a, const void *b)
{
    const hrule *p = a, *q = b;
    return p->y < q->y ? -1 : p->y > q->y ? 1 : (p->x1 > q->x1) - (p->x1 < q->x1);
}

/* A stroke of one pixel row. */
typedef struct {
    int row, x1, x2;     /* x2 exclusive */
    int done;            /* taken into a rule */
} stroke;

/* A run of `len` dark pixels down pixel column x, ending above pixel row `end`,
 * appended to the vertical rules (v, n of cap) when it is `min` long or more. */
static void add_vrule(vrule **v, size_t *n, size_t *cap, int x, int end, int len, int min)
{
    if (len < min)
        return;
    if (*n == *cap) {
        *cap = *cap ? 2 * *cap : 64;
        *v = xrealloc(*v, *cap * sizeof **v);
    }
    (*v)[(*n)++] = (vrule){(x + 0.5) / RULE_SCALE, (end - len) / RULE_SCALE, end / RULE_SCALE};
}

/* Pixels [x0, x1] x [y0, y1] of an RGB24 image painted the lightest of the
 * pixels at (ox0, the middle), (ox1, the middle), (the middle, oy0) and (the
 * middle, oy1) — a character's middle painted with the ground around it (white
 * when none is on the page; samples further out would cross a shaded cell's
 * border into the white beyond). */
static void paint_ground(unsigned char *px, int stride, int W, int H, int x0, int y0, int x1, int y1, int ox0, int oy0,
                         int ox1, int oy1)
{
    int xm = (x0 + x1) / 2, ym = (y0 + y1) / 2;
    const int sx[4] = {ox0, ox1, xm, xm}, sy[4] = {ym, ym, oy0, oy1};
    uint32_t ground = 0xFFFFFF;        /* none on the page: white */
    unsigned best = 0;
    for (int k = 0; k < 4; k++) {
        if (sx[k] < 0 || sx[k] >= W || sy[k] < 0 || sy[k] >= H)
            continue;
        uint32_t p = ((const uint32_t *)(const void *)(px + (size_t)sy[k] * (size_t)stride))[sx[k]];
        unsigned l = (p >> 16 & 255) + (p >> 8 & 255) + (p & 255);
        if (l >= best) {
            best = l;
            ground = p;
        }
    }
    x0 = x0 < 0 ? 0 : x0;
    y0 = y0 < 0 ? 0 : y0;
    x1 = x1 >= W ? W - 1 : x1;
    y1 = y1 >= H ? H - 1 : y1;
    for (int y = y0; y <= y1; y++) {
        uint32_t *r = (uint32_t *)(void *)(px + (size_t)y * (size_t)stride);
        for (int x = x0; x <= x1; x++)
            r[x] = ground;
    }
}

static int cmp_vrule(const void *a, const void *b)
{
    const vrule *p = a, *q = b;
    if (p->y2 != q->y2)
        return p->y2 < q->y2 ? -1 : 1;
    return (p->x > q->x) - (p->x < q->x);
}

/* Vertical runs of dark pixels side by side (a pixel apart) over the same
 * heights, RULE_AREA wide or more together, are a dark area (a shaded cell),
 * not rules: dropped.  Returns how many are kept (in v, by bottom and x). */
static size_t drop_dark_areas(vrule *v, size_t n)
{
    if (n < 2)
        return n;
    qsort(v, n, sizeof *v, cmp_vrule);
    const double px = 1.0 / RULE_SCALE;
    size_t keep = 0;
    for (size_t i = 0; i < n;) {
        size_t k = i + 1;
        while (k < n && v[k].y2 - v[i].y2 <= px && v[k].x - v[k - 1].x <= 1.01 * px && fabs(v[k].y1 - v[i].y1) <= px)
            k++;
        if (v[k - 1].x - v[i].x < RULE_AREA)
            for (size_t q = i; q < k; q++)
                v[keep++] = v[q];
        i = k;
    }
    return keep;
}

static void page_rules(PopplerPage *page, double w, double h, const glyph *g, size_t ng, ruling *out)
{
    memset(out, 0, sizeof *out);
    int W = (int)ceil(w * RULE_SCALE), H = (int)ceil(h * RULE_SCALE);
    if (!P.draw_ok || W <= 0 || H <= 0 || (double)W * H > RULE_MAX_PIXELS)
        return;
    cairo_surface_t *sf = P.surface_create(CAIRO_FORMAT_RGB24, W, H);
    if (P.surface_status(sf) != 0) {
        P.surface_destroy(sf);
        return;
    }
    cairo_t *cr = P.create(sf);
    P.set_source_rgb(cr, 1, 1, 1);
    P.paint(cr);
    P.scale(cr, RULE_SCALE, RULE_SCALE);
    P.page_render(page, cr);
    P.destroy(cr);
    P.surface_flush(sf);
    unsigned char *px = P.surface_data(sf);
    int stride = P.surface_stride(sf);
    /* a character's box is its advance and its font's height, often more than its
     * strokes: a narrow cell's border may stand inside it, at its edge; the middle of
     * the box (where its strokes are) is painted over with the cell's own ground, the
     * lightest just outside the box (white, or a shaded header's grey: a shaded cell is
     * then even, and no stroke of it a rule) */
    double *hs = xmalloc((ng + 1) * sizeof *hs);
    for (size_t i = 0; i < ng; i++) {
        double gh = g[i].y2 - g[i].y1, gw = g[i].x2 - g[i].x1;
        hs[i] = gh;
        paint_ground(px, stride, W, H, (int)((g[i].x1 + 0.2 * gw) * RULE_SCALE),
                     (int)((g[i].y1 + 0.1 * gh) * RULE_SCALE), (int)((g[i].x2 - 0.2 * gw) * RULE_SCALE),
                     (int)((g[i].y2 - 0.1 * gh) * RULE_SCALE), (int)(g[i].x1 * RULE_SCALE) - 1,
                     (int)(g[i].y1 * RULE_SCALE) - 1, (int)(g[i].x2 * RULE_SCALE) + 1, (int)(g[i].y2 * RULE_SCALE) + 1);
    }
    qsort(hs, ng, sizeof *hs, cmp_double);
    /* a rule is longer than a character's stroke, a vertical one taller than a
     * character (a stroke left of a box's middle is not one) */
    double med = ng ? hs[ng / 2] : 0;
    double vmin_pt = fmax(RULE_VMIN, 1.1 * med), hmin_pt = fmax(RULE_MIN, 1.5 * med);
    free(hs);
    int minlen = (int)(hmin_pt * RULE_SCALE);
    stroke *st = NULL;
    size_t ns = 0, cap = 0;
    int *run = xcalloc((size_t)W, sizeof *run);      /* dark pixels above, in each pixel column */
    unsigned char *dark = xmalloc((size_t)W);        /* the row's pixels: darker than RULE_DARK */
    int vmin = (int)(vmin_pt * RULE_SCALE);
    vrule *vv = NULL;
    size_t nvv = 0, vcap = 0;
    for (int y = 0; y < H; y++) {
        const uint32_t *r = (const uint32_t *)(const void *)(px + (size_t)y * (size_t)stride);
        for (int x = 0; x < W; x++) {
            uint32_t p = r[x];
            dark[x] = ((p >> 16 & 255) + (p >> 8 & 255) + (p & 255)) < 3 * RULE_DARK;
            if (dark[x]) {
                run[x]++;
            } else {
                add_vrule(&vv, &nvv, &vcap, x, y, run[x], vmin);
                run[x] = 0;
            }
        }
        int x = 0;
        while (x < W) {
            while (x < W && !dark[x])
                x++;
            if (x >= W)
                break;
            int a = x, last = x, gap = 0;
            while (x < W && gap <= 2) {
                if (dark[x]) {
                    last = x;
                    gap = 0;
                } else {
                    gap++;
                }
                x++;
            }
            if (last + 1 - a >= minlen) {
                if (ns == cap) {
                    cap = cap ? 2 * cap : 64;
                    st = xrealloc(st, cap * sizeof *st);
                }
                st[ns++] = (stroke){y, a, last + 1, 0};
            }
            x = last + 1;
        }
    }
    for (int x = 0; x < W; x++)        /* the runs reaching the page's foot */
        add_vrule(&vv, &nvv, &vcap, x, H, run[x], vmin);
    P.surface_destroy(sf);
    free(run);
    free(dark);
    out->vv = vv;
    out->nvv = drop_dark_areas(vv, nvv);
    /* strokes of consecutive pixel rows overlapping make one rule; a thick one is a bar */
    hrule *v = xmalloc((ns + 1) * sizeof *v);   /* a rule a stroke at most */
    size_t nv = 0;
    for (size_t i = 0; i < ns; i++) {
        if (st[i].done)
            continue;
        int top = st[i].row, bottom = st[i].row, x1 = st[i].x1, x2 = st[i].x2;
        st[i].done = 1;
        for (size_t k = i + 1; k < ns && st[k].row <= bottom + 1; k++)
            if (!st[k].done && st[k].row == bottom + 1 && st[k].x1 < x2 && st[k].x2 > x1) {
                st[k].done = 1;
                bottom = st[k].row;
                x1 = st[k].x1 < x1 ? st[k].x1 : x1;
                x2 = st[k].x2 > x2 ? st[k].x2 : x2;
            }
        if (bottom - top + 1 > RULE_THICK * RULE_SCALE)
            continue;
        v[nv++] = (hrule){(top + bottom + 1) / 2.0 / RULE_SCALE, x1 / RULE_SCALE, x2 / RULE_SCALE};
    }
    free(st);
    if (!nv) {
        free(v);
        return;
    }
    qsort(v, nv, sizeof *v, cmp_hrule);
    /* rules less than a point apart are one height */
    double *ys = xmalloc(nv * sizeof *ys);
    size_t ny = 0;
    for (size_t i = 0; i < nv;) {
        size_t k = i;
        double sum = 0;
        while (k < nv && v[k].y - v[i].y < 1.0)
            sum += v[k++].y;
        ys[ny] = sum / (double)(k - i);
        for (size_t q = i; q < k; q++)
            v[q].y = ys[ny];
        ny++;
        i = k;
    }
    out->v = v;
    out->n = nv;
    out->ys = ys;
    out->nys = ny;
}

int input_pdf(const char *bytes, size_t len, gk_converted *out, char **why)
{
    pthread_once(&P_once, load_poppler);
    if (!P.ok) {
        *why = xstrdup("无法读取 PDF：没有找到 PDF 支持库 libpoppler-glib（请安装 libpoppler-glib8）");
        return -1;
    }
    GError *err = NULL;
    GBytes *gb = g_bytes_new_static(bytes, len);
    PopplerDocument *doc = poppler_document_new_from_bytes(gb, NULL, &err);
    if (!doc) {
        int enc = err && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_ENCRYPTED;
        if (err)
            g_error_free(err);
        g_bytes_unref(gb);
        *why = xstrdup(enc ? "PDF 已加密（需要密码），无法读取，请提供未加密的文件"
                           : "PDF 文件已损坏或不完整，无法读取");
        return -1;
    }
    int npages = poppler_document_get_n_pages(doc);
    if (npages > PDF_MAX_PAGES)
        npages = PDF_MAX_PAGES;
    plines L = {0};
    double *page_h = xcalloc((size_t)(npages > 0 ? npages : 1), sizeof *page_h);
    ruling *rules = xcalloc((size_t)(npages > 0 ? npages : 1), sizeof *rules);
    size_t total = 0;
    for (int p = 0; p < npages && total < PDF_MAX_GLYPHS; p++) {
        PopplerPage *page = poppler_document_get_page(doc, p);
        if (!page)
            continue;
        double w = 0, h = 0;
        poppler_page_get_size(page, &w, &h);
        page_h[p] = h;
        char *text = poppler_page_get_text(page);
        PopplerRectangle *rects = NULL;
        guint nr = 0;
        if (text && poppler_page_get_text_layout(page, &rects, &nr)) {
            glyph *g = xmalloc(((size_t)nr + 1) * sizeof *g);
            size_t ng = 0, k = 0;
            const char *s = text;
            size_t sl = strlen(text);
            while (*s && k < nr) {
                unsigned cp;
                int n = utf8_decode(s, sl - (size_t)(s - text), &cp);
                if (n <= 0) {
                    cp = 0xFFFD;
                    n = 1;
                }
                PopplerRectangle *r = &rects[k++];
                s += n;
                if (cp <= ' ' || cp == 0x7F || cp == 0xA0 || cp == 0x3000 || (cp >= 0x80 && cp < 0xA0) ||
                    cp == 0xFEFF || cp == 0x2028 || cp == 0x2029 || r->x2 <= r->x1 || r->y2 <= r->y1)
                    continue;
                g[ng].cp = cp;
                g[ng].x1 = r->x1;
                g[ng].y1 = r->y1;
                g[ng].x2 = r->x2;
                g[ng].y2 = r->y2;
                ng++;
            }
            total += ng;
            size_t first = L.n;
            page_lines(&L, g, ng, p + 1, w, NULL);
            if (table_lines(&L, first)) {
                page_rules(page, w, h, g, ng, &rules[p]);
                if (rules[p].nvv) {    /* characters its borders part: the page's lines again */
                    for (size_t q = first; q < L.n; q++)
                        free_line(&L.v[q]);
                    L.n = first;
                    page_lines(&L, g, ng, p + 1, w, &rules[p]);
                }
            }
            free(g);
        }
        g_free(rects);
        g_free(text);
        g_object_unref(page);
    }
    g_object_unref(doc);
    g_bytes_unref(gb);
    if (total == 0) {
        for (int p = 0; p < npages; p++) {
            free(rules[p].v);
            free(rules[p].ys);
            free(rules[p].vv);
        }
        free(rules);
        free(page_h);
        free(L.v);
        *why = xstrdup(npages > 0 ? "PDF 没有文字层（扫描件），请先做文字识别" : "PDF 没有页面");
        return -1;
    }
    drop_headers(&L, page_h, npages, rules);
    double pitch = line_pitch(&L);
    join_vertical(&L, pitch);
    gk_out o;
    out_init(&o);
    write_lines(&o, &L, pitch, rules);
    for (int p = 0; p < npages; p++) {
        free(rules[p].v);
        free(rules[p].ys);
        free(rules[p].vv);
    }
    free(rules);
    for (size_t i = 0; i < L.n; i++)
        free_line(&L.v[i]);
    free(L.v);
    free(page_h);
    out_finish(&o, out, 1);
    out->label = "PDF";
    return 0;
}
