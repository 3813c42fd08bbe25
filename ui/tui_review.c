/* tui_review.c — the reviewer's actions on the open report: correct a cell
 * (e) or take the correction back (x), notes on a cell (a) or the report
 * (A), dismiss a finding with a reason (d), the review state (m), undo (u),
 * save (s), and the question before leaving a report with unsaved changes.
 * The work itself is done by view_review.c; this file asks for the text,
 * shows the answer and makes the screen follow. */
#include "draw.h"
#include "tui.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The message of a view_review call goes to the key bar. */
static void say(tui *t, char *msg)
{
    if (msg)
        tui_msg(t, "%s", msg);
    free(msg);
}

static int need_report(tui *t)
{
    if (t->doc.r)
        return 1;
    tui_msg(t, "这份报告无法读取，不能审核");
    return 0;
}

static int need_cell(tui *t)
{
    if (!need_report(t))
        return 0;
    if (t->sel.cell >= 0)
        return 1;
    tui_msg(t, "请先在表格中选择一个单元格");
    return 0;
}

static void correct(tui *t)
{
    if (!need_cell(t))
        return;
    const gk_report *r = t->doc.r;
    int cell = t->sel.cell;
    char val[48];
    char *label = xasprintf("更正 %s（现为 %s），输入新值：", r->tpl->cells[cell].label,
                            view_cell_text(r, cell, val, sizeof val));
    char *text = prompt_line(&t->host, label, NULL);
    free(label);
    if (!text || !*text) {
        tui_msg(t, "未更正");
        free(text);
        return;
    }
    tui_fkey key = tui_finding_key(t);
    char *msg = NULL;
    int rc = view_review_correct(&t->review, t->doc.r, cell, text, &msg);
    free(text);
    say(t, msg);
    if (rc == 0)
        tui_doc_changed(t, key);
}

static void uncorrect(tui *t)
{
    if (!need_cell(t))
        return;
    tui_fkey key = tui_finding_key(t);
    char *msg = NULL;
    int rc = view_review_uncorrect(&t->review, t->doc.r, t->sel.cell, &msg);
    say(t, msg);
    if (rc == 0)
        tui_doc_changed(t, key);
}

static void note(tui *t, int whole)
{
    if (!(whole ? need_report(t) : need_cell(t)))
        return;
    const gk_report *r = t->doc.r;
    int cell = whole ? -1 : t->sel.cell;
    char *title = cell >= 0 ? xasprintf("备注：%s", r->tpl->cells[cell].label) : xstrdup("备注：整份报告");
    char *about = cell >= 0 ? xasprintf("单元格 %s%s。清空后回车即删除备注。", r->tpl->cells[cell].id,
                                        r->cells[cell].line ? "" : "（原文中无此格）")
                            : xasprintf("%s 的备注，写给整份报告。清空后回车即删除备注。", r->path);
    const char *old = view_review_note(&t->review, r, cell);
    char *text = prompt_box(&t->host, title, about, old);
    free(title);
    free(about);
    if (!text) {
        tui_msg(t, "备注未改变");
        return;
    }
    char *msg = NULL;
    int rc = view_review_set_note(&t->review, r, cell, text, &msg);
    free(text);
    say(t, msg);
    if (rc == 0)
        tui_doc_changed(t, tui_finding_key(t));
}

/* The finding d acts on: the selected one, else the first naming the cell. */
static int target_finding(const tui *t)
{
    if (t->sel.finding >= 0)
        return t->sel.finding;
    return t->sel.cell >= 0 ? view_finding_of_cell(t->doc.r, t->sel.cell) : -1;
}

static void dismiss(tui *t)
{
    if (!need_report(t))
        return;
    gk_report *r = t->doc.r;
    int f = target_finding(t);
    tui_fkey key = tui_finding_key(t);
    char *msg = NULL;
    if (f >= 0 && r->findings[f].dismissed) {
        if (view_review_undismiss(&t->review, r, f, &msg) == 0) {
            say(t, msg);
            tui_doc_changed(t, key);
            return;
        }
        say(t, msg);
        return;
    }
    if (f < 0) {
        tui_msg(t, "当前单元格没有问题可忽略（n 跳到下一个问题，f 打开问题列表）");
        return;
    }
    char *about = xasprintf("[%s %s] %s", view_severity_label(r->findings[f].severity), r->findings[f].rule,
                            r->findings[f].message);
    char *reason = prompt_box(&t->host, "忽略这条问题：请写明理由", about, NULL);
    free(about);
    if (!reason) {
        tui_msg(t, "未忽略");
        return;
    }
    int rc = view_review_dismiss(&t->review, r, f, reason, &msg);
    free(reason);
    say(t, msg);
    if (rc == 0)
        tui_doc_changed(t, key);
}

static void undo(tui *t)
{
    tui_fkey key = tui_finding_key(t);
    char *msg = NULL;
    int rc = view_review_undo(&t->review, t->doc.r, &msg);
    say(t, msg);
    if (rc == 0)
        tui_doc_changed(t, key);
}

static int save(tui *t)
{
    tui_fkey key = tui_finding_key(t);
    char *msg = NULL;
    int rc = view_review_save(&t->review, t->doc.r, &msg);
    say(t, msg);
    if (rc == 0) {
        tui_doc_changed(t, key);
        if (t->has_queue)
            tui_queue_saved(t);
    }
    return rc;
}

int tui_review_act(tui *t, action_id a)
{
    char *msg = NULL;
    switch (a) {
    case ACT_CORRECT: correct(t); break;
    case ACT_UNCORRECT: uncorrect(t); break;
    case ACT_NOTE: note(t, 0); break;
    case ACT_REPORT_NOTE: note(t, 1); break;
    case ACT_DISMISS: dismiss(t); break;
    case ACT_STATE:
        if (need_report(t)) {
            view_review_cycle_state(&t->review, &msg);
            say(t, msg);
        }
        break;
    case ACT_UNDO: undo(t); break;
    case ACT_SAVE:
        if (need_report(t))
            save(t);
        break;
    default: return 0;
    }
    return 1;
}

int tui_review_may_leave(tui *t, const char *doing)
{
    if (!t->doc.r || !view_review_dirty(&t->review))
        return 1;
    char *q = xasprintf("本报告有未保存的修改，%s前保存吗？  y 保存  n 不保存  Esc 取消", doing);
    int k = prompt_ask(&t->host, q, "yn");
    free(q);
    if (k == 'y')
        return save(t) == 0;
    if (k == 'n')
        return 1;
    tui_msg(t, "已取消，修改仍未保存（s 保存）");
    return 0;
}

char *tui_review_status(const tui *t)
{
    const gk_report *r = t->doc.r;
    const gk_review *rv = t->review.rv;
    if (!r)
        return xstrdup("");
    sbuf b;
    sbuf_init(&b);
    sbuf_printf(&b, " 错误%d 警告%d %s", r->nerrors, r->nwarnings,
                sidecar_state_name(rv ? rv->state : GK_REV_UNREVIEWED));
    if (view_review_dirty(&t->review))
        sbuf_adds(&b, " *未保存");
    if (rv && sidecar_find(rv, GK_RV_NOTE, NULL, NULL))
        sbuf_adds(&b, " 有备注");
    if (rv && rv->fallback)
        sbuf_adds(&b, " 记录在数据目录");
    if (t->cfg.reviewer)
        sbuf_printf(&b, " 审核人 %s", t->cfg.reviewer);
    sbuf_adds(&b, " ");
    return sbuf_steal(&b);
}

char *tui_review_where(const tui *t)
{
    const gk_review *rv = t->review.rv;
    if (!t->doc.r || !rv)
        return NULL;
    return xasprintf("本报告的审核记录%s：%s%s（审核人：%s）", rv->fallback ? "（报告所在目录不可写，存于数据目录）" : "",
                     sidecar_where(rv), rv->exists ? "" : "（尚未保存过）", t->who);
}
