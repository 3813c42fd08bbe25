/* tui.c — app_tui(): the screen manager.  Owns the curses screen, the
 * list of reports (one loaded at a time, with its sidecar applied), the
 * layout (recomputed in one function, on start and on KEY_RESIZE — never in
 * a signal handler), the status bar, the key bar and the overlays.  It turns
 * keys into actions (actions.c), gives them to the focused panel, routes
 * what the panel did not take, and hands every new selection to the other
 * panels.  The reviewer's actions are in tui_review.c, the queue of
 * reports in tui_queue.c. */
#include "app.h"
#include "draw.h"
#include "mouse.h"
#include "overlay.h"
#include "sig.h"
#include "text.h"
#include "safe.h"
#include "theme.h"
#include "tui.h"
#include "util.h"

#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MIN_W 60
#define MIN_H 16
#define SRC_MIN 28
#define FINDINGS_MIN_W 100       /* the findings list is shown by default from this width */

void tui_msg(tui *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t->msg, sizeof t->msg, fmt, ap);
    va_end(ap);
}

/* ---- reports ------------------------------------------------------------------ */

void tui_doc_close(tui *t)
{
    tui_pair_close(t);
    view_cells_free(&t->doc.cells);
    report_free(t->doc.r);
    free(t->doc.error);
    view_review_free(&t->review);
    free(t->notice);
    t->notice = NULL;
    t->doc.r = NULL;
    t->doc.error = NULL;
    t->doc.rv = NULL;
}

static void select_all(tui *t, const ui_sel *sel, int except)
{
    t->sel = *sel;
    for (int i = 0; i < NPANELS; i++)
        if (i != except && i != PANEL_QUEUE)
            t->p[i]->ops->select(t->p[i], sel);
}

void tui_select(tui *t, const ui_sel *sel)
{
    select_all(t, sel, -1);
}

static void to_panel(tui *t, int which, int action, const char *arg);

static void cells_update(tui *t)
{
    view_cells_free(&t->doc.cells);
    view_cells_init(&t->doc.cells, t->doc.r);
    view_review_mark_notes(&t->review, &t->doc.cells);
}

/* Loads report i with its sidecar applied (the batch's prepare hook) and
 * keeps the sidecar for editing. */
void tui_doc_open(tui *t, size_t i)
{
    tui_doc_close(t);
    t->doc.path = t->batch.files.v[i].path;
    t->doc.index = (int)i;
    t->doc.count = (int)t->batch.files.n;
    t->load.capture = 1;
    t->doc.r = batch_load(&t->batch, i, &t->doc.error);
    t->load.capture = 0;
    if (!t->doc.r && !t->doc.error)
        t->doc.error = xstrdup("无法读取");
    view_review_init(&t->review, t->doc.r ? t->load.rv : NULL, t->who);
    if (!t->doc.r)
        sidecar_free(t->load.rv);
    t->load.rv = NULL;
    t->notice = t->load.warn;
    t->load.warn = NULL;
    t->doc.rv = &t->review;
    cells_update(t);
    for (int k = 0; k < NPANELS; k++)
        if (k != PANEL_QUEUE)
            t->p[k]->ops->open(t->p[k], &t->doc);
    ui_sel sel = {-1, -1, 0};
    if (t->doc.r && t->doc.r->tpl->ncells > 0) {
        sel.cell = 0;
        sel.line = t->doc.r->cells[0].line;
    }
    select_all(t, &sel, -1);
    if (t->doc.r && t->doc.r->nerrors + t->doc.r->nwarnings > 0)
        to_panel(t, PANEL_FINDINGS, ACT_NEXT_FLAG, NULL);   /* the first open error (or warning) */
    t->overlay = t->notice ? OV_NOTICE : OV_NONE;
    t->offer_recovery = t->doc.r != NULL;
}

tui_fkey tui_finding_key(const tui *t)
{
    tui_fkey k = {NULL, -1, 0};
    const gk_report *r = t->doc.r;
    if (r && t->sel.finding >= 0 && t->sel.finding < r->nfindings) {
        const gk_finding *f = &r->findings[t->sel.finding];
        k.rule = f->rule;
        k.cell0 = f->ncells ? f->cells[0] : -1;
        k.line = f->line;
    }
    return k;
}

void tui_doc_changed(tui *t, tui_fkey key)
{
    cells_update(t);
    for (int k = 0; k < NPANELS; k++)
        if (k != PANEL_QUEUE && t->p[k]->ops->changed)
            t->p[k]->ops->changed(t->p[k]);
    ui_sel sel = t->sel;
    if (sel.finding >= 0)
        sel.finding = t->doc.r && key.rule ? view_finding_match(t->doc.r, key.rule, key.cell0, key.line) : -1;
    tui_layout(t);
    select_all(t, &sel, -1);
}

/* ---- layout ---------------------------------------------------------------------- */

void tui_layout(tui *t)
{
    int H = LINES, W = COLS;
    t->too_small = W < MIN_W || H < MIN_H;
    if (t->too_small)
        return;
    t->p[PANEL_QUEUE]->ops->resize(t->p[PANEL_QUEUE], (ui_rect){1, 0, H - 2, W});
    t->pairp->ops->resize(t->pairp, (ui_rect){1, 0, H - 2, W});
    int dh = H >= 40 ? 4 : H >= 30 ? 3 : 2;
    int fh = 0;
    t->show_findings = t->findings_pref >= 0 ? t->findings_pref : W >= FINDINGS_MIN_W;
    if (!t->show_findings && t->focus == PANEL_FINDINGS)
        t->focus = PANEL_TABLES;
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
    char pos[48] = "";
    if (t->has_queue)
        tui_queue_place(t, pos, sizeof pos);
    else if (t->doc.count > 1)
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
    if (t->in_queue) {
        tui_queue_draw_status(t);
        return;
    }
    ui_style st = theme_style(EL_STATUS);
    char *right = tui_review_status(t);
    int rw = draw_width(right, 0);
    if (rw > COLS / 2)
        rw = COLS / 2;
    char *left = status_left(t, COLS - rw);
    draw_text(stdscr, 0, 0, COLS - rw, left, strlen(left), 0, st, DRAW_PAD | DRAW_MARK);
    draw_text(stdscr, 0, COLS - rw, rw, right, strlen(right), 0, st, DRAW_PAD | DRAW_MARK);
    free(left);
    free(right);
}

static unsigned context(const tui *t)
{
    if (t->in_queue)
        return CTX_QUEUE | CTX_QUITS;
    if (t->in_pair)
        return CTX_PAIR | (COLS < VP_WIDE_MIN ? CTX_NARROW : 0);
    unsigned c = t->focus == PANEL_SOURCE ? CTX_SOURCE : t->focus == PANEL_TABLES ? CTX_TABLES : CTX_FINDINGS;
    return c | (t->doc.count > 1 ? CTX_MULTI : 0) | (t->has_queue ? CTX_QUEUED : CTX_QUITS);
}

static void draw_keybar(tui *t)
{
    ui_style st = theme_style(EL_STATUS);
    if (t->msg[0]) {
        draw_text(stdscr, LINES - 1, 0, COLS, t->msg, strlen(t->msg), 0, st, DRAW_PAD | DRAW_MARK);
        return;
    }
    char *h = actions_hints(context(t), COLS);
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
        return view_review_cell_detail(&t->doc.cells, &t->review, t->sel.cell);
    return xstrdup("（未选择单元格或问题）");
}

static void draw_help(tui *t)
{
    ui_msgs all = {NULL, 0};
    char *where = t->in_queue ? NULL : tui_review_where(t);
    if (where)
        msgs_add(&all, "%s", where);
    for (int i = 0; i < t->notes.n; i++)
        msgs_add(&all, "%s", t->notes.v[i]);
    for (int i = 0; i < t->load.nothers && i < 5; i++)
        msgs_add(&all, "%s", t->load.others[i]);
    unsigned ctx = t->in_queue ? CTX_QUEUE : t->in_pair ? context(t) : CTX_PANELS | context(t);
    actions_draw_help(stdscr, ctx, t->help_top, &all, &t->help_more);
    msgs_free(&all);
    free(where);
}

static void draw_overlay(tui *t)
{
    if (t->overlay == OV_HELP) {
        draw_help(t);
    } else if (t->overlay == OV_DETAIL) {
        char *d = detail_text(t);
        overlay_text(stdscr, "详情 · 按任意键关闭", d);
        free(d);
    } else if (t->overlay == OV_NOTICE && t->notice) {
        overlay_text(stdscr, "审核记录提示 · 按任意键继续", t->notice);
    }
}

/* Everything, into stdscr (no refresh). */
static void paint(tui *t)
{
    if (t->too_small) {
        overlay_too_small(stdscr, MIN_W, MIN_H);
        return;
    }
    draw_status(t);
    if (t->in_queue) {
        t->p[PANEL_QUEUE]->ops->draw(t->p[PANEL_QUEUE], stdscr, 1);
    } else if (t->in_pair) {
        t->pairp->ops->draw(t->pairp, stdscr, 1);
    } else {
        for (int i = 0; i < PANEL_QUEUE; i++)
            if (i != PANEL_FINDINGS || t->show_findings)
                t->p[i]->ops->draw(t->p[i], stdscr, i == t->focus);
        draw_separator(t);
    }
    draw_keybar(t);
    draw_overlay(t);
}

static void draw_all(tui *t)
{
    paint(t);
    wnoutrefresh(stdscr);
    doupdate();
}

/* The prompts' callback: the screen behind them. */
static void host_paint(void *ctx, int resized)
{
    tui *t = ctx;
    if (resized) {
        tui_layout(t);
        erase();
    }
    char keep = t->msg[0];
    t->msg[0] = '\0';                     /* the prompt owns the key bar */
    paint(t);
    t->msg[0] = keep;
}

/* ---- actions ------------------------------------------------------------------------- */

/* What a panel answered: its message, a new selection, the detail. */
static void reply(tui *t, int which, int rc, const ui_reply *out)
{
    if (out->msg[0])
        tui_msg(t, "%s", out->msg);
    if (rc & PR_SELECT)
        select_all(t, &out->sel, which);
    if ((rc & PR_DETAIL) && t->doc.r)
        t->overlay = OV_DETAIL;
}

static void to_panel(tui *t, int which, int action, const char *arg)
{
    ui_reply out;
    memset(&out, 0, sizeof out);
    out.sel = t->sel;
    int rc = t->p[which]->ops->key(t->p[which], action, arg, &out);
    if (rc == PR_IGNORED && which != PANEL_FINDINGS && (action == ACT_NEXT_FLAG || action == ACT_PREV_FLAG)) {
        to_panel(t, PANEL_FINDINGS, action, arg);     /* n/N step through findings, listed or not */
        return;
    }
    if (rc == PR_IGNORED && which != PANEL_TABLES && action == ACT_NEXT_TABLE) {
        to_panel(t, PANEL_TABLES, action, arg);
        return;
    }
    reply(t, which, rc, &out);
}

static void focus_next(tui *t, int dir)
{
    static const int ORDER[] = {PANEL_SOURCE, PANEL_TABLES, PANEL_FINDINGS};
    int n = t->show_findings ? 3 : 2, k = 0;
    for (int i = 0; i < n; i++)
        if (ORDER[i] == t->focus)
            k = i;
    t->focus = ORDER[(k + dir + n) % n];
    if (t->focus == PANEL_FINDINGS)
        to_panel(t, PANEL_FINDINGS, ACT_NONE, NULL);
}

static void switch_report(tui *t, int dir)
{
    if (t->has_queue) {
        tui_queue_step(t, dir);
        return;
    }
    int i = t->doc.index + dir;
    if (i < 0 || i >= t->doc.count) {
        tui_msg(t, "%s", dir > 0 ? "已是最后一份报告" : "已是第一份报告");
        return;
    }
    if (!tui_review_may_leave(t, "打开其他报告"))
        return;
    tui_doc_open(t, (size_t)i);
    tui_layout(t);
}

static void search(tui *t)
{
    char *q = prompt_line(&t->host, "搜索原文：", NULL);
    if (q && *q) {
        t->focus = PANEL_SOURCE;
        to_panel(t, PANEL_SOURCE, ACT_SEARCH, q);
    }
    free(q);
}

static void toggle_findings(tui *t)
{
    t->findings_pref = !t->show_findings;
    t->show_findings = t->findings_pref;
    t->focus = t->show_findings ? PANEL_FINDINGS : t->focus == PANEL_FINDINGS ? PANEL_TABLES : t->focus;
    tui_layout(t);
    if (t->show_findings) {
        t->p[PANEL_FINDINGS]->ops->select(t->p[PANEL_FINDINGS], &t->sel);
        to_panel(t, PANEL_FINDINGS, ACT_NONE, NULL);
    }
}

/* Returns 0 to quit. */
static int act_report(tui *t, action_id a)
{
    if (tui_review_act(t, a))
        return 1;
    switch (a) {
    case ACT_QUIT:
        if (t->has_queue) {
            tui_queue_back(t);
            return 1;
        }
        return !tui_review_may_leave(t, "退出");
    case ACT_BACK:
        if (t->has_queue)
            tui_queue_back(t);
        break;
    case ACT_DETAIL: t->overlay = t->doc.r ? OV_DETAIL : OV_NONE; break;
    case ACT_NEXT_PANEL: focus_next(t, 1); break;
    case ACT_PREV_PANEL: focus_next(t, -1); break;
    case ACT_NEXT_REPORT: switch_report(t, 1); break;
    case ACT_PREV_REPORT: switch_report(t, -1); break;
    case ACT_SEARCH: search(t); break;
    case ACT_FINDINGS: toggle_findings(t); break;
    case ACT_PAIR: tui_pair_open(t); break;
    case ACT_F_ERRORS:
    case ACT_BY_RULE:
        if (!t->show_findings)
            toggle_findings(t);
        t->focus = PANEL_FINDINGS;
        to_panel(t, PANEL_FINDINGS, a, NULL);
        break;
    case ACT_NONE: break;
    default: to_panel(t, t->focus, a, NULL); break;
    }
    return 1;
}

/* ---- the pair view ----------------------------------------------------------------------- */

/* The partner of the open report: the queue's pairing (the previous year
 * first), else a report of the same body in the report's folder. */
static char *pair_partner(const tui *t)
{
    const gk_report *r = t->doc.r;
    if (t->has_queue && t->queue.paired) {
        int i = t->doc.index, j = t->batch.prev[i] >= 0 ? t->batch.prev[i] : t->batch.next[i];
        if (j >= 0)
            return xstrdup(t->batch.files.v[j].path);
    }
    return view_pair_find_in_folder(t->doc.path, r->body, r->year);
}

void tui_pair_open(tui *t)
{
    if (!t->doc.r) {
        tui_msg(t, "这份报告无法读取，不能做年度对比");
        return;
    }
    char *path = pair_partner(t);
    if (!path) {
        tui_msg(t, "未找到同一单位的上一年或下一年报告（在队列和报告所在的文件夹中）");
        return;
    }
    char *why = NULL;
    gk_report *partner = view_pair_open(path, &why);
    if (!partner) {
        tui_msg(t, "无法读取对比年度的报告 %s：%s", path, why ? why : "");
        free(why);
        free(path);
        return;
    }
    free(path);
    view_pair_init(&t->pair, t->doc.r, partner);
    t->in_pair = 1;
    t->pairp->ops->open(t->pairp, &t->doc);
    tui_layout(t);
}

void tui_pair_close(tui *t)
{
    if (!t->in_pair)
        return;
    t->in_pair = 0;
    view_pair_free(&t->pair);
    t->pairp->ops->open(t->pairp, &t->doc);   /* drops the lines that pointed into the pair */
}

static int pair_act(tui *t, action_id a)
{
    if (a == ACT_PAIR_CLOSE) {
        tui_pair_close(t);
        return 1;
    }
    ui_reply out;
    memset(&out, 0, sizeof out);
    t->pairp->ops->key(t->pairp, a, NULL, &out);
    if (out.msg[0])
        tui_msg(t, "%s", out.msg);
    return 1;
}

static int act(tui *t, action_id a)
{
    if (a == ACT_HELP) {
        t->overlay = OV_HELP;
        t->help_top = 0;
        return 1;
    }
    if (t->in_queue)
        return tui_queue_act(t, a);
    if (t->in_pair)
        return pair_act(t, a);
    return act_report(t, a);
}

/* A key while an overlay is shown: the help scrolls, any other key closes. */
static void overlay_key(tui *t, action_id a)
{
    int scroll = a == ACT_DOWN ? 1 : a == ACT_PGDN ? 10 : a == ACT_UP ? -1 : a == ACT_PGUP ? -10 : 0;
    if (t->overlay != OV_HELP || !scroll) {
        t->overlay = OV_NONE;
        redrawwin(stdscr);                /* a box edge may have cut a wide character in two */
        return;
    }
    if (scroll > 0 && !t->help_more)
        return;
    t->help_top += scroll;
    t->help_top = t->help_top < 0 ? 0 : t->help_top;
}

/* ---- start and finish ----------------------------------------------------------------- */

static void print_notes(const ui_msgs *m)
{
    for (int i = 0; i < m->n; i++) {
        fputs("gkreview: ", stderr);
        safe_fputs(stderr, m->v[i]);    /* the command line's neutraliser (src/safe.h) */
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

/* Waits for a key.  While the queue has work and no key is waiting, does a
 * slice of it and returns ERR, so the loop shows the progress and looks at
 * the keyboard again. */
static int next_key(tui *t, wint_t *ch)
{
    int busy = t->has_queue && tui_queue_busy(t);
    wtimeout(stdscr, busy ? 0 : -1);
    int rc = wget_wch(stdscr, ch);
    wtimeout(stdscr, -1);
    if (rc == ERR && busy)
        tui_queue_work(t);
    return rc;
}

/* ---- the mouse -------------------------------------------------------------------------- */

static int inside(const panel *p, int y, int x)
{
    return y >= p->r.y && y < p->r.y + p->r.h && x >= p->r.x && x < p->r.x + p->r.w;
}

static void on_mouse(tui *t, const mouse_ev *ev)
{
    if (ev->kind == MOUSE_NONE || t->too_small)
        return;
    int wheel = ev->kind == MOUSE_WHEEL_UP ? -1 : ev->kind == MOUSE_WHEEL_DOWN ? 1 : 0;
    if (t->overlay) {
        overlay_key(t, wheel ? (wheel < 0 ? ACT_UP : ACT_DOWN) : ACT_NONE);
        return;
    }
    t->msg[0] = '\0';
    if (t->in_queue) {
        tui_queue_mouse(t, ev->y, ev->x, ev->kind == MOUSE_DOUBLE, wheel);
        return;
    }
    if (t->in_pair) {
        for (int n = 0; wheel && n < 3; n++)
            pair_act(t, wheel < 0 ? ACT_UP : ACT_DOWN);
        return;
    }
    static const int ORDER[] = {PANEL_SOURCE, PANEL_TABLES, PANEL_FINDINGS, PANEL_DETAIL};
    for (size_t k = 0; k < sizeof ORDER / sizeof ORDER[0]; k++) {
        int i = ORDER[k];
        panel *p = t->p[i];
        if ((i == PANEL_FINDINGS && !t->show_findings) || !inside(p, ev->y, ev->x))
            continue;
        if (wheel) {
            for (int n = 0; n < 3; n++)
                to_panel(t, i, wheel < 0 ? ACT_UP : ACT_DOWN, NULL);
            return;
        }
        if (i == PANEL_DETAIL) {
            if (ev->kind == MOUSE_DOUBLE && t->doc.r)
                t->overlay = OV_DETAIL;
            return;
        }
        t->focus = i;
        if (!p->ops->click)
            return;
        ui_reply out;
        memset(&out, 0, sizeof out);
        out.sel = t->sel;
        int rc = p->ops->click(p, ev->y, ev->x, ev->kind == MOUSE_DOUBLE, &out);
        reply(t, i, rc, &out);
        return;
    }
}

static void loop(tui *t)
{
    for (;;) {
        if (t->offer_recovery) {
            t->offer_recovery = 0;
            tui_review_offer(t);
        }
        draw_all(t);
        wint_t ch;
        int rc = next_key(t, &ch);
        if (sig_ending()) {
            t->ending = sig_ending();
            return;                          /* the unsaved work is in the recovery file */
        }
        if (sig_take_interrupt()) {
            t->msg[0] = '\0';
            tui_pair_close(t);               /* Ctrl-C asks about quitting from the report */
            if (!act(t, ACT_QUIT) || sig_ending()) {
                t->ending = sig_ending();
                return;
            }
            continue;
        }
        if (rc == ERR)
            continue;
        if (rc == KEY_CODE_YES && ch == KEY_RESIZE) {
            tui_layout(t);
            erase();
            continue;
        }
        mouse_ev ev;
        if (mouse_key(rc, ch, &ev)) {
            on_mouse(t, &ev);
            continue;
        }
        t->msg[0] = '\0';
        action_id a = actions_lookup(ch, rc == KEY_CODE_YES, t->in_queue ? CTX_QUEUE : t->in_pair ? CTX_PAIR : CTX_PANELS);
        if (t->overlay) {
            overlay_key(t, a);
            continue;
        }
        if (t->too_small && a != ACT_QUIT)
            continue;
        if (!act(t, a) || sig_ending()) {
            t->ending = sig_ending();
            return;
        }
    }
}

static SCREEN *start_screen(void)
{
    char undo[16], save[16], state[16];   /* key letters in the review's messages, from the action table */
    view_review_set_keys(actions_key_name(ACT_UNDO, undo, sizeof undo), actions_key_name(ACT_SAVE, save, sizeof save),
                         actions_key_name(ACT_STATE, state, sizeof state));
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
    prompt_setup();
    sig_ctrl_c_as_key();
    sig_install();
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
    batch_open(&t->batch, npaths, paths, 0);   /* years are paired by the queue */
    if (t->batch.files.n == 0)
        return 2;                            /* the walk said which folder is empty */
    t->batch.prepare = view_load_prepare;
    t->batch.prepare_ctx = &t->load;
    if (!ensure_utf8())
        msgs_add(&t->notes, "无法使用 UTF-8 字符集，中文可能显示为占位符");
    config_load(&t->cfg, &t->notes);
    theme_load(t->cfg.theme, &t->notes);
    t->who = xstrdup(t->cfg.reviewer ? t->cfg.reviewer : "");   /* asked at the first save */
    /* several reports, or one directory: the queue */
    struct stat sb;
    t->has_queue = t->batch.files.n > 1 || npaths > 1 || (stat(paths[0], &sb) == 0 && S_ISDIR(sb.st_mode));
    return 0;
}

static void tui_open(tui *t)
{
    theme_apply(&t->notes);
    t->host.paint = host_paint;
    t->host.ctx = t;
    t->p[PANEL_SOURCE] = panel_source_new();
    t->p[PANEL_TABLES] = panel_tables_new();
    t->p[PANEL_FINDINGS] = panel_findings_new();
    t->p[PANEL_DETAIL] = panel_detail_new();
    t->p[PANEL_QUEUE] = panel_queue_new(&t->queue);
    t->pairp = panel_pair_new(&t->pair);
    t->focus = PANEL_TABLES;
    t->findings_pref = -1;
    mouse_start(t->cfg.mouse);
    view_review_init(&t->review, NULL, t->who);
    if (t->has_queue)
        tui_queue_start(t);
    else
        tui_doc_open(t, 0);
    tui_layout(t);
    if (t->notes.n)
        tui_msg(t, "提示：%s%s", t->notes.v[0], t->notes.n > 1 ? "（另有提示，按 ? 查看）" : "");
}

static void tui_free(tui *t)
{
    tui_doc_close(t);
    for (int i = 0; i < NPANELS; i++)
        panel_free(t->p[i]);
    panel_free(t->pairp);
    view_queue_free(&t->queue);
    batch_free(&t->batch);
    for (int i = 0; i < t->load.nothers; i++)
        msgs_add(&t->notes, "%s", t->load.others[i]);
    view_load_free(&t->load);
    print_notes(&t->notes);
    msgs_free(&t->notes);
    config_free(&t->cfg);
    free(t->who);
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
        mouse_stop();
        endwin();
        delscreen(scr);
    }
    if (t.ending && t.doc.r && view_review_dirty(&t.review))
        msgs_add(&t.notes, "收到信号 %d，未保存的修改已留在恢复文件中，下次打开 %s 时可以恢复", t.ending, t.doc.path);
    int ending = t.ending;
    tui_free(&t);
    return ending ? 128 + ending : rc;
}
