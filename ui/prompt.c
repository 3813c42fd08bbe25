/* prompt.c — the line prompt, the text box and one-key questions (see
 * prompt.h).  The text being edited is an array of wide characters with a
 * cursor; it is drawn through draw.c like everything else. */
#include "prompt.h"
#include "draw.h"
#include "mouse.h"
#include "sig.h"
#include "overlay.h"
#include "text.h"
#include "theme.h"
#include "util.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#define CTRL(c) ((c) & 0x1f)
#define KEY_PASTE_ON (KEY_MAX + 1)
#define KEY_PASTE_OFF (KEY_MAX + 2)

typedef struct {
    wchar_t *s;
    int n, cap, pos;
    int multi;          /* the box: line ends allowed */
    int paste;          /* inside a bracketed paste */
    int top;            /* the box: first visual row shown */
    prompt_check check; /* Enter: NULL accepts, else why not (the prompt stays) */
    void *check_ctx;
    char *err;          /* the last refusal, shown until the next key */
} ed;

void prompt_setup(void)
{
    define_key("\033[200~", KEY_PASTE_ON);
    define_key("\033[201~", KEY_PASTE_OFF);
}

/* ---- the buffer ------------------------------------------------------------------ */

static void ed_insert(ed *e, wchar_t c)
{
    if (e->n + 1 >= e->cap) {
        e->cap = e->cap ? e->cap * 2 : 64;
        e->s = xrealloc(e->s, (size_t)e->cap * sizeof *e->s);
    }
    memmove(e->s + e->pos + 1, e->s + e->pos, (size_t)(e->n - e->pos) * sizeof *e->s);
    e->s[e->pos++] = c;
    e->n++;
}

/* Deletes characters [from, to). */
static void ed_cut(ed *e, int from, int to)
{
    if (from < 0 || to > e->n || from >= to)
        return;
    memmove(e->s + from, e->s + to, (size_t)(e->n - to) * sizeof *e->s);
    e->n -= to - from;
    if (e->pos > to)
        e->pos -= to - from;
    else if (e->pos > from)
        e->pos = from;
}

static void ed_load(ed *e, const char *s)
{
    size_t len = s ? strlen(s) : 0;
    for (size_t i = 0; i < len;) {
        unsigned cp;
        int k = utf8_decode(s + i, len - i, &cp);
        ed_insert(e, k > 0 ? (wchar_t)cp : (wchar_t)0xFFFD);
        i += k > 0 ? (size_t)k : 1;
    }
}

static char *ed_utf8(const ed *e, int from, int to)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_adds(&b, "");
    for (int i = from; i < to; i++) {
        char u[4];
        sbuf_add(&b, u, (size_t)utf8_encode((unsigned)e->s[i], u));
    }
    return sbuf_steal(&b);
}

static int line_start(const ed *e, int at)
{
    while (at > 0 && e->s[at - 1] != L'\n')
        at--;
    return at;
}

static int line_end(const ed *e, int at)
{
    while (at < e->n && e->s[at] != L'\n')
        at++;
    return at;
}

/* Up or down one line ending, keeping the offset in the line. */
static void ed_vertical(ed *e, int dir)
{
    int st = line_start(e, e->pos), off = e->pos - st;
    if (dir < 0) {
        if (st == 0)
            return;
        int prev = line_start(e, st - 1);
        e->pos = prev + off < st - 1 ? prev + off : st - 1;
    } else {
        int end = line_end(e, e->pos);
        if (end == e->n)
            return;
        int nend = line_end(e, end + 1);
        e->pos = end + 1 + off < nend ? end + 1 + off : nend;
    }
}

/* ---- keys --------------------------------------------------------------------------- */

/* Editing keys shared by the line and the box; 1 when taken. */
static int ed_move_key(ed *e, int func, wint_t ch)
{
    if ((func && ch == KEY_BACKSPACE) || (!func && (ch == 127 || ch == 8)))
        ed_cut(e, e->pos - 1, e->pos);
    else if ((func && ch == KEY_DC) || (!func && ch == CTRL('d')))
        ed_cut(e, e->pos, e->pos + 1);
    else if ((func && ch == KEY_LEFT) || (!func && ch == CTRL('b')))
        e->pos = e->pos > 0 ? e->pos - 1 : 0;
    else if ((func && ch == KEY_RIGHT) || (!func && ch == CTRL('f')))
        e->pos = e->pos < e->n ? e->pos + 1 : e->n;
    else if ((func && ch == KEY_HOME) || (!func && ch == CTRL('a')))
        e->pos = line_start(e, e->pos);
    else if ((func && ch == KEY_END) || (!func && ch == CTRL('e')))
        e->pos = line_end(e, e->pos);
    else if (!func && ch == CTRL('u'))
        ed_cut(e, line_start(e, e->pos), e->pos);
    else if (!func && ch == CTRL('k'))
        ed_cut(e, e->pos, line_end(e, e->pos));
    else if (func && (ch == KEY_UP || ch == KEY_DOWN) && e->multi)
        ed_vertical(e, ch == KEY_UP ? -1 : 1);
    else
        return 0;
    return 1;
}

/* One key: 1 done, -1 cancelled, 0 go on. */
static int ed_key(ed *e, int func, wint_t ch)
{
    if (func && (ch == KEY_PASTE_ON || ch == KEY_PASTE_OFF)) {
        e->paste = ch == KEY_PASTE_ON;
        return 0;
    }
    int eol = (!func && (ch == '\n' || ch == '\r')) || (func && ch == KEY_ENTER);
    if (eol && (e->paste || (!func && ch == '\n' && e->multi))) {
        ed_insert(e, e->multi ? L'\n' : L' ');  /* Ctrl-J, or a line end inside a paste */
        return 0;
    }
    if (eol)
        return 1;
    if (!func && (ch == 27 || ch == CTRL('c')))
        return -1;
    if (ed_move_key(e, func, ch))
        return 0;
    if (!func && ch == '\t')
        ed_insert(e, L' ');
    else if (!func && iswprint(ch))
        ed_insert(e, (wchar_t)ch);
    return 0;
}

/* Reads keys until done or cancelled; draw(e, ctx) paints before each.
 * A signal that ends the program, or an interrupt, cancels. */
static int ed_run(const prompt_host *h, ed *e, void (*draw)(ed *e, const void *arg), const void *arg)
{
    int resized = 0;
    for (;;) {
        h->paint(h->ctx, resized);
        resized = 0;
        draw(e, arg);
        wrefresh(stdscr);
        wint_t ch;
        int rc = wget_wch(stdscr, &ch);
        if (sig_ending() || sig_take_interrupt())
            return -1;
        if (rc == ERR)
            continue;
        int func = rc == KEY_CODE_YES;
        if (func && ch == KEY_RESIZE) {
            resized = 1;
            continue;
        }
        if (mouse_key(rc, ch, NULL))
            continue;                     /* no clicks inside a prompt */
        free(e->err);
        e->err = NULL;
        int done = ed_key(e, func, ch);
        if (done > 0 && e->check) {
            char *text = ed_utf8(e, 0, e->n);
            e->err = e->check(text, e->check_ctx);
            free(text);
            if (e->err)
                continue;
        }
        if (done)
            return done;
    }
}

static char *ed_finish(ed *e, int done)
{
    char *s = done > 0 ? ed_utf8(e, 0, e->n) : NULL;
    free(e->s);
    free(e->err);
    return s;
}

/* ---- the line ------------------------------------------------------------------------ */

static void line_draw(ed *e, const void *arg)
{
    const char *label = arg;
    ui_style st = theme_style(EL_STATUS);
    int y = LINES - 1, lw = draw_text(stdscr, y, 0, COLS, label, strlen(label), 0, st, DRAW_MARK);
    int avail = COLS - lw - 1;
    char *all = ed_utf8(e, 0, e->n), *before = ed_utf8(e, 0, e->pos);
    int cur = draw_width(before, 0), skip = 0;
    if (avail > 4 && cur > avail - 2)
        skip = cur - (avail - 2);           /* keep the cursor in view */
    int used = avail > 0 ? draw_text(stdscr, y, lw, avail, all, strlen(all), skip, st, DRAW_MARK) : 0;
    draw_fill(stdscr, y, lw + used, COLS - lw - used, st);
    if (e->err) {
        ui_style es = theme_style(EL_ERROR);
        es.attr |= A_REVERSE | A_BOLD;
        draw_text(stdscr, y - 1, 0, COLS, e->err, strlen(e->err), 0, es, DRAW_PAD | DRAW_MARK);
    }
    int cx = lw + cur - skip;
    wmove(stdscr, y, cx < COLS ? cx : COLS - 1);
    free(all);
    free(before);
}

char *prompt_line(const prompt_host *h, const char *label, const char *initial)
{
    return prompt_line_checked(h, label, initial, NULL, NULL);
}

char *prompt_line_checked(const prompt_host *h, const char *label, const char *initial, prompt_check check, void *ctx)
{
    ed e;
    memset(&e, 0, sizeof e);
    e.check = check;
    e.check_ctx = ctx;
    ed_load(&e, initial);
    curs_set(1);
    int done = ed_run(h, &e, line_draw, label);
    curs_set(0);
    return ed_finish(&e, done);
}

/* ---- the box -------------------------------------------------------------------------- */

typedef struct {
    const char *title, *about;
} box_args;

static int char_width(wchar_t c)
{
    int w = wcwidth(c);
    return w < 0 ? 1 : w;
}

/* Lays the text out in rows of `width`: row and column of index i. */
static void box_pos(const ed *e, int width, int upto, int *row, int *col)
{
    int r = 0, c = 0;
    for (int i = 0; i < upto; i++) {
        if (e->s[i] == L'\n') {
            r++;
            c = 0;
            continue;
        }
        int w = char_width(e->s[i]);
        if (c + w > width) {
            r++;
            c = 0;
        }
        c += w;
    }
    if (c >= width) {                     /* the cursor after a full row */
        r++;
        c = 0;
    }
    *row = r;
    *col = c;
}

/* Draws rows [top, top + h) of the text at (y, x). */
static void box_text(const ed *e, int y, int x, int width, int h, int top)
{
    int r = 0, c = 0, from = 0;
    ui_style st = theme_style(EL_NORMAL);
    for (int i = 0; i <= e->n; i++) {
        int brk = i == e->n || e->s[i] == L'\n' || c + char_width(e->s[i]) > width;
        if (brk) {
            if (r >= top && r < top + h) {
                char *seg = ed_utf8(e, from, i);
                draw_text(stdscr, y + r - top, x, width, seg, strlen(seg), 0, st, DRAW_PAD);
                free(seg);
            }
            if (i == e->n)
                break;
            r++;
            c = 0;
            from = e->s[i] == L'\n' ? i + 1 : i;
            if (e->s[i] == L'\n')
                continue;
        }
        c += char_width(e->s[i]);
    }
}

static void box_draw(ed *e, const void *arg)
{
    const box_args *a = arg;
    int W = COLS < 76 ? COLS : 76, H = LINES - 2 < 16 ? LINES - 2 : 16;
    ui_rect in = overlay_frame(stdscr, W, H, a->title);
    int y = in.y;
    if (a->about && in.h > 6) {
        int rows = draw_wrap_rows(a->about, in.w);
        rows = rows > in.h / 3 ? in.h / 3 : rows;
        ui_style dim = theme_style(EL_NORMAL);
        dim.attr |= A_BOLD;
        y += draw_wrap(stdscr, y, in.x, in.w, rows, a->about, dim);
        y++;
    }
    const char *keys = "回车 确定 · Ctrl-J 换行 · Esc 取消";
    int h = in.y + in.h - 1 - y;
    if (e->err) {
        ui_style es = theme_style(EL_ERROR);
        es.attr |= A_REVERSE | A_BOLD;
        draw_text(stdscr, in.y + in.h - 1, in.x, in.w, e->err, strlen(e->err), 0, es, DRAW_PAD | DRAW_MARK);
    } else {
        draw_str(stdscr, in.y + in.h - 1, in.x, in.w, keys, theme_style(EL_STATUS));
    }
    if (h < 1)
        return;
    int row, col;
    box_pos(e, in.w, e->pos, &row, &col);
    if (row < e->top)
        e->top = row;
    if (row >= e->top + h)
        e->top = row - h + 1;
    box_text(e, y, in.x, in.w, h, e->top);
    wmove(stdscr, y + row - e->top, in.x + col);
}

static void paste_mode(int on)
{
    fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
    fflush(stdout);
}

char *prompt_box(const prompt_host *h, const char *title, const char *about, const char *initial)
{
    return prompt_box_checked(h, title, about, initial, NULL, NULL);
}

char *prompt_box_checked(const prompt_host *h, const char *title, const char *about, const char *initial,
                         prompt_check check, void *ctx)
{
    ed e;
    memset(&e, 0, sizeof e);
    e.multi = 1;
    e.check = check;
    e.check_ctx = ctx;
    ed_load(&e, initial);
    box_args a = {title, about};
    paste_mode(1);
    curs_set(1);
    int done = ed_run(h, &e, box_draw, &a);
    curs_set(0);
    paste_mode(0);
    redrawwin(stdscr);                    /* the box edge may have cut a wide character in two */
    return ed_finish(&e, done);
}

/* ---- questions ---------------------------------------------------------------------------- */

int prompt_ask(const prompt_host *h, const char *question, const char *keys)
{
    int resized = 0;
    for (;;) {
        h->paint(h->ctx, resized);
        resized = 0;
        ui_style st = theme_style(EL_WARNING);
        st.attr |= A_REVERSE | A_BOLD;
        draw_text(stdscr, LINES - 1, 0, COLS, question, strlen(question), 0, st, DRAW_PAD | DRAW_MARK);
        wrefresh(stdscr);
        wint_t ch;
        int rc = wget_wch(stdscr, &ch);
        if (sig_ending() || sig_take_interrupt())
            return 0;
        if (rc == ERR)
            continue;
        if (mouse_key(rc, ch, NULL))
            continue;
        if (rc == KEY_CODE_YES) {
            resized = ch == KEY_RESIZE;
            continue;
        }
        if (ch == 27 || ch == CTRL('c'))
            return 0;
        if (ch < 128 && strchr(keys, (int)towlower(ch)) && ch)
            return (int)towlower(ch);
    }
}
