/* tui.c — app_tui(): the screen manager.  Owns the curses screen, the list
 * of reports (one loaded at a time), the layout (recomputed in one
 * function, on start and on KEY_RESIZE — never in a signal handler), the
 * status bar, the key bar, the search prompt and the overlays.  It turns
 * keys into actions (actions.c), gives them to the focused panel, routes
 * what the panel did not take, and hands every new selection to the other
 * panels. */
#include "actions.h"
#include "app.h"
#include "batch.h"
#include "conf.h"
#include "draw.h"
#include "overlay.h"
#include "panel.h"
#include "text.h"
#include "theme.h"
#include "util.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wctype.h>

#define MIN_W 60
#define MIN_H 16
#define SRC_MIN 28

enum { OV_NONE, OV_HELP, OV_DETAIL };
enum { PANEL_SOURCE, PANEL_TABLES, PANEL_FINDINGS, PANEL_DETAIL, NPANELS };

typedef struct {
    gk_batch batch;
    ui_doc doc;
    panel *p[NPANELS];
    int focus;              /* PANEL_SOURCE, PANEL_TABLES or PANEL_FINDINGS */
    int show_findings;
    int too_small;
    int overlay;
    ui_sel sel;
    char msg[512];
    ui_msgs notes;          /* configuration and theme messages */
    ui_config cfg;
} tui;

/* ---- reports ------------------------------------------------------------------ */

static void doc_close(tui *t)
{
    view_cells_free(&t->doc.cells);
    report_free(t->doc.r);
    free(t->doc.error);
    t->doc.r = NULL;
    t->doc.error = NULL;
}

static void select_all(tui *t, const ui_sel *sel, int except)
{
    t->sel = *sel;
    for (int i = 0; i < NPANELS; i++)
        if (i != except)
            t->p[i]->ops->select(t->p[i], sel);
}

static void doc_open(tui *t, size_t i)
{
    doc_close(t);
    t->doc.path = t->batch.files.v[i].path;
    t->doc.index = (int)i;
    t->doc.count = (int)t->batch.files.n;
    t->doc.r = batch_load(&t->batch, i, &t->doc.error);
    if (!t->doc.r && !t->doc.error)
        t->doc.error = xstrdup("无法读取");
    view_cells_init(&t->doc.cells, t->doc.r);
    for (int k = 0; k < NPANELS; k++)
        t->p[k]->ops->open(t->p[k], &t->doc);
    ui_sel sel = {-1, -1, 0};
    if (t->doc.r && t->doc.r->tpl->ncells > 0) {
        sel.cell = 0;
        sel.line = t->doc.r->cells[0].line;
    }
    select_all(t, &sel, -1);
}

/* ---- layout ---------------------------------------------------------------------- */

static void layout(tui *t)
{
    int H = LINES, W = COLS;
    t->too_small = W < MIN_W || H < MIN_H;
    if (t->too_small)
        return;
    int dh = H >= 40 ? 4 : H >= 30 ? 3 : 2;
    int fh = 0;
    if (t->show_findings) {
        int n = t->doc.r ? t->doc.r->nfindings : 0;
        int maxf = (H - 2 - dh) * 2 / 5;
        fh = n + 1 < 4 ? 4 : n + 1;
        fh = fh > maxf ? maxf : fh;
    }
    int mh = H - 2 - dh - fh;
    int tw = t->p[PANEL_TABLES]->ops->preferred_width(t->p[PANEL_TABLES], W - 1 - SRC_MIN);
    if (tw < W / 2 && W - 1 - tw > 100)
        tw = W - 1 - 100;                /* a very wide screen: give the tables room */
    int sw = W - 1 - tw;
    t->p[PANEL_SOURCE]->ops->resize(t->p[PANEL_SOURCE], (ui_rect){1, 0, mh, sw});
    t->p[PANEL_TABLES]->ops->resize(t->p[PANEL_TABLES], (ui_rect){1, sw + 1, mh, tw});
    t->p[PANEL_FINDINGS]->ops->resize(t->p[PANEL_FINDINGS], (ui_rect){1 + mh, 0, fh, W});
    t->p[PANEL_DETAIL]->ops->resize(t->p[PANEL_DETAIL], (ui_rect){1 + mh + fh, 0, dh, W});
}

/* ---- bars ------------------------------------------------------------------------- */

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s && s[1] ? s + 1 : path;
}

/* "[2/18] 003_….txt 川汇区政府办公室 2023年 2021版" with the file name
 * shortened in its middle when the bar is short. */
static char *status_left(const tui *t, int width)
{
    const gk_report *r = t->doc.r;
    sbuf rest;
    sbuf_init(&rest);
    if (r) {
        sbuf_printf(&rest, " %s", r->body && *r->body ? r->body : "（未识别单位）");
        if (r->year)
            sbuf_printf(&rest, " %d年", r->year);
        else
            sbuf_adds(&rest, " 年份未识别");
        sbuf_printf(&rest, " %s", r->format == GK_FMT_2019 ? "2019版"
                                  : r->format == GK_FMT_2021 ? "2021版" : "格式未识别");
    } else {
        sbuf_adds(&rest, " 无法读取");
    }
    char pos[32] = "";
    if (t->doc.count > 1)
        snprintf(pos, sizeof pos, "[%d/%d] ", t->doc.index + 1, t->doc.count);
    const char *name = base_name(t->doc.path);
    int room = width - 1 - draw_width(pos, 0) - draw_width(rest.s, 0);
    char *shown = draw_clip_middle(name, room < 12 ? 12 : room);
    char *s = xasprintf(" %s%s%s", pos, shown, rest.s);
    free(shown);
    sbuf_free(&rest);
    return s;
}

static void draw_status(tui *t)
{
    ui_style st = theme_style(EL_STATUS);
    const gk_report *r = t->doc.r;
    char right[160] = "";
    if (r)
        snprintf(right, sizeof right, " 错误%d 警告%d %s%s%s ", r->nerrors, r->nwarnings, "未审核",
                 t->cfg.reviewer ? " 审核人 " : "", t->cfg.reviewer ? t->cfg.reviewer : "");
    int rw = draw_width(right, 0);
    if (rw > COLS / 2)
        rw = COLS / 2;
    char *left = status_left(t, COLS - rw);
    draw_text(stdscr, 0, 0, COLS - rw, left, strlen(left), 0, st, DRAW_PAD | DRAW_MARK);
    draw_text(stdscr, 0, COLS - rw, rw, right, strlen(right), 0, st, DRAW_PAD | DRAW_MARK);
    free(left);
}

static unsigned context(const tui *t)
{
    unsigned c = t->focus == PANEL_SOURCE ? CTX_SOURCE : t->focus == PANEL_TABLES ? CTX_TABLES : CTX_FINDINGS;
    return c | (t->doc.count > 1 ? CTX_MULTI : 0);
}

static void draw_keybar(tui *t)
{
    ui_style st = theme_style(EL_STATUS);
    if (t->msg[0]) {
        draw_text(stdscr, LINES - 1, 0, COLS, t->msg, strlen(t->msg), 0, st, DRAW_PAD | DRAW_MARK);
        return;
    }
    char *h = actions_hints(context(t));
    draw_text(stdscr, LINES - 1, 0, COLS, h, strlen(h), 0, st, DRAW_PAD | DRAW_MARK);
    free(h);
}

static void draw_separator(tui *t)
{
    const panel *s = t->p[PANEL_SOURCE];
    mvwvline_set(stdscr, s->r.y, s->r.x + s->r.w, WACS_VLINE, s->r.h);
}

static char *detail_text(const tui *t)
{
    if (t->sel.finding >= 0)
        return view_finding_detail(t->doc.r, t->sel.finding);
    if (t->sel.cell >= 0)
        return view_cell_detail(&t->doc.cells, t->sel.cell);
    return xstrdup("（未选择单元格或问题）");
}

static void draw_all(tui *t)
{
    if (t->too_small) {
        overlay_too_small(stdscr, MIN_W, MIN_H);
        wnoutrefresh(stdscr);
        doupdate();
        return;
    }
    draw_status(t);
    for (int i = 0; i < NPANELS; i++)
        if (i != PANEL_FINDINGS || t->show_findings)
            t->p[i]->ops->draw(t->p[i], stdscr, i == t->focus);
    draw_separator(t);
    draw_keybar(t);
    if (t->overlay == OV_HELP) {
        actions_draw_help(stdscr, &t->notes);
    } else if (t->overlay == OV_DETAIL) {
        char *d = detail_text(t);
        overlay_text(stdscr, "详情 · 按任意键关闭", d);
        free(d);
    }
    wnoutrefresh(stdscr);
    doupdate();
}

/* ---- the search prompt -------------------------------------------------------------- */

typedef struct {
    wchar_t in[128];
    int n;
} line_input;

static char *input_utf8(const line_input *li)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_adds(&b, "");
    for (int i = 0; i < li->n; i++) {
        char u[4];
        sbuf_add(&b, u, (size_t)utf8_encode((unsigned)li->in[i], u));
    }
    return sbuf_steal(&b);
}

static void prompt_draw(const char *label, const line_input *li)
{
    char *q = input_utf8(li), *line = xasprintf("%s%s", label, q);
    ui_style st = theme_style(EL_STATUS);
    int used = draw_text(stdscr, LINES - 1, 0, COLS, line, strlen(line), 0, st, 0);
    draw_fill(stdscr, LINES - 1, used, COLS - used, st);
    wmove(stdscr, LINES - 1, used < COLS ? used : COLS - 1);
    wrefresh(stdscr);
    free(line);
    free(q);
}

/* One key at the prompt: 1 done, -1 cancelled, 0 go on. */
static int prompt_key(tui *t, line_input *li, int rc, wint_t ch)
{
    int func = rc == KEY_CODE_YES;
    if (func && ch == KEY_RESIZE) {
        layout(t);
        erase();
        draw_all(t);
    } else if (!func && ch == 27) {
        return -1;
    } else if ((!func && (ch == '\n' || ch == '\r')) || (func && ch == KEY_ENTER)) {
        return 1;
    } else if ((func && ch == KEY_BACKSPACE) || (!func && (ch == 127 || ch == 8))) {
        li->n = li->n > 0 ? li->n - 1 : 0;
    } else if (!func && iswprint(ch) && li->n < (int)(sizeof li->in / sizeof li->in[0])) {
        li->in[li->n++] = (wchar_t)ch;
    }
    return 0;
}

/* Reads a line in the key bar: a malloc'd UTF-8 string, NULL when cancelled. */
static char *prompt(tui *t, const char *label)
{
    line_input li;
    li.n = 0;
    int done = 0;
    curs_set(1);
    while (!done) {
        if (!t->too_small)
            prompt_draw(label, &li);
        wint_t ch;
        int rc = wget_wch(stdscr, &ch);
        if (rc != ERR)
            done = prompt_key(t, &li, rc, ch);
    }
    curs_set(0);
    return done > 0 ? input_utf8(&li) : NULL;
}

/* ---- actions ------------------------------------------------------------------------- */

static void focus_next(tui *t, int dir)
{
    static const int ORDER[] = {PANEL_SOURCE, PANEL_TABLES, PANEL_FINDINGS};
    int n = t->show_findings ? 3 : 2, k = 0;
    for (int i = 0; i < n; i++)
        if (ORDER[i] == t->focus)
            k = i;
    t->focus = ORDER[(k + dir + n) % n];
}

static void to_panel(tui *t, int which, int action, const char *arg)
{
    ui_reply out;
    memset(&out, 0, sizeof out);
    out.sel = t->sel;
    int rc = t->p[which]->ops->key(t->p[which], action, arg, &out);
    if (rc == PR_IGNORED && which != PANEL_TABLES &&
        (action == ACT_NEXT_FLAG || action == ACT_PREV_FLAG || action == ACT_NEXT_TABLE)) {
        to_panel(t, PANEL_TABLES, action, arg);       /* n/N always reach the tables */
        return;
    }
    if (out.msg[0])
        snprintf(t->msg, sizeof t->msg, "%s", out.msg);
    if (rc & PR_SELECT)
        select_all(t, &out.sel, which);
}

static void switch_report(tui *t, int dir)
{
    int i = t->doc.index + dir;
    if (i < 0 || i >= t->doc.count) {
        snprintf(t->msg, sizeof t->msg, "%s", dir > 0 ? "已是最后一份报告" : "已是第一份报告");
        return;
    }
    doc_open(t, (size_t)i);
    layout(t);
}

static void search(tui *t)
{
    char *q = prompt(t, "搜索原文：");
    if (q && *q) {
        t->focus = PANEL_SOURCE;
        to_panel(t, PANEL_SOURCE, ACT_SEARCH, q);
    }
    free(q);
}

/* Returns 0 to quit. */
static int act(tui *t, action_id a)
{
    switch (a) {
    case ACT_QUIT: return 0;
    case ACT_HELP: t->overlay = OV_HELP; break;
    case ACT_DETAIL: t->overlay = t->doc.r ? OV_DETAIL : OV_NONE; break;
    case ACT_NEXT_PANEL: focus_next(t, 1); break;
    case ACT_PREV_PANEL: focus_next(t, -1); break;
    case ACT_NEXT_REPORT: switch_report(t, 1); break;
    case ACT_PREV_REPORT: switch_report(t, -1); break;
    case ACT_SEARCH: search(t); break;
    case ACT_FINDINGS:
        t->show_findings = !t->show_findings;
        t->focus = t->show_findings ? PANEL_FINDINGS : t->focus == PANEL_FINDINGS ? PANEL_TABLES : t->focus;
        layout(t);
        if (t->show_findings)
            t->p[PANEL_FINDINGS]->ops->select(t->p[PANEL_FINDINGS], &t->sel);
        break;
    case ACT_NONE: break;
    default: to_panel(t, t->focus, a, NULL); break;
    }
    return 1;
}

/* ---- start and finish ----------------------------------------------------------------- */

static void print_notes(const ui_msgs *m)
{
    for (int i = 0; i < m->n; i++) {
        fputs("gkreview: ", stderr);
        for (const unsigned char *c = (const unsigned char *)m->v[i]; *c; c++)
            fputc(*c < 0x20 || *c == 0x7f ? '?' : *c, stderr);
        fputc('\n', stderr);
    }
}

static int ensure_utf8(void)
{
    const char *cs = nl_langinfo(CODESET);
    if (cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8")))
        return 1;
    return setlocale(LC_CTYPE, "C.UTF-8") != NULL;
}

static void loop(tui *t)
{
    for (;;) {
        draw_all(t);
        wint_t ch;
        int rc = wget_wch(stdscr, &ch);
        if (rc == ERR)
            continue;
        if (rc == KEY_CODE_YES && ch == KEY_RESIZE) {
            layout(t);
            erase();
            continue;
        }
        t->msg[0] = '\0';
        if (t->overlay) {                 /* any key closes an overlay */
            t->overlay = OV_NONE;
            continue;
        }
        action_id a = actions_lookup(ch, rc == KEY_CODE_YES);
        if (t->too_small && a != ACT_QUIT)
            continue;
        if (!act(t, a))
            return;
    }
}

static SCREEN *start_screen(void)
{
    SCREEN *s = newterm(NULL, stdout, stdin);
    if (!s)
        return NULL;
    set_term(s);
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(50);
    curs_set(0);
    return s;
}

/* Everything before the screen starts; 0 when there is something to show. */
static int tui_prepare(tui *t, int npaths, char **paths)
{
    if (npaths < 1) {
        fputs("用法: gkreview 文件|目录...    （打开审阅界面；gkreview --help 查看全部用法）\n", stderr);
        return 2;
    }
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fputs("gkreview: 审阅界面需要在终端中运行；批量检查请用 gkreview check\n", stderr);
        return 2;
    }
    batch_open(&t->batch, npaths, paths, 1);
    if (t->batch.files.n == 0) {
        fputs("gkreview: 没有找到报告文件（.txt .md .html .htm .text）\n", stderr);
        return 2;
    }
    if (!ensure_utf8())
        msgs_add(&t->notes, "无法使用 UTF-8 字符集，中文可能显示为占位符");
    config_load(&t->cfg, &t->notes);
    theme_load(t->cfg.theme, &t->notes);
    return 0;
}

static void tui_open(tui *t)
{
    theme_apply(&t->notes);
    t->p[PANEL_SOURCE] = panel_source_new();
    t->p[PANEL_TABLES] = panel_tables_new();
    t->p[PANEL_FINDINGS] = panel_findings_new();
    t->p[PANEL_DETAIL] = panel_detail_new();
    t->focus = PANEL_TABLES;
    doc_open(t, 0);
    layout(t);
    if (t->notes.n)
        snprintf(t->msg, sizeof t->msg, "提示：%s%s", t->notes.v[0],
                 t->notes.n > 1 ? "（另有提示，按 ? 查看）" : "");
}

static void tui_free(tui *t)
{
    for (int i = 0; i < NPANELS; i++)
        if (t->p[i])
            t->p[i]->ops->free(t->p[i]);
    doc_close(t);
    batch_free(&t->batch);
    print_notes(&t->notes);
    msgs_free(&t->notes);
    config_free(&t->cfg);
    theme_free();
}

int app_tui(int npaths, char **paths)
{
    tui t;
    memset(&t, 0, sizeof t);
    int rc = tui_prepare(&t, npaths, paths);
    SCREEN *scr = rc ? NULL : start_screen();
    if (!rc && !scr) {
        msgs_add(&t.notes, "无法初始化终端（TERM=%s）", getenv("TERM") ? getenv("TERM") : "");
        rc = 2;
    }
    if (scr) {
        tui_open(&t);
        loop(&t);
        endwin();
        delscreen(scr);
    }
    tui_free(&t);
    return rc;
}
