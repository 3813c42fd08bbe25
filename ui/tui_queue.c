/* tui_queue.c — the report queue in the screen manager: starting it, doing
 * its background work a slice at a time between keys, its status bar with
 * the progress of checking and of reviewing, opening a report from it,
 * going back to it, and ] / [ to the next report that still has findings. */
#include "draw.h"
#include "tui.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLICE_MS 30               /* work between two looks at the keyboard */

void tui_queue_start(tui *t)
{
    view_queue_init(&t->queue, &t->batch, &t->load);
    t->in_queue = 1;
    t->focus = PANEL_QUEUE;
    view_queue_work(&t->queue, SLICE_MS);      /* the first lines at once */
}

int tui_queue_busy(const tui *t)
{
    return view_queue_busy(&t->queue);
}

void tui_queue_work(tui *t)
{
    view_queue_work(&t->queue, SLICE_MS);
}

/* The status bar of the queue: counts on the left, progress on the right. */
void tui_queue_draw_status(tui *t)
{
    const view_queue *q = &t->queue;
    size_t witherr = 0, unreadable = 0;
    for (size_t i = 0; i < q->n; i++) {
        witherr += q->v[i].status == VQ_CHECKED && q->v[i].nerrors > 0;
        unreadable += q->v[i].status == VQ_UNREADABLE;
    }
    ui_style st = theme_style(EL_STATUS);
    char *left = xasprintf(" %zu 份报告 · 已审核 %zu/%zu · 有错误 %zu", q->n, q->reviewed, q->n, witherr);
    if (unreadable) {
        char *l2 = xasprintf("%s · 无法读取 %zu", left, unreadable);
        free(left);
        left = l2;
    }
    char right[96] = "";
    int done = q->checked >= q->n, barw = COLS >= 100 ? 20 : 10;
    if (!done)
        snprintf(right, sizeof right, " %s %zu/%zu ", q->paired ? "检查" : "读标题", q->paired ? q->checked : q->titled,
                 q->n);
    int rw = done ? 0 : draw_width(right, 0) + barw + 1;
    draw_text(stdscr, 0, 0, COLS - rw, left, strlen(left), 0, st, DRAW_PAD | DRAW_MARK);
    free(left);
    if (done || rw > COLS / 2)
        return;
    int x = COLS - rw;
    x += draw_text(stdscr, 0, x, rw, right, strlen(right), 0, st, 0);
    size_t num = q->paired ? q->checked : q->titled;
    int fill = q->n ? (int)((double)num / (double)q->n * (barw - 2)) : 0;
    ui_style on = st;
    on.attr ^= A_REVERSE;                     /* the done part in the opposite video */
    draw_text(stdscr, 0, x, 1, "[", 1, 0, st, 0);
    draw_fill(stdscr, 0, x + 1, fill, on);
    draw_fill(stdscr, 0, x + 1 + fill, barw - 2 - fill, st);
    draw_text(stdscr, 0, x + barw - 1, 1, "]", 1, 0, st, 0);
    draw_fill(stdscr, 0, x + barw, 1, st);
}

static void open_report(tui *t, size_t i)
{
    if (!t->queue.paired)
        view_queue_pair_now(&t->queue);        /* cross-year rules need the pairs */
    tui_doc_open(t, i);
    t->in_queue = 0;
    if (t->focus == PANEL_QUEUE)
        t->focus = PANEL_TABLES;
    ui_sel sel = {(int)i, -1, 0};
    t->p[PANEL_QUEUE]->ops->select(t->p[PANEL_QUEUE], &sel);
    tui_layout(t);
}

/* /: the queue shows the reports whose body, year or file name hold the text. */
static void search(tui *t)
{
    char *q = prompt_line(&t->host, "搜索报告（单位、年度或文件名；空白回车清除）：", t->queue.query);
    if (!q)
        return;
    view_queue_set_query(&t->queue, q);
    if (t->queue.query)
        tui_msg(t, "搜索「%s」：%zu 份报告", t->queue.query, t->queue.norder);
    else
        tui_msg(t, "已清除搜索：%zu 份报告", t->queue.norder);
    free(q);
}

int tui_queue_act(tui *t, action_id a)
{
    if (a == ACT_QUIT)
        return 0;
    if (a == ACT_QUEUE_SEARCH) {
        search(t);
        return 1;
    }
    ui_reply out;
    memset(&out, 0, sizeof out);
    int rc = t->p[PANEL_QUEUE]->ops->key(t->p[PANEL_QUEUE], a, NULL, &out);
    if (out.msg[0])
        tui_msg(t, "%s", out.msg);
    if (rc & PR_OPEN)
        open_report(t, (size_t)out.open);
    return 1;
}

void tui_queue_step(tui *t, int dir)
{
    if (!tui_review_may_leave(t, "打开其他报告"))
        return;
    int i = view_queue_next_open(&t->queue, (size_t)t->doc.index, dir);
    view_queue_reorder(&t->queue);
    if (i < 0) {
        tui_msg(t, "队列中%s没有还有问题的报告了（q 回到队列）", dir > 0 ? "后面" : "前面");
        return;
    }
    open_report(t, (size_t)i);
}

void tui_queue_back(tui *t)
{
    if (!tui_review_may_leave(t, "回到队列"))
        return;
    ui_sel sel = {t->doc.index, -1, 0};
    tui_doc_close(t);
    view_review_init(&t->review, NULL, t->who);
    t->in_queue = 1;
    t->focus = PANEL_QUEUE;
    t->overlay = OV_NONE;
    t->p[PANEL_QUEUE]->ops->select(t->p[PANEL_QUEUE], &sel);
    tui_layout(t);
}

void tui_queue_saved(tui *t)
{
    view_queue_update(&t->queue, (size_t)t->doc.index, t->doc.r, t->review.rv);
}

void tui_queue_mouse(tui *t, int y, int x, int dbl, int wheel)
{
    panel *p = t->p[PANEL_QUEUE];
    if (y < p->r.y || y >= p->r.y + p->r.h)
        return;
    if (wheel) {
        for (int n = 0; n < 3; n++)
            tui_queue_act(t, wheel < 0 ? ACT_UP : ACT_DOWN);
        return;
    }
    ui_reply out;
    memset(&out, 0, sizeof out);
    int rc = p->ops->click(p, y, x, dbl, &out);
    if (rc & PR_OPEN)
        open_report(t, (size_t)out.open);
}

void tui_queue_place(const tui *t, char *buf, size_t n)
{
    int pos = view_queue_pos(&t->queue, (size_t)t->doc.index);
    if (pos >= 0)
        snprintf(buf, n, "[队列 %d/%zu] ", pos + 1, t->queue.norder);
    else
        snprintf(buf, n, "[队列外/%zu] ", t->queue.norder);
}
