/* panel_tables.c — tables 2, 3 and 4 as aligned grids, stacked, with short
 * Chinese row and column labels; the cursor moves between cells.
 *
 * Each table is cut into "bands": consecutive rows with the same columns
 * (table 2 has several, tables 3 and 4 one).  A band's column headers take
 * one line when the panel is wide enough, else two ("商业" / "企业"); when
 * even that is too wide the columns scroll sideways behind a frozen label
 * column, with '<' '>' on the header and "列 a-b/n" in the title saying
 * more exists.  The header of the band at the top stays pinned while its
 * rows scroll.  Values carry their no-colour marks (view_cells.h) and are
 * painted in their tone. */
#include "actions.h"
#include "draw.h"
#include "panel.h"
#include "util.h"
#include "view_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { VR_GAP, VR_TITLE, VR_HEAD, VR_GROUP, VR_DATA } vr_kind;

typedef struct {
    vr_kind kind;
    int table;            /* 2..4 */
    int row;              /* template row (DATA) */
    int band;             /* HEAD, GROUP, DATA */
    int hline;            /* HEAD: header line 0 or 1 */
    const char *text;     /* TITLE, GROUP */
    int indent;           /* DATA: inside a group */
} vrow;

#define MAXCOLS 8
#define MAXBANDS 24

typedef struct {
    int table;
    const gk_col_def *cols;
    int ncols;
    int first_row, nrows;
    int w1[MAXCOLS];      /* column widths with one-line headers */
    int w2[MAXCOLS];      /* ... with two-line headers */
    int two;              /* headers in two lines now */
} band;

typedef struct {
    vrow *v;
    int nv;
    band b[MAXBANDS];
    int nb;
    int labelw;           /* label column, as wide as the widest label */
    int cur;              /* vrow of the cursor (a DATA row), -1 none */
    int col, goal;        /* cursor column; column kept across rows */
    int top;
    int hoff;             /* first column shown when a band scrolls sideways */
    int *mark;            /* cells of the selected finding */
    int nmark;
    char titles[GK_NTABLES][160];
} tbl_state;

#define ST(p) ((tbl_state *)(p)->priv)

static const gk_report *rep(const panel *p)
{
    return p->doc ? p->doc->r : NULL;
}

/* ---- widths ----------------------------------------------------------------- */

/* Splits a header label of three or more characters into two lines, the
 * first the longer: returns the bytes of line 1 (0: the label stays whole,
 * on the second line) and the wider line's width. */
static size_t split_label(const char *s, int *width)
{
    size_t len = strlen(s), best = 0;
    int total = view_text_width(s, len, 0), bw = total;
    if (total < 6) {
        *width = total;
        return 0;
    }
    for (size_t i = 0; i < len;) {
        view_glyph g;
        i += view_glyph_next(s + i, len - i, 0, 0, &g);
        int w1 = view_text_width(s, i, 0), w = w1 > total - w1 ? w1 : total - w1;
        if (w <= bw && w1 >= total - w1 && i < len) {
            bw = w;
            best = i;
            break;
        }
    }
    *width = bw;
    return best;
}

static int value_width(const view_cells *vc, const band *b, int c)
{
    const gk_report *r = vc->r;
    int w = 1;
    for (int k = 0; k < b->nrows; k++) {
        char buf[48];
        int cell = template_cell_at(r->tpl, b->table, b->first_row + k, c);
        if (cell >= 0) {
            int vw = draw_width(view_cells_text(vc, cell, buf, sizeof buf), 0);
            w = vw > w ? vw : w;
        }
    }
    return w;
}

static void band_widths(const view_cells *vc, band *b)
{
    for (int c = 0; c < b->ncols; c++) {
        int vw = value_width(vc, b, c), hw2;
        int hw1 = draw_width(b->cols[c].short_label, 0);
        split_label(b->cols[c].short_label, &hw2);
        b->w1[c] = hw1 > vw ? hw1 : vw;
        b->w2[c] = hw2 > vw ? hw2 : vw;
    }
}

static int band_total(const band *b, int two)
{
    int t = 0;
    for (int c = 0; c < b->ncols; c++)
        t += (two ? b->w2[c] : b->w1[c]) + 1;
    return t;
}

static int colw(const band *b, int c)
{
    return b->two ? b->w2[c] : b->w1[c];
}

/* Width left for the data columns. */
static int data_width(const panel *p)
{
    int w = p->r.w - ST(p)->labelw - 1;
    return w > 1 ? w : 1;
}

/* ---- building the rows -------------------------------------------------------- */

static void push(tbl_state *s, vrow v)
{
    s->v = xrealloc(s->v, (size_t)(s->nv + 1) * sizeof *s->v);
    s->v[s->nv++] = v;
}

static void make_bands(panel *p)
{
    tbl_state *s = ST(p);
    const gk_report *r = rep(p);
    s->nb = 0;
    for (int ti = 0; ti < GK_NTABLES; ti++) {
        const gk_table_def *td = &r->tpl->tables[ti];
        int t = td->number;
        for (int row = 0; row < td->nrows; row++) {
            const gk_row_def *rd = &td->rows[row];
            band *b = s->nb ? &s->b[s->nb - 1] : NULL;
            if (b && b->table == t && b->cols == rd->cols && b->ncols == rd->ncols) {
                b->nrows++;
                continue;
            }
            if (s->nb == MAXBANDS)
                break;
            b = &s->b[s->nb++];
            memset(b, 0, sizeof *b);
            b->table = t;
            b->cols = rd->cols;
            b->ncols = rd->ncols < MAXCOLS ? rd->ncols : MAXCOLS;
            b->first_row = row;
            b->nrows = 1;
        }
    }
    for (int i = 0; i < s->nb; i++)
        band_widths(&p->doc->cells, &s->b[i]);
}

static const char *group_label(const char *key)
{
    int n;
    const gk_group_def *g = template_groups(&n);
    for (int i = 0; key && i < n; i++)
        if (!strcmp(g[i].key, key))
            return g[i].label;
    return NULL;
}

/* A group heading is worth a row unless its only row says the same. */
static int group_heading(const gk_table_def *td, int row)
{
    const gk_row_def *rd = &td->rows[row];
    if (!rd->group || (row > 0 && td->rows[row - 1].group && !strcmp(td->rows[row - 1].group, rd->group)))
        return 0;
    int single = row + 1 >= td->nrows || !td->rows[row + 1].group ||
                 strcmp(td->rows[row + 1].group, rd->group);
    const char *gl = group_label(rd->group);
    return gl && !(single && !strcmp(gl, rd->short_label));
}

static void build_band_rows(tbl_state *s, int bi, const gk_table_def *td)
{
    band *b = &s->b[bi];
    for (int k = 0; k < (b->two ? 2 : 1); k++)
        push(s, (vrow){VR_HEAD, b->table, -1, bi, k, NULL, 0});
    for (int row = b->first_row; row < b->first_row + b->nrows; row++) {
        if (group_heading(td, row))
            push(s, (vrow){VR_GROUP, b->table, -1, bi, 0, group_label(td->rows[row].group), 0});
        push(s, (vrow){VR_DATA, b->table, row, bi, 0, NULL, td->rows[row].group && group_label(td->rows[row].group) ? 2 : 0});
    }
}

static void build_rows(panel *p)
{
    tbl_state *s = ST(p);
    const gk_report *r = rep(p);
    s->nv = 0;
    for (int ti = 0; ti < GK_NTABLES; ti++) {
        const gk_table_def *td = &r->tpl->tables[ti];
        int t = td->number;
        snprintf(s->titles[ti], sizeof s->titles[ti], "%s %s%s", template_table_shape(t)->name, td->title,
                 r->table_line[ti] ? "" : "（原文中未找到）");
        if (ti > 0)
            push(s, (vrow){VR_GAP, t, -1, -1, 0, NULL, 0});
        push(s, (vrow){VR_TITLE, t, -1, -1, 0, s->titles[ti], 0});
        for (int bi = 0; bi < s->nb; bi++)
            if (s->b[bi].table == t)
                build_band_rows(s, bi, td);
    }
}

static int label_width(const panel *p)
{
    const tbl_state *s = ST(p);
    int w = 4;
    for (int i = 0; i < s->nv; i++) {
        const vrow *v = &s->v[i];
        const char *t = v->kind == VR_DATA ? template_table(rep(p)->tpl, v->table)->rows[v->row].short_label
                        : v->kind == VR_GROUP ? v->text : NULL;
        int lw = t ? draw_width(t, 0) + v->indent : 0;
        w = lw > w ? lw : w;
    }
    return w;
}

/* ---- cursor ------------------------------------------------------------------------ */

static int cur_cell(const panel *p)
{
    const tbl_state *s = ST(p);
    if (!rep(p) || s->cur < 0)
        return -1;
    const vrow *v = &s->v[s->cur];
    return template_cell_at(rep(p)->tpl, v->table, v->row, s->col);
}

static int band_first(const panel *p, const band *b)
{
    int avail = data_width(p), first = ST(p)->hoff;
    if (band_total(b, b->two) <= avail)
        return 0;
    if (first > b->ncols - 1)
        first = b->ncols - 1;
    int w = 0, minfirst = b->ncols;       /* the first column that still fills the width */
    while (minfirst > 0 && w + colw(b, minfirst - 1) + 1 <= avail)
        w += colw(b, --minfirst) + 1;
    return first > minfirst ? minfirst : (first < 0 ? 0 : first);
}

static int band_last(const panel *p, const band *b, int first)
{
    int avail = data_width(p), w = 0, c = first;
    while (c < b->ncols && w + colw(b, c) + 1 <= avail)
        w += colw(b, c++) + 1;
    return c > first ? c - 1 : first;
}

static int pinned(const panel *p, int top)
{
    const tbl_state *s = ST(p);
    if (top >= s->nv || top < 0)
        return 0;
    const vrow *v = &s->v[top];
    if (v->kind != VR_DATA && v->kind != VR_GROUP)
        return 0;
    return s->b[v->band].two ? 2 : 1;
}

static int body_rows(const panel *p)
{
    return p->r.h - 1 > 0 ? p->r.h - 1 : 0;
}

static void ensure_visible(panel *p)
{
    tbl_state *s = ST(p);
    int h = body_rows(p);
    if (s->top > s->nv - h)
        s->top = s->nv - h;
    if (s->top < 0)
        s->top = 0;
    if (s->cur < 0 || h <= 0)
        return;
    int so = h >= 12 ? 3 : h >= 6 ? 1 : 0;     /* rows kept around the cursor */
    if (s->cur < s->top + so) {
        s->top = s->cur - so > 0 ? s->cur - so : 0;
        while (s->top > 0 && s->v[s->top - 1].kind != VR_DATA && s->cur - s->top < h / 2)
            s->top--;                      /* show the titles and headers above */
    }
    for (;;) {
        int end = s->top + h - pinned(p, s->top);
        if (s->top < s->nv && s->v[s->top].kind == VR_HEAD && s->v[s->top].hline > 0)
            s->top++;                      /* never start on a header's second line */
        else if (s->top < s->cur && (s->cur >= end || (s->cur + so >= end && end < s->nv)))
            s->top++;
        else
            break;
    }
    /* keep the cursor's column on screen */
    const band *b = &s->b[s->v[s->cur].band];
    if (band_total(b, b->two) > data_width(p)) {
        if (s->col < band_first(p, b))
            s->hoff = s->col;
        while (s->col > band_last(p, b, band_first(p, b)) && s->hoff < b->ncols - 1)
            s->hoff = band_first(p, b) + 1;
    }
}

static void set_cursor(panel *p, int vr, int col)
{
    tbl_state *s = ST(p);
    int n = s->b[s->v[vr].band].ncols;
    s->cur = vr;
    s->col = col < 0 ? 0 : col >= n ? n - 1 : col;
    ensure_visible(p);
}

static int find_row(const panel *p, int table, int row)
{
    const tbl_state *s = ST(p);
    for (int i = 0; i < s->nv; i++)
        if (s->v[i].kind == VR_DATA && s->v[i].table == table && s->v[i].row == row)
            return i;
    return -1;
}

static void goto_cell(panel *p, int cell)
{
    if (!rep(p) || cell < 0 || cell >= rep(p)->tpl->ncells)
        return;
    const gk_cell_def *cd = &rep(p)->tpl->cells[cell];
    int vr = find_row(p, cd->table, cd->row);
    if (vr >= 0) {
        set_cursor(p, vr, cd->col);
        ST(p)->goal = cd->col;
    }
}

/* The DATA row `steps` data rows away from vr (clamped). */
static int data_step(const panel *p, int vr, int steps)
{
    const tbl_state *s = ST(p);
    int dir = steps < 0 ? -1 : 1, best = vr;
    for (int i = vr + dir; i >= 0 && i < s->nv && steps; i += dir)
        if (s->v[i].kind == VR_DATA) {
            best = i;
            steps -= dir;
        }
    return best;
}

/* ---- drawing ------------------------------------------------------------------------ */

static void draw_head(panel *p, WINDOW *w, int y, const band *b, int hline)
{
    tbl_state *s = ST(p);
    ui_style st = theme_style(EL_NORMAL);
    ui_style hs = st;
    hs.attr |= A_BOLD;
    draw_fill(w, y, p->r.x, p->r.w, st);
    int first = band_first(p, b), last = band_last(p, b, first), x = p->r.x + s->labelw + 1;
    for (int c = first; c <= last; c++) {
        const char *l = b->cols[c].short_label;
        int wdt;
        size_t cut = b->two ? split_label(l, &wdt) : 0, len = strlen(l);
        const char *part = l;
        size_t plen = len;
        if (b->two) {                      /* bottom-aligned: a whole label on line 2 */
            part = hline == 0 ? l : l + cut;
            plen = hline == 0 ? cut : len - cut;
        }
        draw_text(w, y, x, colw(b, c), part, plen, 0, hs, DRAW_PAD | DRAW_RIGHT | DRAW_MARK);
        x += colw(b, c) + 1;
    }
    if (first > 0)
        draw_text(w, y, p->r.x + s->labelw, 1, "<", 1, 0, hs, 0);
    if (last < b->ncols - 1)
        draw_text(w, y, p->r.x + p->r.w - 1, 1, ">", 1, 0, hs, 0);
}

static ui_style cell_style(const panel *p, int cell, int cursor, int focused)
{
    static const theme_el TONE_EL[] = {
        [VIEW_TONE_NORMAL] = EL_NORMAL, [VIEW_TONE_DISMISSED] = EL_DISMISSED,
        [VIEW_TONE_WARNING] = EL_WARNING, [VIEW_TONE_BLANK] = EL_BLANK,
        [VIEW_TONE_INFERRED] = EL_INFERRED, [VIEW_TONE_CORRECTED] = EL_CORRECTED,
        [VIEW_TONE_ERROR] = EL_ERROR,
    };
    const tbl_state *s = ST(p);
    view_tone tone = view_cell_tone(&p->doc->cells, cell);
    ui_style st = theme_style(TONE_EL[tone]);
    for (int i = 0; i < s->nmark; i++)
        if (s->mark[i] == cell)
            st.attr |= A_UNDERLINE | A_BOLD;
    if (cursor && focused)
        st = tone == VIEW_TONE_NORMAL ? theme_style(EL_SELECTED) : (ui_style){st.attr | A_REVERSE, st.pair};
    else if (cursor)
        st.attr |= A_UNDERLINE;
    return st;
}

static void draw_data(panel *p, WINDOW *w, int y, int vi, int focused)
{
    tbl_state *s = ST(p);
    const vrow *v = &s->v[vi];
    const band *b = &s->b[v->band];
    const gk_report *r = rep(p);
    ui_style st = theme_style(EL_NORMAL), ls = st;
    if (vi == s->cur)
        ls.attr |= A_BOLD;
    draw_fill(w, y, p->r.x, p->r.w, st);
    draw_text(w, y, p->r.x + v->indent, s->labelw - v->indent,
              template_table(r->tpl, v->table)->rows[v->row].short_label,
              strlen(template_table(r->tpl, v->table)->rows[v->row].short_label), 0, ls,
              DRAW_PAD | DRAW_MARK);
    int first = band_first(p, b), last = band_last(p, b, first), x = p->r.x + s->labelw + 1;
    for (int c = first; c <= last; c++) {
        int cell = template_cell_at(r->tpl, v->table, v->row, c);
        char buf[48];
        const char *t = cell >= 0 ? view_cells_text(&p->doc->cells, cell, buf, sizeof buf) : "";
        draw_text(w, y, x, colw(b, c), t, strlen(t), 0,
                  cell_style(p, cell, vi == s->cur && c == s->col, focused),
                  DRAW_PAD | DRAW_RIGHT | DRAW_MARK);
        x += colw(b, c) + 1;
    }
    if (last < b->ncols - 1)
        draw_text(w, y, p->r.x + p->r.w - 1, 1, ">", 1, 0, st, 0);
}

static void draw_vrow(panel *p, WINDOW *w, int y, int vi, int focused)
{
    tbl_state *s = ST(p);
    const vrow *v = &s->v[vi];
    ui_style st = theme_style(EL_NORMAL);
    switch (v->kind) {
    case VR_DATA: draw_data(p, w, y, vi, focused); return;
    case VR_HEAD: draw_head(p, w, y, &s->b[v->band], v->hline); return;
    case VR_TITLE: st.attr |= A_BOLD | A_UNDERLINE; break;
    case VR_GROUP: st.attr |= A_BOLD; break;
    default: break;
    }
    draw_fill(w, y, p->r.x, p->r.w, theme_style(EL_NORMAL));
    if (v->text)
        draw_text(w, y, p->r.x, p->r.w, v->text, strlen(v->text), 0, st, DRAW_MARK);
}

static void draw_title(panel *p, WINDOW *w, int focused)
{
    tbl_state *s = ST(p);
    char title[256];
    if (s->cur < 0) {
        panel_draw_title(w, p, "表格", focused);
        return;
    }
    const vrow *v = &s->v[s->cur];
    const band *b = &s->b[v->band];
    int cell = cur_cell(p), n = snprintf(title, sizeof title, "%s", template_table_shape(v->table)->name);
    if (band_total(b, b->two) > data_width(p) && n > 0 && (size_t)n < sizeof title) {
        int first = band_first(p, b);          /* columns scroll: say which are shown */
        n += snprintf(title + n, sizeof title - (size_t)n, "[列%d-%d/%d]", first + 1,
                      band_last(p, b, first) + 1, b->ncols);
    }
    if (cell >= 0 && n > 0 && (size_t)n < sizeof title)
        snprintf(title + n, sizeof title - (size_t)n, " %s", rep(p)->tpl->cells[cell].label);
    panel_draw_title(w, p, title, focused);
}

static void draw_error(panel *p, WINDOW *w, int focused)
{
    panel_draw_title(w, p, "表格", focused);
    const char *path = p->doc ? p->doc->path : "", *slash = strrchr(path, '/');
    char *msg = xasprintf("无法读取报告 %s\n原因：%s\n路径：%s\n\n按 ] 或 [ 打开其他报告，q 退出。",
                          slash && slash[1] ? slash + 1 : path,
                          p->doc && p->doc->error ? p->doc->error : "", path);
    for (int r = 1; r < p->r.h; r++)
        draw_fill(w, p->r.y + r, p->r.x, p->r.w, theme_style(EL_NORMAL));
    draw_wrap(w, p->r.y + 1, p->r.x, p->r.w, p->r.h - 1, msg, theme_style(EL_ERROR));
    free(msg);
}

static void tbl_draw(panel *p, WINDOW *w, int focused)
{
    tbl_state *s = ST(p);
    if (!rep(p)) {
        draw_error(p, w, focused);
        return;
    }
    draw_title(p, w, focused);
    int y = p->r.y + 1, yend = p->r.y + p->r.h, pin = pinned(p, s->top);
    if (pin) {
        const band *b = &s->b[s->v[s->top].band];
        for (int k = 0; k < pin && y < yend; k++)
            draw_head(p, w, y++, b, k);
    }
    for (int i = s->top; i < s->nv && y < yend; i++)
        draw_vrow(p, w, y++, i, focused);
    for (; y < yend; y++)
        draw_fill(w, y, p->r.x, p->r.w, theme_style(EL_NORMAL));
}

/* ---- keys --------------------------------------------------------------------------- */

static int move_key(panel *p, int action, ui_reply *out)
{
    tbl_state *s = ST(p);
    int page = body_rows(p) > 4 ? body_rows(p) - 4 : 1, cell;
    switch (action) {
    case ACT_UP: set_cursor(p, data_step(p, s->cur, -1), s->goal); break;
    case ACT_DOWN: set_cursor(p, data_step(p, s->cur, 1), s->goal); break;
    case ACT_PGUP: set_cursor(p, data_step(p, s->cur, -page), s->goal); break;
    case ACT_PGDN: set_cursor(p, data_step(p, s->cur, page), s->goal); break;
    case ACT_LEFT: set_cursor(p, s->cur, s->col - 1); s->goal = s->col; break;
    case ACT_RIGHT: set_cursor(p, s->cur, s->col + 1); s->goal = s->col; break;
    case ACT_HOME: goto_cell(p, 0); break;
    case ACT_END: goto_cell(p, rep(p)->tpl->ncells - 1); break;
    case ACT_NEXT_TABLE: {
        const gk_cell_def *cd = &rep(p)->tpl->cells[cur_cell(p)];
        int t = cd->table == 4 ? 2 : cd->table + 1;
        goto_cell(p, template_cell_at(rep(p)->tpl, t, 0, 0));
        break;
    }
    default: return PR_IGNORED;
    }
    s->nmark = 0;
    cell = cur_cell(p);
    out->sel.cell = cell;
    out->sel.finding = -1;
    out->sel.line = cell >= 0 ? rep(p)->cells[cell].line : 0;
    return PR_HANDLED | PR_SELECT;
}

static int tbl_key(panel *p, int action, const char *arg, ui_reply *out)
{
    (void)arg;
    if (!rep(p) || ST(p)->cur < 0)
        return PR_IGNORED;
    return move_key(p, action, out);
}

/* A click on a value selects its cell (a double click: and shows its detail);
 * on a row's label, the row's first shown column. */
static int tbl_click(panel *p, int y, int x, int dbl, ui_reply *out)
{
    tbl_state *s = ST(p);
    if (!rep(p) || s->cur < 0)
        return PR_HANDLED;
    int row = y - (p->r.y + 1), pin = pinned(p, s->top);
    if (row < pin)
        return PR_HANDLED;
    int vi = s->top + row - pin;
    if (vi < 0 || vi >= s->nv || s->v[vi].kind != VR_DATA)
        return PR_HANDLED;
    const band *b = &s->b[s->v[vi].band];
    int first = band_first(p, b), last = band_last(p, b, first), cx = p->r.x + s->labelw + 1, col = first;
    for (int c = first; c <= last; c++) {
        if (x >= cx && x < cx + colw(b, c) + 1)
            col = c;
        cx += colw(b, c) + 1;
    }
    set_cursor(p, vi, col);
    s->goal = s->col;
    s->nmark = 0;
    int cell = cur_cell(p);
    out->sel.cell = cell;
    out->sel.finding = -1;
    out->sel.line = cell >= 0 ? rep(p)->cells[cell].line : 0;
    return PR_HANDLED | PR_SELECT | (dbl ? PR_DETAIL : 0);
}

/* ---- lifecycle ---------------------------------------------------------------------- */

static void layout_rows(panel *p)
{
    tbl_state *s = ST(p);
    int cell = cur_cell(p);
    for (int i = 0; i < s->nb; i++)
        s->b[i].two = band_total(&s->b[i], 0) > data_width(p);
    build_rows(p);
    s->cur = -1;
    if (cell >= 0)
        goto_cell(p, cell);
}

static void tbl_open(panel *p, const ui_doc *d)
{
    tbl_state *s = ST(p);
    p->doc = d;
    s->nv = s->nb = 0;
    s->cur = -1;
    s->col = s->goal = s->top = s->hoff = 0;
    s->nmark = 0;
    if (!d->r)
        return;
    make_bands(p);
    build_rows(p);
    s->labelw = label_width(p);
    layout_rows(p);
    goto_cell(p, 0);
}

static void tbl_resize(panel *p, ui_rect r)
{
    tbl_state *s = ST(p);
    p->r = r;
    if (!rep(p))
        return;
    s->labelw = label_width(p);
    if (s->labelw > r.w / 3 && r.w / 3 >= 6)
        s->labelw = r.w / 3;
    layout_rows(p);
}

static int tbl_preferred(panel *p, int avail)
{
    tbl_state *s = ST(p);
    if (!rep(p))
        return avail / 2;
    int one = 0, two = 0;
    for (int i = 0; i < s->nb; i++) {
        int a = band_total(&s->b[i], 0), b = band_total(&s->b[i], 1);
        one = a > one ? a : one;
        two = b > two ? b : two;
    }
    int lw = label_width(p) + 1;
    if (lw + one <= avail)
        return lw + one;
    return lw + two <= avail ? lw + two : avail;
}

static void tbl_select(panel *p, const ui_sel *sel)
{
    tbl_state *s = ST(p);
    if (!rep(p))
        return;
    s->nmark = 0;
    if (sel->finding >= 0 && sel->finding < rep(p)->nfindings && rep(p)->findings[sel->finding].ncells) {
        const gk_finding *f = &rep(p)->findings[sel->finding];
        s->mark = xrealloc(s->mark, (size_t)f->ncells * sizeof *s->mark);
        memcpy(s->mark, f->cells, (size_t)f->ncells * sizeof *s->mark);
        s->nmark = f->ncells;
    }
    if (sel->cell >= 0)
        goto_cell(p, sel->cell);
}

/* Values changed width (a correction, a note mark): widths and rows again. */
static void tbl_refresh(panel *p)
{
    tbl_state *s = ST(p);
    if (!rep(p))
        return;
    for (int i = 0; i < s->nb; i++)
        band_widths(&p->doc->cells, &s->b[i]);
    layout_rows(p);
}

static void tbl_free(panel *p)
{
    free(ST(p)->v);
    free(ST(p)->mark);
}

static const panel_ops TABLES_OPS = {
    .name = "tables", .open = tbl_open, .resize = tbl_resize, .preferred_width = tbl_preferred,
    .draw = tbl_draw, .key = tbl_key, .select = tbl_select, .changed = tbl_refresh, .click = tbl_click,
    .free = tbl_free,
};

panel *panel_tables_new(void)
{
    panel *p = panel_alloc(&TABLES_OPS, sizeof(tbl_state));
    ST(p)->cur = -1;
    return p;
}
